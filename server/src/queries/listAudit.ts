import { z } from 'zod'
import type { Actor } from '../actions/context'
import { can } from '../access/permissions'
import type { Database } from '../db/database'
import type { Selectable } from 'kysely'
import type { AuditLogTable } from '../db/schema'
import { forbidden } from '../http/errors'
import { checkCursorKeys } from './cursorKeys'
import { decodeCursor, pageQuery, toPage } from './pagination'

const iso = z.iso.datetime({ offset: true })
export const listAuditQuery = pageQuery.extend({
  actorId: z.uuid({ message: 'must be a UUID' }).optional(),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  from: iso.optional(),
  to: iso.optional(),
})
export type ListAuditQuery = z.output<typeof listAuditQuery>

export function presentAuditEntry(e: Selectable<AuditLogTable>) {
  return {
    id: String(e.id), actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, outcome: e.outcome,
    before: e.before, after: e.after, ip: e.ip, requestId: e.requestId, metadata: e.metadata, createdAt: e.createdAt.toISOString(),
  }
}

/**
 * The audit log, newest first, for the CEO only. `action` matches exactly, or a prefix when it
 * ends in `.` or `*` (`task.` or `task.*`: every task action). `from`/`to` bound created_at.
 */
export async function listAudit(db: Database, actor: Actor, filter: ListAuditQuery) {
  if (!can(actor, 'audit.read')) throw forbidden('Only the CEO can read the audit log.')
  let query = db.selectFrom('auditLog').selectAll()
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId)
  if (filter.entityType) query = query.where('entityType', '=', filter.entityType)
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId)
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome)
  if (filter.action) {
    const prefix = /[.*]$/.test(filter.action) ? filter.action.replace(/\*$/, '') : null
    query = prefix ? query.where('action', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : query.where('action', '=', filter.action)
  }
  if (filter.from) query = query.where('createdAt', '>=', new Date(filter.from))
  if (filter.to) query = query.where('createdAt', '<=', new Date(filter.to))
  const after = checkCursorKeys(decodeCursor(filter.cursor, 1), ['bigint'])
  if (after) query = query.where('id', '<', Number(after[0]))
  const rows = await query.orderBy('id', 'desc').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, presentAuditEntry, (r) => [String(r.id)])
}
