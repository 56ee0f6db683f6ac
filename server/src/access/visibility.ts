import type { Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { DB } from '../db/schema'
import type { EventScope } from '../events/types'
import { canSeeChannelRow, isChannelMember } from './channels'

/**
 * May this user see an event with this scope *now*? Asked at fan-out and at replay, against
 * current membership, so a user removed from a private channel stops receiving it at once.
 */
export async function canSeeScope(db: Kysely<DB>, viewer: Actor, scope: EventScope): Promise<boolean> {
  switch (scope.kind) {
    case 'org': return true
    case 'users': return scope.userIds.includes(viewer.id)
    case 'channel': {
      const channel = await db.selectFrom('channels').select(['privacy']).where('id', '=', scope.channelId).executeTakeFirst()
      if (!channel) return false
      if (channel.privacy === 'public' || viewer.role === 'ceo') return true
      return canSeeChannelRow(viewer, channel, await isChannelMember(db, scope.channelId, viewer.id))
    }
  }
}
