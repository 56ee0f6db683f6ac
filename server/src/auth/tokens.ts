import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import type { Database } from '../db/database'
import type { Role, User } from '../db/schema'
import { AppError } from '../http/errors'

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60
export const REFRESH_TOKEN_TTL_DAYS = 30
const ISSUER = 'baton'

export interface AccessClaims { sub: string; org: string; role: Role; name: string; email: string }

/** Signs and verifies access tokens (HS256). The secret is shared by all nodes via the database. */
export class TokenService {
  private constructor(private readonly key: Uint8Array) {}

  static async create(db: Database, configured?: string): Promise<TokenService> {
    if (configured) return new TokenService(new TextEncoder().encode(configured))
    const generated = randomBytes(48).toString('base64url')
    await db.insertInto('settings').values({ key: 'jwt_secret', value: JSON.stringify(generated) })
      .onConflict((oc) => oc.column('key').doNothing()).execute()
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'jwt_secret').executeTakeFirstOrThrow()
    return new TokenService(new TextEncoder().encode(row.value as string))
  }

  async signAccess(user: Pick<User, 'id' | 'organizationId' | 'role' | 'name' | 'email'>, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
    return new SignJWT({ org: user.organizationId, role: user.role, name: user.name, email: user.email })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key)
  }

  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] })
      return payload as unknown as AccessClaims
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'Your session has expired; refresh your token.')
      throw new AppError('UNAUTHENTICATED', 'The access token is not valid.')
    }
  }
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Issues a refresh token in a family (a new family at sign-in, the same family on rotation). */
export async function issueRefreshToken(db: Database, userId: string, meta: { familyId?: string; ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url')
  const row = await db.insertInto('refreshTokens').values({
    userId,
    familyId: meta.familyId ?? randomUUID(),
    tokenHash: hashRefreshToken(token),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  }).returning(['id', 'familyId']).executeTakeFirstOrThrow()
  return { token, id: row.id, familyId: row.familyId }
}
