import type { Kysely } from 'kysely'
import { requireChannel } from '../../access/channels'
import type { Actor } from '../context'
import type { Channel, DB } from '../../db/schema'
import { AppError } from '../../http/errors'

/** People added to a channel must be active users of the organization (unknown ids are 404). */
export async function requireActiveUsers(db: Kysely<DB>, actor: Actor, userIds: string[]) {
  if (!userIds.length) return []
  const found = await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'avatarUrl']).where('id', 'in', userIds)
    .where('organizationId', '=', actor.organizationId).where('deactivatedAt', 'is', null).where('deletedAt', 'is', null).execute()
  const missing = userIds.filter((id) => !found.some((f) => f.id === id))
  if (missing.length) throw new AppError('NOT_FOUND', `No active user with id ${missing.join(', ')}.`)
  return found
}

/** Loads two channels the actor can see, of which they manage at least one (else 404 / 403). */
export async function requireChannelPair(db: Kysely<DB>, actor: Actor, channelId: string, otherId: string): Promise<[Channel, Channel]> {
  const a = await requireChannel(db, actor, channelId, 'see')
  const b = await requireChannel(db, actor, otherId, 'see')
  try {
    await requireChannel(db, actor, a.id, 'manage')
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'FORBIDDEN') throw error
    try { await requireChannel(db, actor, b.id, 'manage') } catch {
      throw new AppError('FORBIDDEN', `You manage neither ${a.name} nor ${b.name}.`)
    }
  }
  return [a, b]
}

/** Distinct ids without the actor (who never invites or notifies themselves). */
export function othersThanActor(actor: Actor, ids: readonly string[]) {
  return [...new Set(ids)].filter((id) => id !== actor.id)
}
