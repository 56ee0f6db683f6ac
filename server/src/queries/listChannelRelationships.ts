import { z } from 'zod'
import type { Actor } from '../actions/context'
import { requireChannel, visibleChannelIds } from '../access/channels'
import type { Database } from '../db/database'
import { presentRelationship } from '../presenters/presentChannel'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listChannelRelationshipsQuery = pageQuery
export type ListChannelRelationshipsQuery = z.output<typeof listChannelRelationshipsQuery>

/**
 * Relationships of a channel the actor can see, in both directions, with the other channel's
 * name. Relationships to channels the actor may not see are left out.
 */
export async function listChannelRelationships(db: Database, actor: Actor, channelId: string, filter: ListChannelRelationshipsQuery) {
  const channel = await requireChannel(db, actor, channelId, 'see')
  const after = decodeCursor(filter.cursor, 1)
  let query = db.selectFrom('channelRelationships as r')
    .innerJoin('channels as other', (j) => j.on((eb) => eb.or([
      eb.and([eb('r.channelId', '=', channel.id), eb('other.id', '=', eb.ref('r.relatedChannelId'))]),
      eb.and([eb('r.relatedChannelId', '=', channel.id), eb('other.id', '=', eb.ref('r.channelId'))]),
    ])))
    .selectAll('r').select(['other.id as otherId', 'other.name as otherName', 'other.privacy as otherPrivacy', 'other.status as otherStatus'])
    .where('other.id', 'in', visibleChannelIds(db, actor))
  if (after) {
    const [id] = after
    if (typeof id !== 'string' || !z.uuid().safeParse(id).success) return { items: [], nextCursor: null }
    query = query.where('r.id', '>', id)
  }
  const rows = await query.orderBy('r.id').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, (r) => ({
    ...presentRelationship(r),
    direction: r.channelId === channel.id ? 'outgoing' as const : 'incoming' as const,
    otherChannel: { id: r.otherId, name: r.otherName, privacy: r.otherPrivacy, status: r.otherStatus },
  }), (r) => [r.id])
}
