import { z } from 'zod'
import type { Actor } from '../actions/context'
import { requireChannel } from '../access/channels'
import type { Database } from '../db/database'
import { presentMember } from '../presenters/presentChannel'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listChannelMembersQuery = pageQuery
export type ListChannelMembersQuery = z.output<typeof listChannelMembersQuery>

/** The members of a channel the actor can see (else 404), by name, keyset-paginated. */
export async function listChannelMembers(db: Database, actor: Actor, channelId: string, filter: ListChannelMembersQuery) {
  const channel = await requireChannel(db, actor, channelId, 'see')
  const after = decodeCursor(filter.cursor, 2)
  let query = db.selectFrom('channelMembers as m').innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.channelId', 'm.userId', 'm.role', 'm.addedBy', 'm.lastReadAt', 'm.createdAt', 'm.updatedAt',
      'u.id', 'u.name', 'u.email', 'u.role as userRole', 'u.avatarUrl'])
    .where('m.channelId', '=', channel.id)
  if (after) {
    const [name, id] = after
    if (typeof name !== 'string' || typeof id !== 'string' || !z.uuid().safeParse(id).success) return { items: [], nextCursor: null }
    query = query.where((eb) => eb.or([eb('u.name', '>', name), eb.and([eb('u.name', '=', name), eb('u.id', '>', id)])]))
  }
  const rows = await query.orderBy('u.name').orderBy('u.id').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit,
    (r) => presentMember(r, { id: r.id, name: r.name, email: r.email, role: r.userRole, avatarUrl: r.avatarUrl }),
    (r) => [r.name, r.id])
}
