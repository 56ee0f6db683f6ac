import type { Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { DB } from '../db/schema'
import { notFound } from '../http/errors'

/** Loads a user of the actor's organization, or NOT_FOUND. Works on a transaction or the pool. */
export async function requireUser(db: Kysely<DB>, actor: Actor, userId: string) {
  const user = await db.selectFrom('users').selectAll()
    .where('id', '=', userId).where('organizationId', '=', actor.organizationId).where('deletedAt', 'is', null)
    .executeTakeFirst()
  if (!user) throw notFound('user', userId)
  return user
}
