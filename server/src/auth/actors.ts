import type { Database } from '../db/database'
import type { Actor } from '../actions/context'
import type { AccessClaims } from './tokens'
import { unauthenticated } from '../http/errors'

const TTL_MS = 5_000

/**
 * Turns verified token claims into the current Actor. The account's role and active state come
 * from the database (briefly cached), so a deactivation or role change takes effect within
 * seconds, not when the 15-minute token expires.
 */
export class ActorDirectory {
  private readonly cache = new Map<string, { actor: Actor | null; at: number }>()
  constructor(private readonly db: Database) {}

  async fromClaims(claims: AccessClaims): Promise<Actor> {
    const hit = this.cache.get(claims.sub)
    let actor = hit && Date.now() - hit.at < TTL_MS ? hit.actor : undefined
    if (actor === undefined) {
      const row = await this.db.selectFrom('users').select(['id', 'organizationId', 'role', 'name', 'email', 'deactivatedAt', 'deletedAt'])
        .where('id', '=', claims.sub).executeTakeFirst()
      actor = row && !row.deactivatedAt && !row.deletedAt
        ? { id: row.id, organizationId: row.organizationId, role: row.role, name: row.name, email: row.email }
        : null
      if (this.cache.size > 50_000) this.cache.clear()
      this.cache.set(claims.sub, { actor, at: Date.now() })
    }
    if (!actor) throw unauthenticated('This account is no longer active.')
    return actor
  }

  /** Forget a user after their account changed on this node. */
  invalidate(userId: string) { this.cache.delete(userId) }
}
