import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { notFound } from '../../http/errors'
import type { ActionContext } from '../context'

/**
 * Marks one of the actor's own due notifications read (someone else's, or one not yet due, is 404).
 * Reading it again changes nothing. Emits notification.read {ids, readAt} to the actor only.
 */
export async function markNotificationRead(ctx: ActionContext, notificationId: string) {
  const notification = await ctx.tx.selectFrom('notifications').selectAll()
    .where('id', '=', notificationId).where('userId', '=', ctx.actor.id)
    .where((eb) => eb.or([eb('scheduledFor', 'is', null), eb('scheduledFor', '<=', ctx.now)])).executeTakeFirst()
  if (!notification) throw notFound('notification', notificationId)
  if (notification.readAt) return notification
  const updated = await ctx.tx.updateTable('notifications').set({ readAt: ctx.now, updatedAt: ctx.now })
    .where('id', '=', notification.id).where('readAt', 'is', null).returningAll().executeTakeFirst()
  if (!updated) return notification
  await emit(ctx, 'notification.read', { kind: 'users', userIds: [ctx.actor.id] }, { ids: [updated.id], readAt: ctx.now.toISOString() })
  await audit(ctx, { action: 'notification.read', entityType: 'notification', entityId: updated.id })
  return updated
}
