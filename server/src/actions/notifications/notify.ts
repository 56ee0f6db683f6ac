import type { ActionContext } from '../context'
import type { NotificationEntityType, NotificationPriority, NotificationSettings, NotificationType } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentNotification } from '../../presenters/presentNotification'

export interface NotifyInput {
  userIds: string[]
  type: NotificationType
  title: string
  content?: string | null
  entityType?: NotificationEntityType | null
  entityId?: string | null
  priority?: NotificationPriority
  /** Deliver later (reminders): stored now, announced by the scheduler when due. */
  scheduledFor?: Date | null
  metadata?: Record<string, unknown>
  /** Notify the actor too (a reminder they set for themselves). Default: skip the actor. */
  includeActor?: boolean
}

/**
 * Notifies people of something an action did, honouring each person's settings (muted, or this
 * type switched off). Immediate notifications emit notification.created to their recipient only.
 * Called by actions, inside their transaction.
 */
export async function notify(ctx: ActionContext, input: NotifyInput): Promise<string[]> {
  const ids = [...new Set(input.userIds)].filter((id) => input.includeActor || id !== ctx.actor.id)
  if (!ids.length) return []
  const recipients = await ctx.tx.selectFrom('users').select(['id', 'notificationSettings'])
    .where('id', 'in', ids).where('deactivatedAt', 'is', null).execute()
  const wanted = recipients.filter((r) => wants(r.notificationSettings as NotificationSettings, input.type))
  if (!wanted.length) return []
  const scheduled = input.scheduledFor && input.scheduledFor.getTime() > ctx.now.getTime() ? input.scheduledFor : null
  const rows = await ctx.tx.insertInto('notifications').values(wanted.map((r) => ({
    userId: r.id,
    title: input.title,
    content: input.content ?? null,
    type: input.type,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    priority: input.priority ?? 'medium',
    scheduledFor: scheduled,
    sentAt: scheduled ? null : ctx.now,
    readAt: null,
    metadata: JSON.stringify(input.metadata ?? {}),
  }))).returningAll().execute()
  if (!scheduled) {
    for (const row of rows) await emit(ctx, 'notification.created', { kind: 'users', userIds: [row.userId] }, presentNotification(row))
  }
  return rows.map((r) => r.id)
}

function wants(settings: NotificationSettings | null, type: NotificationType): boolean {
  if (!settings) return true
  if (settings.muted && type !== 'reminder') return false // a reminder you set yourself still rings
  return settings.types?.[type] !== false
}
