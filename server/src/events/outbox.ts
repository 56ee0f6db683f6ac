import { sql } from 'kysely'
import type { ActionContext } from '../actions/context'
import type { EventScope, EventType } from './types'

/**
 * Appends an event to the outbox inside the action's transaction. The per-organization counter
 * row is incremented (and so locked) by this transaction until it commits, which makes event ids
 * follow commit order: no transaction can commit id N+1 before the one holding N has finished.
 * One statement does both, to keep the hot path to a single round trip.
 */
export async function emit(ctx: ActionContext, type: EventType, scope: EventScope, data: unknown): Promise<number> {
  ctx.afterCommit(kickRelay) // marks the transaction as one that wrote events: inTransaction then calls onCommit (the relay kick)
  const result = await sql<{ id: number }>`
    with next as (
      insert into event_counters (organization_id, last_id) values (${ctx.actor.organizationId}, 1)
      on conflict (organization_id) do update set last_id = event_counters.last_id + 1, updated_at = now()
      returning last_id
    )
    insert into events (organization_id, id, type, actor_id, payload, scope, created_at)
    select ${ctx.actor.organizationId}, next.last_id, ${type}, ${ctx.actor.id}, ${JSON.stringify(data)}::jsonb, ${JSON.stringify(scope)}::jsonb, ${ctx.now}
    from next
    returning id`.execute(ctx.tx)
  return Number(result.rows[0]!.id)
}

const kickRelay = () => undefined
