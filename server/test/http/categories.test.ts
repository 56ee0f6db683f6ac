import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { createTestContext, type Client, type TestContext } from '../harness'

let t: TestContext
let manager: Actor & { password: string }
let staff: Actor & { password: string }
let ceo: Client

const db = () => t.services.database.db
const lastEventId = async () => Number((await db().selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0)
const eventsSince = (id: number) => db().selectFrom('events').select(['type', 'scope', 'payload']).where('id', '>', id).orderBy('id').execute()
const brief = (events: Array<{ type: string; scope: unknown; payload: unknown }>) =>
  events.map((e) => ({ type: e.type, scope: e.scope, id: (e.payload as { id?: string }).id }))

beforeAll(async () => {
  t = await createTestContext()
  manager = await t.createUser('manager', { name: 'Mona Manager' })
  staff = await t.createUser('staff', { name: 'Sam Staff' })
  ceo = await t.as(t.ceo)
})
afterAll(async () => { await t.close() })

describe('creating categories', () => {
  it('the CEO and managers create categories, each announced with category.created to the organization', async () => {
    for (const [actor, name] of [[t.ceo, 'Marketing'], [manager, 'Engineering']] as const) {
      const before = await lastEventId()
      const res = await (await t.as(actor)).post('/api/v1/categories', { name, description: `${name} work`, color: '#3366ff', icon: 'megaphone', priorityLevel: 2 })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ name, description: `${name} work`, color: '#3366ff', icon: 'megaphone', priorityLevel: 2, createdBy: actor.id, version: 1 })
      expect(brief(await eventsSince(before))).toEqual([{ type: 'category.created', scope: { kind: 'org' }, id: res.body.id }])
    }
  })

  it('staff cannot create categories (403, nothing written)', async () => {
    const before = await lastEventId()
    const res = await (await t.as(staff)).post('/api/v1/categories', { name: 'Staff corner' })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
    expect(await eventsSince(before)).toEqual([])
  })

  it('names are unique case-insensitively (409)', async () => {
    const res = await ceo.post('/api/v1/categories', { name: '  marketing ' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('DUPLICATE')
  })

  it('refuses bad input and unknown fields with 400', async () => {
    for (const body of [{ name: '' }, { name: 'X', color: 'red' }, { name: 'X', priorityLevel: 0 }, { name: 'X', owner: 'me' }, {}]) {
      const res = await ceo.post('/api/v1/categories', body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('reading categories', () => {
  it('everyone lists them by name with cursor pagination, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await ceo.post('/api/v1/categories', { name: `Paged ${String.fromCharCode(71 - i)}` })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await (await t.as(staff)).get(`/api/v1/categories?q=paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((c: { name: string }) => c.name))
      cursor = res.body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(['Paged A', 'Paged B', 'Paged C', 'Paged D', 'Paged E', 'Paged F', 'Paged G'])
  })

  it('limit over 100 and foreign cursors are 400', async () => {
    expect((await ceo.get('/api/v1/categories?limit=101')).status).toBe(400)
    expect((await ceo.get('/api/v1/categories?cursor=not-a-cursor')).status).toBe(400)
  })

  it('gets one; a non-UUID id is 400 and an unknown one 404', async () => {
    const list = await ceo.get('/api/v1/categories?q=Marketing')
    const id = list.body.items[0].id
    expect((await (await t.as(staff)).get(`/api/v1/categories/${id}`)).body).toMatchObject({ id, name: 'Marketing' })
    expect((await ceo.get('/api/v1/categories/nope')).status).toBe(400)
    expect((await ceo.get('/api/v1/categories/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})

describe('editing and deleting categories', () => {
  it('edits with the version it read; a stale version is 409 with the current category', async () => {
    const created = await ceo.post('/api/v1/categories', { name: 'Operations' })
    const before = await lastEventId()
    const ok = await (await t.as(manager)).patch(`/api/v1/categories/${created.body.id}`, { description: 'Keeping the lights on', version: 1 })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ description: 'Keeping the lights on', version: 2 })
    expect(brief(await eventsSince(before))).toEqual([{ type: 'category.updated', scope: { kind: 'org' }, id: created.body.id }])

    const stale = await ceo.patch(`/api/v1/categories/${created.body.id}`, { name: 'Ops', version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: created.body.id, version: 2, name: 'Operations' } } })
    const staleHeader = await ceo.patch(`/api/v1/categories/${created.body.id}`, { name: 'Ops' }, { 'if-match': '"1"' })
    expect(staleHeader.status).toBe(409)
    const fresh = await ceo.patch(`/api/v1/categories/${created.body.id}`, { name: 'Ops' }, { 'if-match': '"2"' })
    expect(fresh.body).toMatchObject({ name: 'Ops', version: 3 })
  })

  it('staff cannot edit; renaming onto another name is 409', async () => {
    const list = await ceo.get('/api/v1/categories?q=Engineering')
    const id = list.body.items[0].id
    expect((await (await t.as(staff)).patch(`/api/v1/categories/${id}`, { name: 'Eng' })).status).toBe(403)
    expect((await ceo.patch(`/api/v1/categories/${id}`, { name: 'MARKETING' })).status).toBe(409)
    expect((await ceo.patch(`/api/v1/categories/${id}`, { unknown: 1 })).status).toBe(400)
  })

  it('only the CEO deletes; the category disappears and its channels move to no category', async () => {
    const category = await ceo.post('/api/v1/categories', { name: 'Short-lived' })
    const channel = await ceo.post('/api/v1/channels', { name: 'Temporary room', categoryId: category.body.id })
    expect(channel.body).toMatchObject({ categoryId: category.body.id, categoryName: 'Short-lived' })
    expect((await (await t.as(manager)).delete(`/api/v1/categories/${category.body.id}`)).status).toBe(403)

    const before = await lastEventId()
    expect((await ceo.delete(`/api/v1/categories/${category.body.id}`)).status).toBe(204)
    expect(brief(await eventsSince(before))).toEqual([
      { type: 'category.deleted', scope: { kind: 'org' }, id: category.body.id },
      { type: 'channel.updated', scope: { kind: 'channel', channelId: channel.body.id }, id: channel.body.id },
    ])
    expect((await ceo.get(`/api/v1/categories/${category.body.id}`)).status).toBe(404)
    expect((await ceo.delete(`/api/v1/categories/${category.body.id}`)).status).toBe(404)
    expect((await ceo.get('/api/v1/categories?q=Short')).body.items).toEqual([])
    expect((await ceo.get(`/api/v1/channels/${channel.body.id}`)).body).toMatchObject({ categoryId: null, categoryName: null, version: 2 })
    // The name is free again.
    expect((await ceo.post('/api/v1/categories', { name: 'Short-lived' })).status).toBe(201)
  })
})
