import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import pg from 'pg'
import { buildApp } from '../src/app'
import type { Actor } from '../src/actions/context'
import { inTransaction } from '../src/actions/transaction'
import { createUser } from '../src/actions/users/createUser'
import { loadConfig, type Config } from '../src/config'
import type { Role } from '../src/db/schema'
import { bootstrapOrganization } from '../src/seed/bootstrap'
import { createServices, type Services } from '../src/services'

/**
 * Test harness: a real Baton app on a real database. PGlite in memory by default; with
 * TEST_DATABASE_URL, a fresh PostgreSQL database per harness (dropped afterwards); with
 * TEST_REDIS_URL, Redis under a key prefix of its own.
 */
export interface TestContext {
  app: FastifyInstance
  services: Services
  ceo: Actor & { password: string }
  config: Config
  /** Creates a user through the createUser action, acting as the CEO. */
  createUser(role: Exclude<Role, 'ceo'>, overrides?: Partial<{ name: string; email: string; password: string; timezone: string; language: 'en' | 'es' }>): Promise<Actor & { password: string }>
  login(user: { email: string; password: string }): Promise<{ accessToken: string; refreshToken: string }>
  /** Logs in (once, cached) and returns an HTTP client with that user's token. */
  as(user: { email: string; password: string }): Promise<Client>
  close(): Promise<void>
}

export interface Client {
  token: string
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  get(url: string): Promise<Response>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  delete(url: string, body?: unknown): Promise<Response>
}

export interface Response { status: number; body: any; headers: Record<string, unknown> }

export const TEST_PASSWORD = 'correct-horse-battery'

export async function createTestDatabaseUrl(): Promise<{ url?: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL
  if (!admin) return { url: undefined, drop: async () => undefined }
  const name = `baton_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`create database ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined)
      await c.end()
    },
  }
}

export async function createTestContext(overrides: Partial<Record<string, string>> = {}): Promise<TestContext> {
  const database = await createTestDatabaseUrl()
  const config = loadConfig({
    BATON_DATA_DIR: 'memory://',
    LOG_LEVEL: 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL, BATON_REDIS_PREFIX: `baton-test:${randomUUID()}:` } : {}),
    ...overrides,
  } as NodeJS.ProcessEnv)
  const services = await createServices(config)
  const ceoLogin = { email: `ceo-${randomUUID().slice(0, 8)}@test.baton`, password: TEST_PASSWORD, name: 'Carla Ceo' }
  const boot = await bootstrapOrganization(services.database.db, { organizationName: 'Test Org', ceo: ceoLogin })
  const ceo = { ...boot.ceo!, password: TEST_PASSWORD }
  const app = await buildApp(services)
  await app.ready()
  const sessions = new Map<string, Client>()

  const ctx: TestContext = {
    app, services, ceo, config,
    async createUser(role, o = {}) {
      const email = o.email ?? `${role}-${randomUUID().slice(0, 8)}@test.baton`
      const password = o.password ?? TEST_PASSWORD
      const user = await inTransaction(services.database.db, { actor: ceo, onCommit: () => void services.relay.kick() },
        (c) => createUser(c, { email, password, role, name: o.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${email.slice(0, 12)}`,
          timezone: o.timezone, language: o.language }))
      return { id: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email, password }
    },
    async login(user) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } })
      if (res.statusCode !== 200) throw new Error(`login failed for ${user.email}: ${res.body}`)
      return res.json()
    },
    async as(user) {
      const cached = sessions.get(user.email)
      if (cached) return cached
      const { accessToken } = await ctx.login(user)
      const client = clientFor(app, accessToken)
      sessions.set(user.email, client)
      return client
    },
    async close() {
      await app.close()
      await services.close()
      await database.drop()
    },
  }
  return ctx
}

export function clientFor(app: FastifyInstance, token: string): Client {
  const request: Client['request'] = async (method, url, body, headers = {}) => {
    const res = await app.inject({
      method, url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    })
    let parsed: unknown = res.body
    try { parsed = res.body ? JSON.parse(res.body) : undefined } catch { /* not JSON */ }
    return { status: res.statusCode, body: parsed, headers: res.headers }
  }
  return {
    token, request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => request('PATCH', url, body ?? {}, headers),
    delete: (url, body) => request('DELETE', url, body),
  }
}
