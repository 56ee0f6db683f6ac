import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { bootstrapOrganization } from '../server/src/seed/bootstrap'
import { createServices, type Services } from '../server/src/services'
import { createTestDatabaseUrl } from '../server/test/harness'

/** A Baton node for benchmarks: PGlite in memory, or PostgreSQL when BENCH_DATABASE_URL is set. */
export async function startBaton() {
  const admin = process.env.BENCH_DATABASE_URL
  const previous = process.env.TEST_DATABASE_URL
  if (admin) process.env.TEST_DATABASE_URL = admin
  const database = await createTestDatabaseUrl()
  process.env.TEST_DATABASE_URL = previous
  const config = loadConfig({ BATON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...(database.url ? { DATABASE_URL: database.url } : {}) } as NodeJS.ProcessEnv)
  const services: Services = await createServices(config)
  const password = 'bench-password-1'
  const { ceo } = await bootstrapOrganization(services.database.db, { organizationName: 'Bench', ceo: { email: `bench-${randomUUID().slice(0, 6)}@bench.baton`, name: 'Bench Ceo', password } })
  const app = await buildApp(services)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ceo!.email, password }) })
  const { accessToken } = (await login.json()) as { accessToken: string }
  return {
    app, services, url, token: accessToken, ceo: ceo!, kind: services.database.kind,
    async close() { await app.close(); await services.close(); await database.drop() },
  }
}

export async function listenOnFreePort(app: FastifyInstance) {
  await app.listen({ port: 0, host: '127.0.0.1' })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

export function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
