import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { allPages, eventsOf, makeChannel } from '../factories'
import { createTestContext, type Client, type TestContext } from '../harness'

let t: TestContext
let ceo: Client
let manager: Actor & { password: string }
let staff: Actor & { password: string }
let channel: string

beforeAll(async () => {
  t = await createTestContext()
  ceo = await t.as(t.ceo)
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  staff = await t.createUser('staff', { name: 'Sarah Chen' })
  channel = (await makeChannel(t, { name: 'General' })).id
})
afterAll(async () => { await t.close() })

describe('GET /api/v1/audit', () => {
  it('is for the CEO only: managers and staff get 403', async () => {
    for (const who of [manager, staff]) {
      const res = await (await t.as(who)).get('/api/v1/audit')
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    }
    expect((await ceo.get('/api/v1/audit')).status).toBe(200)
  })

  it('records who did what with before/after, newest first, filtered by actor, entity, action and time', async () => {
    const client = await t.as(staff)
    const posted = (await client.post(`/api/v1/channels/${channel}/messages`, { content: 'first words' })).body
    const { events } = await eventsOf(t, () => client.patch(`/api/v1/messages/${posted.id}`, { content: 'better words' }))
    expect(events.map((e) => e.type)).toEqual(['message.updated']) // reading the audit log writes no events

    const byEntity = await ceo.get(`/api/v1/audit?entityType=message&entityId=${posted.id}`)
    expect(byEntity.status).toBe(200)
    expect(byEntity.body.items.map((e: { action: string }) => e.action)).toEqual(['message.update', 'message.create'])
    expect(byEntity.body.items[0]).toMatchObject({ actorId: staff.id, outcome: 'ok', before: { content: 'first words' }, after: { content: 'better words' } })

    const byActor = await ceo.get(`/api/v1/audit?actorId=${staff.id}&action=message.create`)
    expect(byActor.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([posted.id])
    const prefix = await ceo.get(`/api/v1/audit?actorId=${staff.id}&action=message.*`)
    expect(prefix.body.items).toHaveLength(2)

    const future = new Date(Date.now() + 3600_000).toISOString()
    expect((await ceo.get(`/api/v1/audit?from=${encodeURIComponent(future)}`)).body.items).toEqual([])
    const past = new Date(Date.now() - 3600_000).toISOString()
    expect((await ceo.get(`/api/v1/audit?to=${encodeURIComponent(past)}`)).body.items).toEqual([])
  })

  it('includes refusals (outcome denied)', async () => {
    await (await t.as(staff)).post('/api/v1/users', { email: 'x@test.baton', name: 'X', role: 'staff', password: 'long-enough-pw' })
    const denied = await ceo.get(`/api/v1/audit?actorId=${staff.id}&outcome=denied`)
    expect(denied.body.items.length).toBeGreaterThanOrEqual(1)
    expect(denied.body.items[0]).toMatchObject({ action: 'permission.denied', outcome: 'denied' })
  })

  it('pages newest first without gaps or repeats', async () => {
    const client = await t.as(staff)
    for (let i = 0; i < 6; i++) await client.post(`/api/v1/channels/${channel}/messages`, { content: `m${i}` })
    const all = await allPages(ceo.get, '/api/v1/audit', 100)
    expect(await allPages(ceo.get, '/api/v1/audit', 3)).toEqual(all)
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => b - a))
    expect(new Set(all).size).toBe(all.length)
  })

  it('refuses bad filters with 400', async () => {
    expect((await ceo.get('/api/v1/audit?actorId=nope')).status).toBe(400)
    expect((await ceo.get('/api/v1/audit?from=yesterday')).status).toBe(400)
    expect((await ceo.get('/api/v1/audit?outcome=maybe')).status).toBe(400)
    expect((await ceo.get('/api/v1/audit?cursor=%%%')).status).toBe(400)
  })
})
