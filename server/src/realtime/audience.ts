import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { EventScope } from '../events/types'
import { canSeeChannelRow } from '../access/channels'
import type { Actor } from '../actions/context'

export type Viewer = Pick<Actor, 'id' | 'role'>
export type Allows = (viewer: Viewer) => boolean

const nobody: Allows = () => false
const everybody: Allows = () => true

/**
 * Who may see events of a scope *now*: the rules of access/visibility.ts canSeeScope, answered for
 * many viewers at once. Each distinct channel is looked up once (its privacy and, when not public,
 * its member set), so a batch fanned out to 1,000 sockets costs at most two queries per channel,
 * not one per socket. Create one per batch: membership is read fresh each time, which is what makes
 * a removal from a private channel stop delivery at once.
 */
export class Audience {
  private readonly channels = new Map<string, Promise<Allows>>()

  constructor(private readonly db: Kysely<DB>) {}

  allows(scope: EventScope): Promise<Allows> | Allows {
    switch (scope.kind) {
      case 'org': return everybody
      case 'users': {
        const ids = new Set(scope.userIds)
        return (viewer) => ids.has(viewer.id)
      }
      case 'channel': return this.channel(scope.channelId)
      default: return nobody
    }
  }

  /** May this viewer see the channel (for typing and "viewing" presence)? */
  channel(channelId: string): Promise<Allows> {
    let hit = this.channels.get(channelId)
    if (!hit) {
      hit = this.loadChannel(channelId)
      this.channels.set(channelId, hit)
    }
    return hit
  }

  private async loadChannel(channelId: string): Promise<Allows> {
    const channel = await this.db.selectFrom('channels').select(['privacy']).where('id', '=', channelId).executeTakeFirst()
    if (!channel) return nobody
    if (channel.privacy === 'public') return everybody
    const rows = await this.db.selectFrom('channelMembers').select('userId').where('channelId', '=', channelId).execute()
    const members = new Set(rows.map((r) => r.userId))
    return (viewer) => canSeeChannelRow(viewer as Actor, channel, members.has(viewer.id))
  }
}
