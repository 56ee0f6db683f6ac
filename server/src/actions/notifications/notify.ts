import type { ActionContext } from '../context'
import type { NotificationEntityType, NotificationPriority, NotificationSettings, NotificationType } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentNotification } from '../../presenters/presentNotification'
import { quietUntil } from './quietHours'

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
 * type switched off, and quiet hours: what would arrive inside them waits until they end, except
 * urgent ones and reminders people set for that time). Immediate notifications emit
 * notification.created to their recipient only; held ones are delivered by the reminder scheduler.
 * Called by actions, inside their transaction.
 */
export async function notify(ctx: ActionContext, input: NotifyInput): Promise<string[]> {
  const ids = [...new Set(input.userIds)].filter((id) => input.includeActor || id !== ctx.actor.id)
  if (!ids.length) return []
  const recipients = await ctx.tx.selectFrom('users').select(['id', 'notificationSettings', 'timezone'])
    .where('id', 'in', ids).where('deactivatedAt', 'is', null).execute()
  const wanted = recipients.filter((r) => wants(r.notificationSettings as NotificationSettings, input.type))
  if (!wanted.length) return []
  const planned = input.scheduledFor && input.scheduledFor.getTime() > ctx.now.getTime() ? input.scheduledFor : null
  const rows = await ctx.tx.insertInto('notifications').values(wanted.map((r) => {
    const held = holdsFor(r.notificationSettings as NotificationSettings | null, r.timezone, input, planned ?? ctx.now)
    const scheduled = held ?? planned
    return {
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
      metadata: JSON.stringify({ ...input.metadata, ...(held ? { quietHours: true } : {}) }),
    }
  })).returningAll().execute()
  for (const row of rows) {
    if (!row.scheduledFor) await emit(ctx, 'notification.created', { kind: 'users', userIds: [row.userId] }, presentNotification(row))
  }
  return rows.map((r) => r.id)
}

/** The end of the recipient's quiet hours when `due` falls inside them (and the notification may wait). */
function holdsFor(settings: NotificationSettings | null, timeZone: string, input: NotifyInput, due: Date): Date | null {
  if (!settings?.quietHours || input.type === 'reminder' || input.priority === 'urgent') return null
  return quietUntil(due, settings.quietHours, timeZone)
}

function wants(settings: NotificationSettings | null, type: NotificationType): boolean {
  if (!settings) return true
  if (settings.muted && type !== 'reminder') return false // a reminder you set yourself still rings
  return settings.types?.[type] !== false
}
