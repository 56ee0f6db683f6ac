import type { Database } from '../db/database'
import type { User } from '../db/schema'
import { AppError, unauthenticated } from '../http/errors'
import { recordAuthEvent } from '../audit/audit'
import { burnPasswordCheck, verifyPassword } from './passwords'
import type { RateLimiter } from './rateLimiter'
import { hashRefreshToken, issueRefreshToken, type TokenService } from './tokens'

const WINDOW_SECONDS = 15 * 60
const MAX_FAILURES_PER_ACCOUNT = 5
const MAX_ATTEMPTS_PER_ADDRESS = 50

export interface SessionDeps { db: Database; tokens: TokenService; limiter: RateLimiter }
export interface ClientInfo { ip?: string; userAgent?: string; requestId?: string }

export async function issueSession(deps: SessionDeps, user: User, client: ClientInfo, familyId?: string) {
  const accessToken = await deps.tokens.signAccess(user)
  const refresh = await issueRefreshToken(deps.db, user.id, { familyId, ip: client.ip, userAgent: client.userAgent })
  return { accessToken, refreshToken: refresh.token, refreshTokenId: refresh.id }
}

/**
 * Signs in with email and password. Failures are limited per account and per address, and every
 * attempt is audited. The message never says whether the email exists.
 */
export async function login(deps: SessionDeps, email: string, password: string, client: ClientInfo) {
  const accountKey = `login:account:${email.toLowerCase()}`
  const addressKey = `login:address:${client.ip ?? 'unknown'}`
  const address = await deps.limiter.hit(addressKey, WINDOW_SECONDS)
  const failures = await deps.limiter.peek(accountKey)
  if (address.count > MAX_ATTEMPTS_PER_ADDRESS || failures >= MAX_FAILURES_PER_ACCOUNT) {
    await recordAuthEvent(deps.db, { action: 'auth.login', outcome: 'denied', ip: client.ip, requestId: client.requestId,
      metadata: { email, reason: 'rate_limited' } })
    const retry = String(address.count > MAX_ATTEMPTS_PER_ADDRESS ? address.resetInSeconds : WINDOW_SECONDS)
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts. Try again later.', undefined, { 'Retry-After': retry })
  }

  const user = await deps.db.selectFrom('users').selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).where('deletedAt', 'is', null)
    .executeTakeFirst()
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false)
  if (!user || !ok || user.deactivatedAt) {
    await deps.limiter.hit(accountKey, WINDOW_SECONDS)
    await recordAuthEvent(deps.db, { actorId: user?.id, action: 'auth.login', outcome: 'failed', ip: client.ip,
      requestId: client.requestId, metadata: { email, reason: user?.deactivatedAt ? 'deactivated' : 'bad_credentials' } })
    throw unauthenticated(user?.deactivatedAt && ok ? 'This account has been deactivated.' : 'Wrong email or password.')
  }
  await deps.limiter.reset(accountKey)
  await deps.db.updateTable('users').set({ lastActiveAt: new Date() }).where('id', '=', user.id).execute()
  const session = await issueSession(deps, user, client)
  await recordAuthEvent(deps.db, { actorId: user.id, action: 'auth.login', ip: client.ip, requestId: client.requestId })
  return { user, ...session }
}

/**
 * Rotates a refresh token. A token that was already rotated or revoked is a sign of theft: the
 * whole family is revoked, so both the thief and the victim must sign in again.
 */
export async function refresh(deps: SessionDeps, token: string, client: ClientInfo) {
  const row = await deps.db.selectFrom('refreshTokens').selectAll()
    .where('tokenHash', '=', hashRefreshToken(token)).executeTakeFirst()
  if (!row) {
    await recordAuthEvent(deps.db, { action: 'auth.refresh', outcome: 'failed', ip: client.ip, requestId: client.requestId, metadata: { reason: 'unknown_token' } })
    throw unauthenticated('The refresh token is not valid.')
  }
  if (row.revokedAt || row.replacedBy) {
    await deps.db.updateTable('refreshTokens').set({ revokedAt: new Date(), updatedAt: new Date() })
      .where('familyId', '=', row.familyId).where('revokedAt', 'is', null).execute()
    await recordAuthEvent(deps.db, { actorId: row.userId, action: 'auth.refresh_reuse', outcome: 'denied', ip: client.ip,
      requestId: client.requestId, metadata: { familyId: row.familyId } })
    throw unauthenticated('This refresh token was already used; every session it belonged to has been signed out.')
  }
  if (row.expiresAt.getTime() <= Date.now()) throw unauthenticated('The refresh token has expired; sign in again.')
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', row.userId).executeTakeFirstOrThrow()
  if (user.deactivatedAt || user.deletedAt) throw unauthenticated('This account has been deactivated.')

  const session = await issueSession(deps, user, client, row.familyId)
  // Only one concurrent rotation of the same token may win; the loser is treated as reuse.
  const rotated = await deps.db.updateTable('refreshTokens')
    .set({ replacedBy: session.refreshTokenId, updatedAt: new Date() })
    .where('id', '=', row.id).where('replacedBy', 'is', null).where('revokedAt', 'is', null)
    .executeTakeFirst()
  if (Number(rotated.numUpdatedRows) !== 1) {
    await deps.db.updateTable('refreshTokens').set({ revokedAt: new Date() }).where('familyId', '=', row.familyId).execute()
    throw unauthenticated('This refresh token was already used; every session it belonged to has been signed out.')
  }
  await recordAuthEvent(deps.db, { actorId: user.id, action: 'auth.refresh', ip: client.ip, requestId: client.requestId })
  return { user, ...session }
}

/** Ends the session the refresh token belongs to (its whole family). */
export async function logout(deps: SessionDeps, token: string, actorId: string, client: ClientInfo) {
  const row = await deps.db.selectFrom('refreshTokens').select(['familyId', 'userId'])
    .where('tokenHash', '=', hashRefreshToken(token)).executeTakeFirst()
  if (row && row.userId === actorId) {
    await deps.db.updateTable('refreshTokens').set({ revokedAt: new Date(), updatedAt: new Date() })
      .where('familyId', '=', row.familyId).where('revokedAt', 'is', null).execute()
  }
  await recordAuthEvent(deps.db, { actorId, action: 'auth.logout', ip: client.ip, requestId: client.requestId })
}
