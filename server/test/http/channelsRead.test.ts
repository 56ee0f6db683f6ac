/**
 * POST /api/v1/channels/{id}/read: the caller's read position (channel_members.last_read_at), the
 * unread counts computed from it, and channel.read reaching that user's sockets only.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { eventsOf, makeChannel } from '../factories'
import { createRealtimeContext, emitEvent, sleep, type RealtimeContext } from '../realtime/fixtures'
import type { WsClient } from '../realtime/wsClient'

type Person = Actor & { password: string }
let t: RealtimeContext
let manager: Person   // posts the messages
let reader: Person    // member who marks read
let other: Person     // member whose count must not move
let outsider: Person  // member of nothing

const NIL = '00000000-0000-4000-8000-000000000000'
const as = (p: Person | Actor) => t.as(p as Person)

beforeAll(async () => {
  t = await createRealtimeContext()
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  reader = await t.createUser('staff', { name: 'Rita Reader' })
  other = await t.createUser('staff', { name: 'Otto Other' })
  outsider = await t.createUser('staff', { name: 'Olga Outside' })
})
afterAll(async () => { await t?.close() })

/** A channel where the manager, the reader and the other member are members. */
const room = (privacy: 'public' | 'private' = 'public') =>
  makeChannel(t, { actor: manager, privacy, memberIds: [manager.id, reader.id, other.id] })

/** Posts messages as the manager, a few ms apart so their timestamps differ. */
async function post(channelId: string, n: number): Promise<Array<{ id: string; createdAt: string }>> {
  const out = []
  for (let i = 0; i < n; i++) {
    await sleep(3)
    const res = await (await as(manager)).post(`/api/v1/channels/${channelId}/messages`, { content: `message ${i + 1}` })
    expect(res.status).toBe(201)
    out.push(res.body)
  }
  return out
}
const unread = async (p: Person, channelId: string) => (await (await as(p)).get(`/api/v1/channels/${channelId}`)).body.unreadCount
const read = async (p: Person, channelId: string, body?: unknown) =>
  (await as(p)).request('POST', `/api/v1/channels/${channelId}/read`, body)

