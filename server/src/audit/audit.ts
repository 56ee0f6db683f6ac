import type { Database } from '../db/database'
import type { ActionContext, Actor } from '../actions/context'

export interface AuditEntry {
  action: string
  entityType?: string
  entityId?: string
  before?: unknown
  after?: unknown
  metadata?: Record<string, unknown>
}

/** Records what an action did, inside the action's transaction (so a rollback removes it too). */
export async function audit(ctx: ActionContext, entry: AuditEntry): Promise<void> {
  await ctx.tx.insertInto('auditLog').values({
    actorId: ctx.actor.id,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    metadata: JSON.stringify(entry.metadata ?? {}),
  }).execute()
}

/** Records an event that is not part of a transaction: sign-ins, refusals, token reuse. */
export async function recordAuthEvent(db: Database, entry: AuditEntry & {
  actorId?: string | null; outcome?: 'ok' | 'denied' | 'failed'; ip?: string; requestId?: string
}): Promise<void> {
  await db.insertInto('auditLog').values({
    actorId: entry.actorId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? 'ok',
    before: null,
    after: null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    metadata: JSON.stringify(entry.metadata ?? {}),
  }).execute()
}

export async function recordDenial(db: Database, who: { actor: Actor; ip?: string; requestId?: string }, reason: string, action = 'permission.denied') {
  await recordAuthEvent(db, { actorId: who.actor.id, action, outcome: 'denied', ip: who.ip, requestId: who.requestId, metadata: { reason } })
}
