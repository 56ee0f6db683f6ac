import { audit } from '../../audit/audit'
import type { ActionContext } from '../context'

/** Cancels scheduled reminders the actor set that have not rung yet (undo of SET_REMINDER). */
export async function cancelReminders(ctx: ActionContext, notificationIds: string[]) {
  if (!notificationIds.length) return 0
  const removed = await ctx.tx.deleteFrom('notifications').where('id', 'in', notificationIds).where('sentAt', 'is', null)
    .where((eb) => eb(eb.ref('metadata', '->>').key('createdBy' as never), '=', ctx.actor.id)).returning('id').execute()
  await audit(ctx, { action: 'reminder.cancel', entityType: 'notification', metadata: { ids: removed.map((r) => r.id) } })
  return removed.length
}
