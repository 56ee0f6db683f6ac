import { z } from 'zod'
import { can } from '../../access/permissions'
import { requireTask } from '../../access/tasks'
import { audit } from '../../audit/audit'
import { forbidden, notFound } from '../../http/errors'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { notify } from './notify'

export const setReminderInput = z.strictObject({
  at: z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]),
  message: z.string().trim().min(1).max(500),
  taskId: z.uuid({ message: 'must be a UUID' }).nullish(),
  userIds: z.array(z.uuid({ message: 'must be a UUID' })).max(100).optional(),
})

/**
 * Schedules a `reminder` notification (the command engine's SET_REMINDER). By default it reminds
 * the actor; managers and the CEO may remind anyone, staff themselves and the assignees of a task
 * they can see. Delivered by jobs/reminders.ts when due (at once if `at` has passed).
 * Returns the ids of the notifications created (cancelReminders undoes them).
 */
export async function setReminder(ctx: ActionContext, raw: z.input<typeof setReminderInput>): Promise<string[]> {
  const input = parseInput(setReminderInput, raw)
  const task = input.taskId ? await requireTask(ctx.tx, ctx.actor, input.taskId, 'see') : null
  const userIds = [...new Set(input.userIds?.length ? input.userIds : [ctx.actor.id])]
  const others = userIds.filter((id) => id !== ctx.actor.id && !(task?.assignedTo.includes(id)))
  if (others.length && !can(ctx.actor, 'reminder.set_for_others')) throw forbidden('Staff can set reminders for themselves and for the assignees of a task.')
  const found = await ctx.tx.selectFrom('users').select('id').where('id', 'in', userIds)
    .where('organizationId', '=', ctx.actor.organizationId).where('deletedAt', 'is', null).execute()
  const missing = userIds.find((id) => !found.some((u) => u.id === id))
  if (missing) throw notFound('user', missing)

  const ids = await notify(ctx, {
    userIds, type: 'reminder', title: `Reminder: ${input.message.length > 120 ? `${input.message.slice(0, 117)}...` : input.message}`,
    content: input.message, entityType: task ? 'task' : null, entityId: task?.id ?? null,
    scheduledFor: input.at, includeActor: true, metadata: { createdBy: ctx.actor.id },
  })
  await audit(ctx, { action: 'reminder.set', entityType: task ? 'task' : 'notification', entityId: task?.id,
    metadata: { at: input.at.toISOString(), userIds, notificationIds: ids } })
  return ids
}
