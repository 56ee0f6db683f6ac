import { sql, type Kysely } from 'kysely'
import type { Channel, DB } from '../db/schema'
import { presentChannel, type ChannelFacts } from '../presenters/presentChannel'

/**
 * Category names and member counts for some channels, in one query; with a viewer, also their
 * role in each and how many messages by others arrived since they last read it (members only).
 * Actions use it for event payloads (no viewer), queries for REST answers.
 */
export async function channelFacts(db: Kysely<DB>, channelIds: string[], viewerId?: string): Promise<Map<string, ChannelFacts>> {
  const facts = new Map<string, ChannelFacts>()
  if (!channelIds.length) return facts
  const rows = await db.selectFrom('channels as c')
    .leftJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.categoryId').on('cat.deletedAt', 'is', null))
    .select((eb) => [
      'c.id', 'cat.name as categoryName',
      eb.selectFrom('channelMembers as m').select((e) => e.fn.countAll<string>().as('n')).whereRef('m.channelId', '=', 'c.id').as('memberCount'),
      viewerId
        ? eb.selectFrom('channelMembers as me').select('me.role').whereRef('me.channelId', '=', 'c.id').where('me.userId', '=', viewerId).as('myRole')
        : sql<null>`null`.as('myRole'),
      viewerId
        ? sql<string>`(select count(*) from messages msg
            join channel_members me on me.channel_id = msg.channel_id and me.user_id = ${viewerId}
            where msg.channel_id = c.id and msg.deleted_at is null and msg.user_id is distinct from me.user_id
              and msg.created_at > coalesce(me.last_read_at, me.created_at))`.as('unreadCount')
        : sql<null>`null`.as('unreadCount'),
    ])
    .where('c.id', 'in', channelIds)
    .execute()
  for (const r of rows) {
    facts.set(r.id, {
      categoryName: r.categoryName ?? null,
      memberCount: Number(r.memberCount ?? 0),
      ...(viewerId ? { myRole: r.myRole ?? null, unreadCount: r.myRole ? Number(r.unreadCount ?? 0) : null } : {}),
    })
  }
  return facts
}

/** Presents channels with their facts (as `viewerId` sees them, when given). */
export async function presentChannels(db: Kysely<DB>, channels: Channel[], viewerId?: string) {
  const facts = await channelFacts(db, channels.map((c) => c.id), viewerId)
  return channels.map((c) => presentChannel(c, facts.get(c.id)))
}

export async function presentOneChannel(db: Kysely<DB>, channel: Channel, viewerId?: string) {
  return (await presentChannels(db, [channel], viewerId))[0]!
}
