import { sql } from 'kysely'
import type { ActionContext } from '../actions/context'
import type { EventScope, EventType } from './types'

/**
 * Appends an event to the outbox inside the action's transaction. The per-organization counter
 * row is incremented (and so locked) by this transaction until it commits, which makes event ids
 * follow commit order: no transaction can commit id N+1 before the one holding N has finished.
 */
export async function emit(ctx: ActionContext, type: EventType, scope: EventScope, data: unknown): Promise<number> {
  const organizationId = ctx.actor.organizationId
  const { lastId } = await ctx.tx
    .insertInto('eventCounters')
    .values({ organizationId, lastId: 1 })
    .onConflict((oc) => oc.column('organizationId').doUpdateSet({
      lastId: sql`event_counters.last_id + 1`,
      updatedAt: sql`now()`,
    }))
    .returning('lastId')
    .executeTakeFirstOrThrow()
  await ctx.tx.insertInto('events').values({
    organizationId,
    id: lastId,
    type,
    actorId: ctx.actor.id,
    payload: JSON.stringify(data),
    scope: JSON.stringify(scope),
    createdAt: ctx.now,
  }).execute()
  return lastId
}
