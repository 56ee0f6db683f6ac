import type { Actor } from '../actions/context'
import { requireChannel } from '../access/channels'
import type { Database } from '../db/database'
import { presentOneChannel } from './channelFacts'

/** One channel the actor can see (else 404), with its category name, member count and the actor's role. */
export async function getChannel(db: Database, actor: Actor, channelId: string) {
  return presentOneChannel(db, await requireChannel(db, actor, channelId, 'see'), actor.id)
}
