import type { Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { Channel, DB } from '../db/schema'
import { can } from './permissions'
import { forbidden, notFound } from '../http/errors'

/**
 * Channel visibility, shared by actions, queries and real-time fan-out:
 * public channels are visible to everyone in the organization; private and restricted ones to
 * their members; the CEO sees every channel. What a caller may not see does not exist for them (404).
 */
export type ChannelAccess = 'see' | 'post' | 'manage'

export async function isChannelMember(db: Kysely<DB>, channelId: string, userId: string) {
  const row = await db.selectFrom('channelMembers').select('role')
    .where('channelId', '=', channelId).where('userId', '=', userId).executeTakeFirst()
  return row ?? null
}

export function canSeeChannelRow(actor: Actor, channel: Pick<Channel, 'privacy'>, membership: unknown): boolean {
  return channel.privacy === 'public' || Boolean(membership) || can(actor, 'channel.see_all_private')
}

/**
 * Loads a channel the actor may access at the given level, or throws:
 * - see: visible (else 404)
 * - post: visible, and not archived; restricted channels accept posts from members only (else 403)
 * - manage: the CEO, the channel's creator, or its owners/admins (else 403)
 */
export async function requireChannel(db: Kysely<DB>, actor: Actor, channelId: string, access: ChannelAccess = 'see'): Promise<Channel> {
  const channel = await db.selectFrom('channels').selectAll()
    .where('id', '=', channelId).where('deletedAt', 'is', null).executeTakeFirst()
  if (!channel) throw notFound('channel', channelId)
  const membership = await isChannelMember(db, channelId, actor.id)
  if (!canSeeChannelRow(actor, channel, membership)) throw notFound('channel', channelId)
  if (access === 'see') return channel
  if (access === 'post') {
    if (channel.status === 'archived') throw forbidden(`Channel ${channel.name} is archived.`)
    if (channel.privacy === 'restricted' && !membership && actor.role !== 'ceo') throw forbidden(`Only members can post in ${channel.name}.`)
    return channel
  }
  const manages = can(actor, 'channel.manage_any') || channel.createdBy === actor.id
    || membership?.role === 'owner' || membership?.role === 'admin'
  if (!manages) throw forbidden(`You cannot manage channel ${channel.name}.`)
  return channel
}

/** A Kysely filter: channels the actor can see. Use in list queries so lists and gets agree. */
export function visibleChannelIds(db: Kysely<DB>, actor: Actor) {
  if (can(actor, 'channel.see_all_private')) {
    return db.selectFrom('channels').select('id').where('deletedAt', 'is', null)
  }
  return db.selectFrom('channels').select('id').where('deletedAt', 'is', null).where((eb) => eb.or([
    eb('privacy', '=', 'public'),
    eb.exists(eb.selectFrom('channelMembers').select('channelMembers.userId')
      .whereRef('channelMembers.channelId', '=', 'channels.id').where('channelMembers.userId', '=', actor.id)),
  ]))
}