describe('marking a channel read', () => {
  it('unread goes to 0, channel.read goes to the reader only, and new messages count again; others are unaffected', async () => {
    const channel = await room()
    const messages = await post(channel.id, 3)
    expect([await unread(reader, channel.id), await unread(other, channel.id)]).toEqual([3, 3])

    const { result: res, events } = await eventsOf(t, () => read(reader, channel.id, {}))
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ channelId: channel.id, userId: reader.id, lastReadAt: messages[2]!.createdAt, unreadCount: 0 })
    expect(events).toEqual([{ type: 'channel.read', scope: { kind: 'users', userIds: [reader.id] }, payload: res.body }])
    const audit = await t.services.database.db.selectFrom('auditLog').selectAll()
      .where('action', '=', 'channel.read').where('entityId', '=', channel.id).execute()
    expect(audit.map((a) => a.actorId)).toEqual([reader.id])

    expect(await unread(reader, channel.id)).toBe(0)
    expect(await unread(other, channel.id)).toBe(3)
    const listed = (await (await as(reader)).get('/api/v1/channels?member=me&limit=100')).body.items.find((c: { id: string }) => c.id === channel.id)
    expect(listed.unreadCount).toBe(0)

    await post(channel.id, 2)
    expect(await unread(reader, channel.id)).toBe(2)
    expect((await read(reader, channel.id)).body.unreadCount).toBe(0) // no body at all is fine too
    expect(await unread(other, channel.id)).toBe(5)
  })

  it('reading again with nothing new changes nothing and emits nothing', async () => {
    const channel = await room()
    await post(channel.id, 1)
    const first = (await read(reader, channel.id, {})).body
    const { result: again, events } = await eventsOf(t, () => read(reader, channel.id, {}))
    expect(again.body).toEqual(first)
    expect(events).toEqual([])
  })

  it('upTo marks up to that message; an older position never moves it back', async () => {
    const channel = await room()
    const [m1, m2, m3] = await post(channel.id, 3)
    const partial = await read(reader, channel.id, { upTo: m2!.id })
    expect(partial.body).toMatchObject({ lastReadAt: m2!.createdAt, unreadCount: 1 })
    expect(await unread(reader, channel.id)).toBe(1)

    for (const upTo of [m1!.id, m2!.id]) {
      const { result: back, events } = await eventsOf(t, () => read(reader, channel.id, { upTo }))
      expect(back.status).toBe(200)
      expect(back.body).toMatchObject({ lastReadAt: m2!.createdAt, unreadCount: 1 })
      expect(events).toEqual([])
    }
    expect((await read(reader, channel.id, { upTo: m3!.id })).body).toMatchObject({ lastReadAt: m3!.createdAt, unreadCount: 0 })
    expect((await read(reader, channel.id, { upTo: m1!.id })).body).toMatchObject({ lastReadAt: m3!.createdAt, unreadCount: 0 })
    expect(await unread(other, channel.id)).toBe(3)
  })

  it('a message of another channel, an unknown one, or bad input is 400 VALIDATION_FAILED, with nothing written', async () => {
    const channel = await room()
    const elsewhere = await room()
    const [foreign] = await post(elsewhere.id, 1)
    await post(channel.id, 1)
    const { result: results, events } = await eventsOf(t, () => Promise.all([
      read(reader, channel.id, { upTo: foreign!.id }),
      read(reader, channel.id, { upTo: NIL }),
      read(reader, channel.id, { upTo: 'nope' }),
      read(reader, channel.id, { upTo: foreign!.id, extra: true }),
    ]))
    for (const res of results) {
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect(results[0]!.body.error.details).toEqual([{ field: 'upTo', message: expect.stringContaining('not a message of channel') }])
    expect(events).toEqual([])
    expect(await unread(reader, channel.id)).toBe(1)
  })

  it('a channel the caller cannot see (or that does not exist) is 404, before looking at upTo', async () => {
    const secret = await room('private')
    const [m] = await post(secret.id, 1)
    for (const res of [await read(outsider, secret.id, {}), await read(outsider, secret.id, { upTo: m!.id }), await read(reader, NIL, {})]) {
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('NOT_FOUND')
    }
    expect((await read(reader, 'nope', {})).status).toBe(400)
  })

  it('someone who sees the channel but is not a member has no read position: 200 with nulls, nothing written', async () => {
    const open = await room()
    const secret = await room('private')
    await post(open.id, 1)
    await post(secret.id, 1)
    const { result, events } = await eventsOf(t, async () => [await read(outsider, open.id, {}), await read(t.ceo, secret.id, {})])
    expect(result.map((r) => r.status)).toEqual([200, 200])
    expect(result[0]!.body).toEqual({ channelId: open.id, userId: outsider.id, lastReadAt: null, unreadCount: null })
    expect(result[1]!.body).toEqual({ channelId: secret.id, userId: t.ceo.id, lastReadAt: null, unreadCount: null })
    expect(events).toEqual([])
  })

  it('a message stamped with microseconds (written by SQL, not by the app) is read too, not rounded below', async () => {
    const channel = await room()
    const row = await t.services.database.db.insertInto('messages')
      .values({ channelId: channel.id, taskId: null, userId: manager.id, content: 'from a script', replyTo: null, editedAt: null, deletedAt: null,
        createdAt: sql<Date>`clock_timestamp() + interval '1 second' + interval '123 microseconds'` })
      .returning('id').executeTakeFirstOrThrow()
    expect(await unread(reader, channel.id)).toBe(1)
    expect((await read(reader, channel.id, { upTo: row.id })).body.unreadCount).toBe(0)
    expect(await unread(reader, channel.id)).toBe(0)
  })

  it('is in the OpenAPI document, tagged channels', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json()
    expect(doc.paths['/api/v1/channels/{id}/read'].post.tags).toEqual(['channels'])
  })

  it('an archived channel can still be marked read by its members', async () => {
    const channel = await room()
    await post(channel.id, 2)
    expect((await (await as(manager)).delete(`/api/v1/channels/${channel.id}`)).status).toBe(200)
    expect((await read(reader, channel.id, {})).body).toMatchObject({ unreadCount: 0 })
  })
})

describe('channel.read over WebSocket', () => {
  it('reaches every socket of the reader (their other tabs) and no one else', async () => {
    const channel = await room('public')
    await post(channel.id, 1)
    const sockets: Record<string, WsClient> = {
      readerTab1: await t.connect(reader), readerTab2: await t.connect(reader),
      other: await t.connect(other), manager: await t.connect(manager), outsider: await t.connect(outsider), ceo: await t.connect(t.ceo),
    }
    const res = await read(reader, channel.id, {})
    const [one, two] = await Promise.all([sockets.readerTab1!.waitFor('channel.read'), sockets.readerTab2!.waitFor('channel.read')])
    expect(one.data).toEqual(res.body)
    expect(two.id).toBe(one.id)
    expect(one.actor).toBe(reader.id)

    // a marker everyone may see, after the read: once it arrives, channel.read would have too
    const marker = await emitEvent(t, t.ceo, 'category.updated', { kind: 'org' }, { marker: true })
    await Promise.all(Object.values(sockets).map((s) => s.waitAny((f) => f.id === marker)))
    for (const who of ['other', 'manager', 'outsider', 'ceo']) expect(sockets[who]!.events('channel.read')).toEqual([])
  })
})
