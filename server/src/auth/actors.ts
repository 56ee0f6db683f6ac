import type { Database } from '../db/database'
import type { User } from '../db/schema'
import type { Actor } from '../actions/context'
import type { EventBus } from '../events/bus'
import type { AccessClaims, TokenService } from './tokens'
import { unauthenticated } from '../http/errors'

const TTL_MS = 5_000
const MAX_ENTRIES = 50_000

/**
 * Turns an access token into the current Actor. Verified tokens and user rows are cached briefly:
 * the role and active state still come from the database, so a deactivation or role change takes
 * effect at once on every node (user.* events on the bus evict the entry) and within seconds at
 * worst, not when the 15-minute token expires.
 */
export class ActorDirectory {
  private readonly users = new Map<string, { user: User | null; at: number }>()
  private readonly verified = new Map<string, AccessClaims & { exp?: number }>()

  constructor(private readonly db: Database, private readonly tokens: TokenService, bus?: EventBus) {
    bus?.subscribe((events) => {
      for (const e of events) if (e.type.startsWith('user.')) this.invalidate((e.data as { id?: string }).id ?? '')
    })
  }

  async fromToken(token: string): Promise<Actor> {
    let claims = this.verified.get(token)
    if (!claims || (claims.exp !== undefined && claims.exp * 1000 <= Date.now())) {
      this.verified.delete(token)
      claims = await this.tokens.verifyAccess(token) // throws TOKEN_EXPIRED / UNAUTHENTICATED
      if (this.verified.size > MAX_ENTRIES) this.verified.clear()
      this.verified.set(token, claims)
    }
    return this.current(claims.sub)
  }

  /** The user as an Actor now (role and active state from the database); UNAUTHENTICATED when deactivated. */
  async current(userId: string): Promise<Actor> {
    const user = await this.user(userId)
    if (!user) throw unauthenticated('This account is no longer active.')
    return { id: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email }
  }

  /** The user's current row (briefly cached), or null when deactivated or gone. */
  async user(userId: string): Promise<User | null> {
    const hit = this.users.get(userId)
    if (hit && Date.now() - hit.at < TTL_MS) return hit.user
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
    const user = row && !row.deactivatedAt && !row.deletedAt ? row : null
    if (this.users.size > MAX_ENTRIES) this.users.clear()
    this.users.set(userId, { user, at: Date.now() })
    return user
  }

  /** Forget a user after their account changed. */
  invalidate(userId: string) { this.users.delete(userId) }
}
