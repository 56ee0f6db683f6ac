import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, clientFor, type TestContext } from '../harness'

let t: TestContext
beforeAll(async () => { t = await createTestContext() })
afterAll(async () => { await t.close() })

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { 'x-forwarded-for': ip } })

describe('login', () => {
  it('returns tokens and the user for good credentials', async () => {
    const res = await login(t.ceo.email, t.ceo.password)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.accessToken).toMatch(/^ey/)
    expect(body.refreshToken).toHaveLength(43)
    expect(body.user).toMatchObject({ id: t.ceo.id, email: t.ceo.email, role: 'ceo' })
    expect(body.user.passwordHash).toBeUndefined()
  })

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const wrong = await login(t.ceo.email, 'not-the-password', '10.0.0.2')
    const unknown = await login('nobody@test.baton', 'whatever-pass', '10.0.0.2')
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().error).toEqual(unknown.json().error)
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('rate-limits repeated failures per account with Retry-After', async () => {
    const victim = await t.createUser('staff')
    for (let i = 0; i < 5; i++) expect((await login(victim.email, 'bad-password-x', `10.1.0.${i}`)).statusCode).toBe(401)
    const limited = await login(victim.email, victim.password, '10.1.0.99')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('refuses a deactivated account', async () => {
    const gone = await t.createUser('staff')
    const ceo = await t.as(t.ceo)
    expect((await ceo.delete(`/api/v1/users/${gone.id}`)).status).toBe(200)
    expect((await login(gone.email, gone.password, '10.2.0.1')).statusCode).toBe(401)
  })

  it('validates the body with field details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.c' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.password' })]))
  })

  it('audits sign-ins and failures', async () => {
    const rows = await t.services.database.db.selectFrom('auditLog').select(['action', 'outcome']).where('action', '=', 'auth.login').execute()
    expect(rows.some((r) => r.outcome === 'ok')).toBe(true)
    expect(rows.some((r) => r.outcome === 'failed')).toBe(true)
    expect(rows.some((r) => r.outcome === 'denied')).toBe(true)
  })
})

describe('access tokens', () => {
  it('accepts a valid token', async () => {
    const { accessToken } = await t.login(t.ceo)
    expect((await clientFor(t.app, accessToken).get('/api/v1/users/me')).status).toBe(200)
  })

  it('refuses a missing, forged or malformed token', async () => {
    const forged = await new SignJWT({ org: t.ceo.organizationId, role: 'ceo' }).setProtectedHeader({ alg: 'HS256' })
      .setSubject(t.ceo.id).setIssuer('baton').setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(48)))
    for (const token of [forged, 'garbage', '']) {
      const res = await clientFor(t.app, token).get('/api/v1/users/me')
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('UNAUTHENTICATED')
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/users/me' })
    expect(none.statusCode).toBe(401)
  })

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const token = await t.services.tokens.signAccess({ ...t.ceo }, -5)
    const res = await clientFor(t.app, token).get('/api/v1/users/me')
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('TOKEN_EXPIRED')
  })

  it('stops working soon after the account is deactivated', async () => {
    const user = await t.createUser('staff')
    const client = await t.as(user)
    const ceo = await t.as(t.ceo)
    await ceo.delete(`/api/v1/users/${user.id}`)
    await new Promise((r) => setTimeout(r, 5_100)) // past the actor cache
    expect((await client.get('/api/v1/users/me')).status).toBe(401)
  })
})

describe('refresh tokens', () => {
  it('rotates the pair, and reusing an old token revokes the whole family', async () => {
    const user = await t.createUser('staff')
    const first = await t.login(user)
    const refresh = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: token } })

    const second = await refresh(first.refreshToken)
    expect(second.statusCode).toBe(200)
    const pair2 = second.json()
    expect(pair2.refreshToken).not.toBe(first.refreshToken)
    expect((await clientFor(t.app, pair2.accessToken).get('/api/v1/users/me')).status).toBe(200)

    const reuse = await refresh(first.refreshToken)
    expect(reuse.statusCode).toBe(401)
    // The legitimate newer token is revoked too: the family is gone.
    expect((await refresh(pair2.refreshToken)).statusCode).toBe(401)
    const audit = await t.services.database.db.selectFrom('auditLog').select('action')
      .where('action', '=', 'auth.refresh_reuse').where('actorId', '=', user.id).execute()
    expect(audit).toHaveLength(2) // the stolen token, then the revoked newer one
  })

  it('logout ends the session', async () => {
    const user = await t.createUser('staff')
    const pair = await t.login(user)
    const out = await clientFor(t.app, pair.accessToken).post('/api/v1/auth/logout', { refreshToken: pair.refreshToken })
    expect(out.status).toBe(204)
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: pair.refreshToken } })
    expect(res.statusCode).toBe(401)
  })

  it('refuses an unknown refresh token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: 'x'.repeat(43) } })
    expect(res.statusCode).toBe(401)
  })
})
