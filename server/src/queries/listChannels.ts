import { z } from 'zod'
import type { Actor } from '../actions/context'
import { visibleChannelIds } from '../access/channels'
import { channelPrivacy, channelStatus } from '../actions/channels/channelSchemas'
import type { Database } from '../db/database'
import { channelFacts } from './channelFacts'
import { presentChannel } from '../presenters/presentChannel'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listChannelsQuery = pageQuery.extend({
  categoryId: z.uuid().optional(),
  status: channelStatus.optional(),
  privacy: channelPrivacy.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  member: z.literal('me').optional(),
})
export type ListChannelsQuery = z.output<typeof listChannelsQuery>

/**
 * Channels the actor can see (public ones, the ones they belong to; the CEO all), by name and
 * keyset-paginated, so a channel the actor may not see is absent, never hinted at.
 */
export async function listChannels(db: Database, actor: Actor, filter: ListChannelsQuery) {
  const after = decodeCursor(filter.cursor, 2)
  let query = db.selectFrom('channels').selectAll().where('id', 'in', visibleChannelIds(db, actor))
  if (filter.categoryId) query = query.where('categoryId', '=', filter.categoryId)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.privacy) query = query.where('privacy', '=', filter.privacy)
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)
  if (filter.member === 'me') {
    query = query.where((eb) => eb.exists(eb.selectFrom('channelMembers').select('channelMembers.userId')
      .whereRef('channelMembers.channelId', '=', 'channels.id').where('channelMembers.userId', '=', actor.id)))
  }
  if (after) {
    const [name, id] = after
    if (typeof name !== 'string' || typeof id !== 'string' || !z.uuid().safeParse(id).success) return { items: [], nextCursor: null }
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]))
  }
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute()
  const facts = await channelFacts(db, rows.slice(0, filter.limit).map((c) => c.id), actor.id)
  return toPage(rows, filter.limit, (c) => presentChannel(c, facts.get(c.id)), (c) => [c.name, c.id])
}
