import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { executeStoredCommand, cancelStoredCommand, runCommand } from '../../../commands/service'
import { presentCommand } from '../../../commands/presentCommand'
import { undoCommand } from '../../../commands/undo'
import { pageQuery, toPage, decodeCursor } from '../../../queries/pagination'
import { timezoneSchema } from '../../../actions/users/userSchemas'
import { actorOf } from '../../plugins/auth'
import { AppError } from '../../errors'
import { idParams } from '../common'
import type { RouteDeps } from '../types'

export const commandBody = z.strictObject({
  text: z.string().trim().min(1, 'say something').max(2000),
  dryRun: z.boolean().optional(),
  now: z.iso.datetime({ offset: true }).optional(),
  timezone: timezoneSchema.optional(),
  channelId: z.uuid().optional(),
  sessionId: z.string().min(1).max(100).optional(),
})

const idempotencyKey = (headers: Record<string, unknown>) => {
  const key = headers['idempotency-key']
  if (key === undefined) return undefined
  if (typeof key !== 'string' || !key.length || key.length > 200) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 1–200 characters.')
  return key
}

export function commandsRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const deps = { db: services.database.db, onCommit: () => { void services.relay.kick() } }
  const tags = ['commands']

  r.post('/api/v1/commands', { schema: { tags, summary: 'Interpret a sentence into a plan and execute it atomically (or dry-run it)', body: commandBody } },
    async (req) => runCommand(deps, actorOf(req), {
      ...req.body, now: req.body.now ? new Date(req.body.now) : undefined, idempotencyKey: idempotencyKey(req.headers), source: 'text',
    }))

  r.post('/api/v1/commands/:id/execute', { schema: { tags, summary: 'Execute a dry-run plan unchanged', params: idParams } },
    async (req) => executeStoredCommand(deps, actorOf(req), req.params.id, idempotencyKey(req.headers)))

  r.post('/api/v1/commands/:id/cancel', { schema: { tags, summary: 'Cancel a plan that waits for confirmation (nothing was changed)', params: idParams } },
    async (req) => cancelStoredCommand(deps, actorOf(req), req.params.id))

  r.post('/api/v1/commands/:id/undo', { schema: { tags, summary: 'Reverse a completed command atomically', params: idParams } },
    async (req) => undoCommand(deps, actorOf(req), req.params.id))

  r.get('/api/v1/commands/:id', { schema: { tags, summary: 'One of my commands', params: idParams } }, async (req) => {
    const row = await deps.db.selectFrom('commands').selectAll().where('id', '=', req.params.id).where('userId', '=', actorOf(req).id).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `No command with id ${req.params.id}.`)
    return presentCommand(row)
  })

  r.get('/api/v1/commands', { schema: { tags, summary: 'My command history, newest first', querystring: pageQuery.extend({ sessionId: z.string().max(100).optional() }) } },
    async (req) => {
      const after = decodeCursor(req.query.cursor, 2) as [string, string] | undefined
      let q = deps.db.selectFrom('commands').selectAll().where('userId', '=', actorOf(req).id)
      if (req.query.sessionId) q = q.where('sessionId', '=', req.query.sessionId)
      if (after) q = q.where((eb) => eb.or([eb('createdAt', '<', new Date(after[0])), eb.and([eb('createdAt', '=', new Date(after[0])), eb('id', '<', after[1])])]))
      const rows = await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(req.query.limit + 1).execute()
      return toPage(rows, req.query.limit, (row) => presentCommand(row).command, (row) => [row.createdAt.toISOString(), row.id])
    })
}
