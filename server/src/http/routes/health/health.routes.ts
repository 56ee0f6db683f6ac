import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import type { RouteDeps } from '../types'

/** Extra readiness checks other parts register (voice reports here as available or not). */
export type ReadinessCheck = () => Promise<{ name: string; ok: boolean; required: boolean; detail?: string }>

/** Checks other route modules add (voice reports itself here); read at request time. */
export function addReadinessCheck(app: FastifyInstance, check: ReadinessCheck) {
  (app as FastifyInstance & { readinessChecks?: ReadinessCheck[] }).readinessChecks?.push(check)
}

export function healthRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const extraChecks: ReadinessCheck[] = []
  app.decorate('readinessChecks', extraChecks)
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is up' } }, async () => ({ status: 'ok' }))

  app.get('/readyz', { schema: { tags: ['health'], summary: 'Database (and Redis, when configured) reachable' } }, async (_req, reply) => {
    const checks: Record<string, { ok: boolean; required: boolean; detail?: string }> = {}
    checks.database = await probe(async () => { await sql`select 1`.execute(services.database.db) }, services.database.kind)
    if (services.redis) {
      const redis = services.redis
      checks.redis = await probe(async () => { await redis.ping() }, 'redis')
    }
    for (const check of extraChecks) {
      const result = await check().catch((e: Error) => ({ name: 'unknown', ok: false, required: false, detail: e.message }))
      checks[result.name] = { ok: result.ok, required: result.required, detail: result.detail }
    }
    const ready = Object.values(checks).every((c) => c.ok || !c.required)
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks })
  })
}

async function probe(fn: () => Promise<void>, detail: string) {
  try { await fn(); return { ok: true, required: true, detail } } catch (e) {
    return { ok: false, required: true, detail: `${detail}: ${(e as Error).message}` }
  }
}
