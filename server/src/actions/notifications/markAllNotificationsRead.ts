import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import type { ActionContext } from '../context'

/** Marks every due unread notification of the actor read. Emits one notification.read {ids, readAt} when any changed. */
export async function markAllNotificationsRead(ctx: ActionContext): Promise<{ count: number; ids: string[] }> {
  const rows = await ctx.tx.updateTable('notifications').set({ readAt: ctx.now, updatedAt: ctx.now })
    .where('userId', '=', ctx.actor.id).where('readAt', 'is', null)
    .where((eb) => eb.or([eb('scheduledFor', 'is', null), eb('scheduledFor', '<=', ctx.now)]))
    .returning('id').execute()
  const ids = rows.map((r) => r.id)
  if (!ids.length) return { count: 0, ids }
  await emit(ctx, 'notification.read', { kind: 'users', userIds: [ctx.actor.id] }, { ids, readAt: ctx.now.toISOString() })
  await audit(ctx, { action: 'notification.read_all', entityType: 'notification', metadata: { count: ids.length } })
  return { count: ids.length, ids }
}
