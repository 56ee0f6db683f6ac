import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { listAudit, listAuditQuery } from '../../../queries/listAudit'
import { actorOf } from '../../plugins/auth'
import type { RouteDeps } from '../types'

export function auditRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db

  r.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first (CEO only)', querystring: listAuditQuery } },
    async (req) => listAudit(db, actorOf(req), req.query))
}
