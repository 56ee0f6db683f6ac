import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../harness'
import type { Actor } from '../../src/actions/context'

let t: TestContext
let manager: Actor & { password: string }
let staff: Actor & { password: string }
let otherStaff: Actor & { password: string }
let otherManager: Actor & { password: string }

beforeAll(async () => {
  t = await createTestContext()
  manager = await t.createUser('manager', { name: 'Mona Manager' })
  otherManager = await t.createUser('manager', { name: 'Otto Manager' })
  staff = await t.createUser('staff', { name: 'Sam Staff' })
  otherStaff = await t.createUser('staff', { name: 'Stella Staff' })
})
afterAll(async () => { await t.close() })

const newUser = (role: string) => ({ email: `${role}-${Math.random().toString(36).slice(2)}@test.baton`, name: `New ${role}`, role, password: 'long-enough-pw' })

describe('permission matrix: creating users', () => {
  const cases: Array<[string, string, number]> = [
    ['ceo', 'manager', 201], ['ceo', 'staff', 201], ['ceo', 'ceo', 403],
    ['manager', 'staff', 201], ['manager', 'manager', 403], ['manager', 'ceo', 403],
    ['staff', 'staff', 403], ['staff', 'manager', 403],
  ]
  for (const [actorRole, targetRole, status] of cases) {
    it(`${actorRole} creating a ${targetRole} → ${status}`, async () => {
      const actor = actorRole === 'ceo' ? t.ceo : actorRole === 'manager' ? manager : staff
      const res = await (await t.as(actor)).post('/api/v1/users', newUser(targetRole))
      expect(res.status).toBe(status)
      if (status === 201) expect(res.body).toMatchObject({ role: targetRole, active: true, version: 1 })
      else expect(res.body.error.code).toBe('FORBIDDEN')
    })
  }

  it('records denials in the audit log', async () => {
    const denials = await t.services.database.db.selectFrom('auditLog').selectAll().where('outcome', '=', 'denied')
      .where('actorId', '=', staff.id).execute()
    expect(denials.length).toBeGreaterThanOrEqual(2)
  })
})

describe('permission matrix: reading, editing, deactivating', () => {
  it('everyone can list and get people, and see themselves with preferences', async () => {
    for (const actor of [t.ceo, manager, staff]) {
      const client = await t.as(actor)
      const list = await client.get('/api/v1/users?limit=100')
      expect(list.status).toBe(200)
      expect(list.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([t.ceo.id, manager.id, staff.id]))
      const me = await client.get('/api/v1/users/me')
      expect(me.body).toMatchObject({ id: actor.id, notificationSettings: {} })
      expect((await client.get(`/api/v1/users/${manager.id}`)).status).toBe(200)
    }
  })

  const edits: Array<[string, () => Actor, () => Actor, number]> = [
    ['ceo edits a manager', () => t.ceo, () => manager, 200],
    ['ceo edits staff', () => t.ceo, () => staff, 200],
    ['manager edits staff', () => manager, () => staff, 200],
    ['manager edits another manager', () => manager, () => otherManager, 403],
    ['manager edits the ceo', () => manager, () => t.ceo, 403],
    ['staff edits other staff', () => staff, () => otherStaff, 403],
    ['staff edits themselves', () => staff, () => staff, 200],
  ]
  for (const [name, actor, target, status] of edits) {
    it(`${name} → ${status}`, async () => {
      const res = await (await t.as(actor() as never)).patch(`/api/v1/users/${target().id}`, { timezone: 'Europe/Madrid' })
      expect(res.status).toBe(status)
    })
  }

  it('only the ceo changes roles', async () => {
    const target = await t.createUser('staff')
    expect((await (await t.as(manager)).patch(`/api/v1/users/${target.id}`, { role: 'manager' })).status).toBe(403)
    expect((await (await t.as(staff)).patch(`/api/v1/users/${staff.id}`, { role: 'manager' })).status).toBe(403)
    const promoted = await (await t.as(t.ceo)).patch(`/api/v1/users/${target.id}`, { role: 'manager' })
    expect(promoted.status).toBe(200)
    expect(promoted.body.role).toBe('manager')
  })

  it('updates preferences on /users/me', async () => {
    const client = await t.as(otherStaff)
    const res = await client.patch('/api/v1/users/me', { language: 'es', notificationSettings: { types: { mention: false } } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ language: 'es', notificationSettings: { types: { mention: false } } })
  })

  it('refuses a stale version with the current user', async () => {
    const client = await t.as(t.ceo)
    const current = (await client.get(`/api/v1/users/${otherStaff.id}`)).body
    expect((await client.patch(`/api/v1/users/${otherStaff.id}`, { name: 'Stella S.', version: current.version })).status).toBe(200)
    const stale = await client.patch(`/api/v1/users/${otherStaff.id}`, { name: 'Stale', version: current.version })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    expect(stale.body.error.details.current.name).toBe('Stella S.')
    const viaHeader = await client.patch(`/api/v1/users/${otherStaff.id}`, { name: 'Stale' }, { 'if-match': String(current.version) })
    expect(viaHeader.status).toBe(409)
  })

  const deactivations: Array<[string, () => Actor, () => Promise<Actor>, number]> = [
    ['staff deactivates staff', () => staff, () => t.createUser('staff'), 403],
    ['manager deactivates a manager', () => manager, () => t.createUser('manager'), 403],
    ['manager deactivates staff', () => manager, () => t.createUser('staff'), 200],
    ['ceo deactivates a manager', () => t.ceo, () => t.createUser('manager'), 200],
  ]
  for (const [name, actor, target, status] of deactivations) {
    it(`${name} → ${status}`, async () => {
      const victim = await target()
      const res = await (await t.as(actor() as never)).delete(`/api/v1/users/${victim.id}`)
      expect(res.status).toBe(status)
      if (status === 200) expect(res.body.active).toBe(false)
    })
  }

  it('nobody deactivates themselves', async () => {
    expect((await (await t.as(t.ceo)).delete(`/api/v1/users/${t.ceo.id}`)).status).toBe(403)
  })
})

