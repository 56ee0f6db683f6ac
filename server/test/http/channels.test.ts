import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { inTransaction } from '../../src/actions/transaction'
import { createChannel } from '../../src/actions/channels/createChannel'
import { createTestContext, type Client, type TestContext } from '../harness'

type Person = Actor & { password: string }
let t: TestContext
let manager: Person        // owns the private channel
let otherManager: Person   // member of nothing
let staff: Person          // member of the private channel
let otherStaff: Person     // member of nothing
let ceo: Client
let categoryId: string
let privateId: string
let publicId: string

const NIL = '00000000-0000-4000-8000-000000000000'
const db = () => t.services.database.db
const lastEventId = async () => Number((await db().selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0)
const eventsSince = (id: number) => db().selectFrom('events').select(['type', 'scope', 'payload']).where('id', '>', id).orderBy('id').execute()
/** Events as (type, scope, the id they are about): channel member events are about their channel. */
const brief = (events: Array<{ type: string; scope: unknown; payload: unknown }>) => events.map((e) => {
  const p = e.payload as { id?: string; channelId?: string; userId?: string }
  return { type: e.type, scope: e.scope, id: e.type.startsWith('channel.member') ? p.channelId : e.type === 'notification.created' ? p.userId : p.id }
})
const as = (p: Person | Actor) => t.as(p as Person)
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((c) => c.id)

beforeAll(async () => {
  t = await createTestContext()
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  otherManager = await t.createUser('manager', { name: 'Mona Other' })
  staff = await t.createUser('staff', { name: 'Sarah Chen' })
  otherStaff = await t.createUser('staff', { name: 'Olga Outside' })
  ceo = await t.as(t.ceo)
  categoryId = (await ceo.post('/api/v1/categories', { name: 'Marketing' })).body.id
})
afterAll(async () => { await t.close() })

describe('creating channels', () => {
  it('a manager creates a private channel: owner membership, invited members notified, exact events', async () => {
    const before = await lastEventId()
    const res = await (await as(manager)).post('/api/v1/channels', {
      name: 'Secret Launch', description: 'Q3 launch', categoryId, channelType: 'initiative', privacy: 'private', memberIds: [staff.id, staff.id, manager.id],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      name: 'Secret Launch', description: 'Q3 launch', categoryId, categoryName: 'Marketing', channelType: 'initiative', privacy: 'private',
      status: 'active', archivedAt: null, createdBy: manager.id, memberCount: 2, myRole: 'owner', unreadCount: 0, version: 1,
    })
    privateId = res.body.id
    expect(brief(await eventsSince(before))).toEqual([
      { type: 'channel.created', scope: { kind: 'channel', channelId: privateId }, id: privateId },
      { type: 'notification.created', scope: { kind: 'users', userIds: [staff.id] }, id: staff.id },
    ])
    const notification = await db().selectFrom('notifications').selectAll().where('userId', '=', staff.id).where('entityId', '=', privateId).executeTakeFirstOrThrow()
    expect(notification).toMatchObject({ type: 'channel_invite', entityType: 'channel' })
    const audit = await db().selectFrom('auditLog').selectAll().where('action', '=', 'channel.create').where('entityId', '=', privateId).executeTakeFirst()
    expect(audit?.actorId).toBe(manager.id)
  })

  it('a public channel with defaults', async () => {
    const res = await (await as(manager)).post('/api/v1/channels', { name: 'General' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ privacy: 'public', channelType: 'project', status: 'active', categoryId: null, categoryName: null, memberCount: 1 })
    publicId = res.body.id
  })

  it('staff cannot create channels (403, nothing written)', async () => {
    const before = await lastEventId()
    const res = await (await as(staff)).post('/api/v1/channels', { name: 'Mine' })
    expect(res.status).toBe(403)
    expect(await eventsSince(before)).toEqual([])
  })

  it('refuses bad input with 400 and unknown references with 404, never a 500', async () => {
    for (const body of [{ name: '' }, { name: 'X', privacy: 'secret' }, { name: 'X', channelType: 'club' }, { name: 'X', memberIds: ['nope'] },
      { name: 'X', categoryId: 'nope' }, { name: 'X', extra: true }, { name: 'X', categoryId, categoryName: 'Both' }]) {
      const res = await ceo.post('/api/v1/channels', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect((await ceo.post('/api/v1/channels', { name: 'X', categoryId: NIL })).status).toBe(404)
    expect((await ceo.post('/api/v1/channels', { name: 'X', memberIds: [NIL] })).status).toBe(404)
    expect((await ceo.post('/api/v1/channels', 'not json', { 'content-type': 'application/json' })).status).toBe(400)
  })

  it('createChannel finds a category by name or creates it, and links a parent (the command engine path)', async () => {
    const before = await lastEventId()
    const result = await inTransaction(db(), { actor: manager }, (ctx) =>
      createChannel(ctx, { name: 'Launch Design', categoryName: 'marketing', parentChannelId: publicId }))
    expect(result.category).toMatchObject({ id: categoryId, created: false })
    expect(result.relationship).toMatchObject({ channelId: publicId, relatedChannelId: result.channel.id, relationshipType: 'parent_child' })
    expect(brief(await eventsSince(before))).toEqual([
      { type: 'channel.created', scope: { kind: 'channel', channelId: result.channel.id }, id: result.channel.id },
      { type: 'channel.relationship_created', scope: { kind: 'channel', channelId: publicId }, id: result.relationship!.id },
    ])

    const mid = await lastEventId()
    const fresh = await inTransaction(db(), { actor: manager }, (ctx) => createChannel(ctx, { name: 'Hiring', categoryName: 'People Ops' }))
    expect(fresh.category).toMatchObject({ name: 'People Ops', created: true })
    expect(brief(await eventsSince(mid))).toEqual([
      { type: 'category.created', scope: { kind: 'org' }, id: fresh.category!.id },
      { type: 'channel.created', scope: { kind: 'channel', channelId: fresh.channel.id }, id: fresh.channel.id },
    ])
  })

  it('a failure halfway leaves nothing behind (new category rolled back with the channel)', async () => {
    const before = await lastEventId()
    await expect(inTransaction(db(), { actor: manager }, (ctx) =>
      createChannel(ctx, { name: 'Broken', categoryName: 'Never Saved', memberIds: [NIL] }))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await eventsSince(before)).toEqual([])
    expect(await db().selectFrom('categories').select('id').where('name', '=', 'Never Saved').execute()).toEqual([])
    expect(await db().selectFrom('channels').select('id').where('name', '=', 'Broken').execute()).toEqual([])
  })
})

describe('visibility: anything a caller may not see is 404, lists too', () => {
  it('the CEO sees every channel', async () => {
    const list = await ceo.get('/api/v1/channels?limit=100')
    expect(ids(list.body)).toEqual(expect.arrayContaining([privateId, publicId]))
    const one = await ceo.get(`/api/v1/channels/${privateId}`)
    expect(one.body).toMatchObject({ id: privateId, myRole: null, unreadCount: null })
    expect((await ceo.get(`/api/v1/channels/${privateId}/members`)).status).toBe(200)
  })

  it('members see the private channel; the manager who owns it sees public + own', async () => {
    for (const member of [manager, staff]) {
      const client = await as(member)
      expect(ids((await client.get('/api/v1/channels?limit=100')).body)).toEqual(expect.arrayContaining([privateId, publicId]))
      expect((await client.get(`/api/v1/channels/${privateId}`)).status).toBe(200)
    }
    expect((await (await as(staff)).get(`/api/v1/channels/${privateId}`)).body.myRole).toBe('member')
  })

  for (const [who, person] of [['manager', () => otherManager], ['staff', () => otherStaff]] as const) {
    it(`a ${who} who is not a member gets 404 on the private channel everywhere`, async () => {
      const client = await as(person())
      const list = await client.get('/api/v1/channels?limit=100')
      expect(ids(list.body)).toContain(publicId)
      expect(ids(list.body)).not.toContain(privateId)
      expect((await client.get(`/api/v1/channels?q=Secret`)).body.items).toEqual([])
      for (const res of [
        await client.get(`/api/v1/channels/${privateId}`),
        await client.get(`/api/v1/channels/${privateId}/members`),
        await client.get(`/api/v1/channels/${privateId}/relationships`),
        await client.patch(`/api/v1/channels/${privateId}`, { name: 'Peek' }),
        await client.delete(`/api/v1/channels/${privateId}`),
        await client.post(`/api/v1/channels/${privateId}/members`, { userIds: [person().id] }),
        await client.delete(`/api/v1/channels/${privateId}/members/${person().id}`),
        await client.post(`/api/v1/channels/${publicId}/relationships`, { relatedChannelId: privateId, relationshipType: 'collaborative' }),
      ]) {
        expect(res.status).toBe(404)
        expect(res.body.error.code).toBe('NOT_FOUND')
      }
    })
  }

  it('ids that are not UUIDs are 400; unknown ones 404', async () => {
    expect((await ceo.get('/api/v1/channels/123')).status).toBe(400)
    expect((await ceo.patch('/api/v1/channels/123', { name: 'x' })).status).toBe(400)
    expect((await ceo.delete(`/api/v1/channels/${privateId}/members/123`)).status).toBe(400)
    expect((await ceo.delete(`/api/v1/channels/${privateId}/relationships/123`)).status).toBe(400)
    expect((await ceo.get(`/api/v1/channels/${NIL}`)).status).toBe(404)
    expect((await ceo.get(`/api/v1/channels?categoryId=nope`)).status).toBe(400)
    expect((await ceo.get(`/api/v1/channels?status=gone`)).status).toBe(400)
  })
})

describe('editing and archiving', () => {
  it('only those who manage the channel (its owners/admins, creator, the CEO) edit it', async () => {
    expect((await (await as(staff)).patch(`/api/v1/channels/${privateId}`, { description: 'mine now' })).status).toBe(403)
    expect((await (await as(otherManager)).patch(`/api/v1/channels/${publicId}`, { description: 'mine now' })).status).toBe(403)
    expect((await (await as(otherStaff)).delete(`/api/v1/channels/${publicId}`)).status).toBe(403)
    const before = await lastEventId()
    const ok = await (await as(manager)).patch(`/api/v1/channels/${privateId}`, { description: 'Q3 launch plan', version: 1 })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ description: 'Q3 launch plan', version: 2, myRole: 'owner', memberCount: 2 })
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.updated', scope: { kind: 'channel', channelId: privateId }, id: privateId }])
    expect((await ceo.patch(`/api/v1/channels/${privateId}`, { channelType: 'project' })).body.version).toBe(3)
  })

  it('a stale version is 409 VERSION_CONFLICT with the current channel (body or If-Match)', async () => {
    const client = await as(manager)
    const stale = await client.patch(`/api/v1/channels/${privateId}`, { name: 'Overwrite', version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: privateId, version: 3, name: 'Secret Launch' } } })
    expect((await client.patch(`/api/v1/channels/${privateId}`, { name: 'Overwrite' }, { 'if-match': '2' })).status).toBe(409)
    const ok = await client.patch(`/api/v1/channels/${privateId}`, { name: 'Secret Launch' , privacy: 'private' }, { 'if-match': '"3"' })
    expect(ok.status).toBe(200)
    expect(ok.body.version).toBe(3) // nothing changed, nothing written
    expect((await client.patch(`/api/v1/channels/${privateId}`, { owner: 'me' })).status).toBe(400)
    expect((await client.patch(`/api/v1/channels/${privateId}`, { categoryId: NIL })).status).toBe(404)
  })

  it('two concurrent edits from the same version: one wins, the other is 409, nothing is overwritten silently', async () => {
    const client = await as(manager)
    const created = (await client.post('/api/v1/channels', { name: 'Contested' })).body
    const results = await Promise.all([
      client.patch(`/api/v1/channels/${created.id}`, { description: 'first', version: 1 }),
      ceo.patch(`/api/v1/channels/${created.id}`, { description: 'second', version: 1 }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = results.find((r) => r.status === 200)!
    expect((await ceo.get(`/api/v1/channels/${created.id}`)).body).toMatchObject({ description: winner.body.description, version: 2 })
    expect(results.find((r) => r.status === 409)!.body.error.details.current).toMatchObject({ version: 2 })
  })

  it('status: paused, then archived (archived_at set, channel.archived), and back to active', async () => {
    const client = await as(manager)
    const created = (await client.post('/api/v1/channels', { name: 'Winding down' })).body
    const paused = await client.patch(`/api/v1/channels/${created.id}`, { status: 'paused' })
    expect(paused.body).toMatchObject({ status: 'paused', archivedAt: null })
    const before = await lastEventId()
    const archived = await client.delete(`/api/v1/channels/${created.id}`)
    expect(archived.status).toBe(200)
    expect(archived.body).toMatchObject({ status: 'archived', version: 3 })
    expect(archived.body.archivedAt).toEqual(expect.any(String))
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.archived', scope: { kind: 'channel', channelId: created.id }, id: created.id }])
    const again = await lastEventId()
    expect((await client.delete(`/api/v1/channels/${created.id}`)).body.version).toBe(3)
    expect(await eventsSince(again)).toEqual([])
    const restored = await client.patch(`/api/v1/channels/${created.id}`, { status: 'active' })
    expect(restored.body).toMatchObject({ status: 'active', archivedAt: null, version: 4 })
    expect(ids((await client.get('/api/v1/channels?status=active&limit=100')).body)).toContain(created.id)
  })

  it('making a public channel private tells the non-members who lose sight of it', async () => {
    const client = await as(manager)
    const created = (await client.post('/api/v1/channels', { name: 'Going dark', memberIds: [staff.id] })).body
    const before = await lastEventId()
    const res = await client.patch(`/api/v1/channels/${created.id}`, { privacy: 'private' })
    expect(res.body).toMatchObject({ privacy: 'private', version: 2 })
    const events = await eventsSince(before)
    expect(events.map((e) => e.type)).toEqual(['channel.updated', 'channel.updated'])
    expect(events[0]!.scope).toEqual({ kind: 'channel', channelId: created.id })
    const lostSight = (events[1]!.scope as { kind: string; userIds: string[] })
    expect(lostSight.kind).toBe('users')
    expect(lostSight.userIds.sort()).toEqual([otherManager.id, otherStaff.id].sort())
    expect((await (await as(otherStaff)).get(`/api/v1/channels/${created.id}`)).status).toBe(404)
  })
})

describe('listing', () => {
  it('filters by category, status, privacy, name and membership', async () => {
    const client = await as(manager)
    expect(ids((await client.get(`/api/v1/channels?categoryId=${categoryId}`)).body)).toContain(privateId)
    expect(ids((await client.get(`/api/v1/channels?categoryId=${categoryId}`)).body)).not.toContain(publicId)
    const privateOnes = ids((await client.get('/api/v1/channels?privacy=private')).body)
    expect(privateOnes).toContain(privateId)
    expect(privateOnes).not.toContain(publicId)
    expect(ids((await client.get('/api/v1/channels?q=gener')).body)).toEqual([publicId])
    expect(ids((await client.get('/api/v1/channels?status=archived')).body)).toEqual([])
    const mine = ids((await (await as(staff)).get('/api/v1/channels?member=me')).body)
    expect(mine).toContain(privateId)
    expect(mine).not.toContain(publicId)
    expect((await client.get('/api/v1/channels?member=you')).status).toBe(400)
  })

  it('paginates by name without gaps or repeats, even while channels are added', async () => {
    const client = await as(otherManager)
    const names = Array.from({ length: 9 }, (_, i) => `Paging ${String(i).padStart(2, '0')}`)
    for (const name of names) await client.post('/api/v1/channels', { name, privacy: name.endsWith('4') ? 'private' : 'public' })
    // A private channel of someone else's in the same range must never show up.
    await (await as(manager)).post('/api/v1/channels', { name: 'Paging 05b', privacy: 'private' })
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await (await as(otherStaff)).get(`/api/v1/channels?q=paging&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.items.map((c: { name: string }) => c.name))
      if (pages === 1) await client.post('/api/v1/channels', { name: 'Paging 00a' }) // lands before the cursor
      cursor = res.body.nextCursor
      pages++
    } while (cursor)
    expect(seen).toEqual(names.filter((n) => !n.endsWith('4')))
    expect((await ceo.get('/api/v1/channels?limit=101')).status).toBe(400)
    expect((await ceo.get('/api/v1/channels?limit=0')).status).toBe(400)
    expect((await ceo.get('/api/v1/channels?cursor=%%%')).status).toBe(400)
  })
})

describe('members', () => {
  it('adds members (new ones only), notifies them, and the private channel becomes visible to them', async () => {
    const client = await as(manager)
    const before = await lastEventId()
    const res = await client.post(`/api/v1/channels/${privateId}/members`, { userIds: [otherStaff.id, staff.id] })
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([expect.objectContaining({ channelId: privateId, userId: otherStaff.id, role: 'member', addedBy: manager.id })])
    const events = await eventsSince(before)
    expect(brief(events)).toEqual([
      { type: 'channel.member_added', scope: { kind: 'channel', channelId: privateId }, id: privateId },
      { type: 'notification.created', scope: { kind: 'users', userIds: [otherStaff.id] }, id: otherStaff.id },
    ])
    expect(events[0]!.payload).toMatchObject({ channel: { id: privateId, memberCount: 3 }, members: [{ userId: otherStaff.id, user: { name: 'Olga Outside' } }] })
    expect((await (await as(otherStaff)).get(`/api/v1/channels/${privateId}`)).status).toBe(200)

    const again = await lastEventId()
    expect((await client.post(`/api/v1/channels/${privateId}/members`, { userIds: [otherStaff.id] })).body.items).toEqual([])
    expect(await eventsSince(again)).toEqual([])
  })

  it('lists members by name with their role', async () => {
    const res = await (await as(staff)).get(`/api/v1/channels/${privateId}/members?limit=2`)
    expect(res.body.items.map((m: { user: { name: string }; role: string }) => [m.user.name, m.role])).toEqual([['Mike Ross', 'owner'], ['Olga Outside', 'member']])
    const next = await (await as(staff)).get(`/api/v1/channels/${privateId}/members?limit=2&cursor=${res.body.nextCursor}`)
    expect(next.body).toMatchObject({ items: [{ userId: staff.id, role: 'member' }], nextCursor: null })
  })

  it('only managers of the channel add or remove others; bad ids are 400/404', async () => {
    expect((await (await as(staff)).post(`/api/v1/channels/${privateId}/members`, { userIds: [otherManager.id] })).status).toBe(403)
    expect((await (await as(staff)).delete(`/api/v1/channels/${privateId}/members`, { userIds: [otherStaff.id] })).status).toBe(403)
    expect((await (await as(manager)).post(`/api/v1/channels/${privateId}/members`, { userIds: [NIL] })).status).toBe(404)
    expect((await (await as(manager)).post(`/api/v1/channels/${privateId}/members`, { userIds: [] })).status).toBe(400)
    expect((await (await as(manager)).post(`/api/v1/channels/${privateId}/members`, { userIds: ['x'] })).status).toBe(400)
    expect((await (await as(manager)).post(`/api/v1/channels/${privateId}/members`, { userIds: [staff.id], role: 'king' })).status).toBe(400)
  })

  it('a member made admin can manage the channel', async () => {
    const client = await as(manager)
    const newcomer = await t.createUser('staff', { name: 'Adam Admin' })
    expect((await client.post(`/api/v1/channels/${privateId}/members`, { userIds: [newcomer.id], role: 'admin' })).body.items[0].role).toBe('admin')
    expect((await (await as(newcomer)).patch(`/api/v1/channels/${privateId}`, { description: 'Run by Adam' })).status).toBe(200)
    expect((await client.delete(`/api/v1/channels/${privateId}/members/${newcomer.id}`)).status).toBe(204)
    expect((await (await as(newcomer)).get(`/api/v1/channels/${privateId}`)).status).toBe(404)
  })

  it('removing from a private channel tells the channel and, separately, the people who lost sight of it', async () => {
    const before = await lastEventId()
    const res = await (await as(manager)).delete(`/api/v1/channels/${privateId}/members`, { userIds: [otherStaff.id, otherManager.id] })
    expect(res.status).toBe(200)
    expect(res.body.items.map((m: { userId: string }) => m.userId)).toEqual([otherStaff.id])
    const events = await eventsSince(before)
    expect(brief(events)).toEqual([
      { type: 'channel.member_removed', scope: { kind: 'channel', channelId: privateId }, id: privateId },
      { type: 'channel.member_removed', scope: { kind: 'users', userIds: [otherStaff.id] }, id: privateId },
    ])
    expect(events[0]!.payload).toMatchObject({ userIds: [otherStaff.id], channel: { memberCount: 2 } })
    expect((await (await as(otherStaff)).get(`/api/v1/channels/${privateId}`)).status).toBe(404)
  })

  it('anyone can leave; on a public channel one channel-scoped event suffices', async () => {
    const client = await as(manager)
    await client.post(`/api/v1/channels/${publicId}/members`, { userIds: [otherStaff.id] })
    const before = await lastEventId()
    expect((await (await as(otherStaff)).delete(`/api/v1/channels/${publicId}/members/${otherStaff.id}`)).status).toBe(204)
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.member_removed', scope: { kind: 'channel', channelId: publicId }, id: publicId }])
    expect(ids((await (await as(otherStaff)).get('/api/v1/channels?member=me')).body)).not.toContain(publicId)
  })

  it('the CEO removed from a private channel still sees it, so gets no separate event', async () => {
    await (await as(manager)).post(`/api/v1/channels/${privateId}/members`, { userIds: [t.ceo.id] })
    const before = await lastEventId()
    await (await as(manager)).delete(`/api/v1/channels/${privateId}/members`, { userIds: [t.ceo.id] })
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.member_removed', scope: { kind: 'channel', channelId: privateId }, id: privateId }])
  })
})

describe('relationships', () => {
  let rel: string
  let thirdId: string
  beforeAll(async () => {
    thirdId = (await (await as(manager)).post('/api/v1/channels', { name: 'Launch Ops', privacy: 'private' })).body.id
  })

  it('relates two channels (seen by both sides), with channel.relationship_created', async () => {
    const before = await lastEventId()
    const res = await (await as(manager)).post(`/api/v1/channels/${privateId}/relationships`, { relatedChannelId: thirdId, relationshipType: 'collaborative' })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ channelId: privateId, relatedChannelId: thirdId, relationshipType: 'collaborative', createdBy: manager.id })
    rel = res.body.id
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.relationship_created', scope: { kind: 'channel', channelId: privateId }, id: rel }])
    const fromOther = await (await as(manager)).get(`/api/v1/channels/${thirdId}/relationships`)
    expect(fromOther.body.items).toEqual([expect.objectContaining({ id: rel, direction: 'incoming', otherChannel: expect.objectContaining({ id: privateId }) })])
  })

  it('hides relationships to channels the viewer cannot see', async () => {
    // staff is in privateId but not in thirdId
    expect((await (await as(staff)).get(`/api/v1/channels/${privateId}/relationships`)).body.items).toEqual([])
    expect((await ceo.get(`/api/v1/channels/${privateId}/relationships`)).body.items.map((r: { id: string }) => r.id)).toContain(rel)
  })

  it('refuses a self-relationship and duplicates (either direction) with 409', async () => {
    const client = await as(manager)
    const self = await client.post(`/api/v1/channels/${privateId}/relationships`, { relatedChannelId: privateId, relationshipType: 'sequential' })
    expect(self.status).toBe(409)
    const dup = await client.post(`/api/v1/channels/${privateId}/relationships`, { relatedChannelId: thirdId, relationshipType: 'collaborative' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('DUPLICATE')
    expect((await client.post(`/api/v1/channels/${thirdId}/relationships`, { relatedChannelId: privateId, relationshipType: 'collaborative' })).status).toBe(409)
    // Another kind between the same pair is fine.
    expect((await client.post(`/api/v1/channels/${thirdId}/relationships`, { relatedChannelId: privateId, relationshipType: 'sequential' })).status).toBe(201)
  })

  it('parent_child stays a tree: no second parent, no cycles', async () => {
    const client = await as(manager)
    expect((await client.post(`/api/v1/channels/${privateId}/relationships`, { relatedChannelId: thirdId, relationshipType: 'parent_child' })).status).toBe(201)
    expect((await client.post(`/api/v1/channels/${thirdId}/relationships`, { relatedChannelId: privateId, relationshipType: 'parent_child' })).status).toBe(409)
    expect((await client.post(`/api/v1/channels/${publicId}/relationships`, { relatedChannelId: thirdId, relationshipType: 'parent_child' })).status).toBe(409)
  })

  it('needs to manage one of the two channels; bad input is 400', async () => {
    const stranger = await as(otherManager)
    const own = (await stranger.post('/api/v1/channels', { name: 'Stranger room' })).body.id
    expect((await (await as(staff)).post(`/api/v1/channels/${publicId}/relationships`, { relatedChannelId: own, relationshipType: 'competitive' })).status).toBe(403)
    expect((await stranger.post(`/api/v1/channels/${own}/relationships`, { relatedChannelId: publicId, relationshipType: 'competitive' })).status).toBe(201)
    expect((await stranger.post(`/api/v1/channels/${own}/relationships`, { relatedChannelId: publicId, relationshipType: 'rivals' })).status).toBe(400)
    expect((await stranger.post(`/api/v1/channels/${own}/relationships`, { relatedChannelId: 'x', relationshipType: 'competitive' })).status).toBe(400)
    expect((await stranger.post(`/api/v1/channels/${own}/relationships`, { relatedChannelId: NIL, relationshipType: 'competitive' })).status).toBe(404)
  })

  it('deletes a relationship with channel.relationship_deleted; unknown ones are 404', async () => {
    const client = await as(manager)
    expect((await (await as(staff)).delete(`/api/v1/channels/${privateId}/relationships/${rel}`)).status).toBe(404)
    const before = await lastEventId()
    expect((await client.delete(`/api/v1/channels/${thirdId}/relationships/${rel}`)).status).toBe(204)
    expect(brief(await eventsSince(before))).toEqual([{ type: 'channel.relationship_deleted', scope: { kind: 'channel', channelId: privateId }, id: rel }])
    expect((await client.delete(`/api/v1/channels/${privateId}/relationships/${rel}`)).status).toBe(404)
    expect((await client.delete(`/api/v1/channels/${publicId}/relationships/${NIL}`)).status).toBe(404)
  })
})
