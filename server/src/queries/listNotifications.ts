import { sql, type Expression, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../actions/context'
import type { Database } from '../db/database'
import { presentNotification } from '../presenters/presentNotification'
import { checkCursorKeys } from './cursorKeys'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listNotificationsQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
})
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>

/** When a notification counts as having arrived: its scheduled time, or its creation. */
const deliveredAt = sql`coalesce(notifications.scheduled_for, notifications.created_at)`

/** Only due notifications exist for their recipient: not scheduled, or scheduled for now or earlier. */
function mineAndDue(db: Database, actor: Actor, now: Date) {
  return db.selectFrom('notifications').where('notifications.userId', '=', actor.id)
    .where((eb) => eb.or([eb('notifications.scheduledFor', 'is', null), eb('notifications.scheduledFor', '<=', now)]))
}

/** The caller's notifications, newest first (by when they arrived); `unread=true` for unread only. */
export async function listNotifications(db: Database, actor: Actor, filter: ListNotificationsQuery, now = new Date()) {
  let query = mineAndDue(db, actor, now).selectAll('notifications').select(sql<string>`(${deliveredAt})::text`.as('key'))
  if (filter.unread === true) query = query.where('notifications.readAt', 'is', null)
  if (filter.unread === false) query = query.where('notifications.readAt', 'is not', null)
  const after = checkCursorKeys(decodeCursor(filter.cursor, 2), ['timestamptz', 'uuid'])
  if (after) {
    query = query.where(sql<SqlBool>`(${deliveredAt}, notifications.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` as Expression<SqlBool>)
  }
  const rows = await query.orderBy(deliveredAt, 'desc').orderBy('notifications.id', 'desc').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, presentNotification, (r) => [r.key, r.id])
}

export async function countUnreadNotifications(db: Database, actor: Actor, now = new Date()) {
  const row = await mineAndDue(db, actor, now).where('notifications.readAt', 'is', null)
    .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return { count: Number(row.n) }
}