describe('validation and errors', () => {
  it('refuses a duplicate email with 409, whatever its case', async () => {
    const client = await t.as(t.ceo)
    const res = await client.post('/api/v1/users', { ...newUser('staff'), email: staff.email.toUpperCase() })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('DUPLICATE')
  })

  it('reports every invalid field', async () => {
    const res = await (await t.as(t.ceo)).post('/api/v1/users', { email: 'not-an-email', name: '', role: 'boss', password: 'short', timezone: 'Mars/Olympus' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    const fields = res.body.error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body.role', 'body.password', 'body.timezone']))
  })

  it('refuses unknown fields', async () => {
    const res = await (await t.as(t.ceo)).post('/api/v1/users', { ...newUser('staff'), isAdmin: true })
    expect(res.status).toBe(400)
  })

  it('answers malformed JSON with 400, an id that is not a UUID with 400, an unknown id with 404', async () => {
    const client = await t.as(t.ceo)
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' }, payload: '{"email":' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('BAD_REQUEST')
    expect((await client.get('/api/v1/users/not-a-uuid')).status).toBe(400)
    const missing = await client.get('/api/v1/users/7d7e7a10-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('NOT_FOUND')
  })

  it('answers an oversized body with 413 and an unknown route with 404', async () => {
    const client = await t.as(t.ceo)
    const huge = await client.post('/api/v1/users', { ...newUser('staff'), name: 'x'.repeat(2_000_000) })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE')
    const unknown = await client.get('/api/v1/nothing-here')
    expect(unknown.status).toBe(404)
  })

  it('paginates the directory without gaps or repeats', async () => {
    const client = await t.as(t.ceo)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.items.map((u) => u.id))
      cursor = res.body.nextCursor
    } while (cursor)
    const all = await client.get('/api/v1/users?limit=100')
    expect(seen).toEqual(all.body.items.map((u: { id: string }) => u.id))
    expect((await client.get('/api/v1/users?limit=101')).status).toBe(400)
    expect((await client.get('/api/v1/users?cursor=bogus')).status).toBe(400)
  })

  it('records user events in the outbox', async () => {
    const before = await t.services.database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const created = await (await t.as(t.ceo)).post('/api/v1/users', newUser('staff'))
    const events = await t.services.database.db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(2).execute()
    expect(Number(before.n) + 1).toBe(Number((await t.services.database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n))
    expect(events[0]).toMatchObject({ type: 'user.created', actorId: t.ceo.id, scope: { kind: 'org' } })
    expect((events[0]!.payload as { id: string }).id).toBe(created.body.id)
  })
})

describe('service basics', () => {
  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().checks.database.ok).toBe(true)
    expect(ready.json().checks.voice).toMatchObject({ required: false }) // reported, never blocking readiness
    const doc = await t.app.inject({ url: '/docs/json' })
    expect(doc.statusCode).toBe(200)
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/auth/login']))
  })

  it('echoes a request id', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } })
    expect(res.headers['x-request-id']).toBe('abc-123')
  })
})
