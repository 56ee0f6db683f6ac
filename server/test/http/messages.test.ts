import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { postMessage } from '../../src/actions/messages/postMessage'
import { inTransaction } from '../../src/actions/transaction'
import { allPages, eventsOf, makeChannel, makeTask } from '../factories'
import { createTestContext, type Client, type TestContext } from '../harness'

type User = Actor & { password: string }
let t: TestContext
let ceo: Client
let manager: User
let sarah: User
let sarahLopez: User
let outsider: User
let quiet: User
let publicChannel: string
let privateChannel: string
const UNKNOWN = '7d7e7a10-0000-4000-8000-000000000000'

beforeAll(async () => {
  t = await createTestContext()
  ceo = await t.as(t.ceo)
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  sarah = await t.createUser('staff', { name: 'Sarah Chen', email: `sarah.${Date.now()}@baton.demo` })
  sarahLopez = await t.createUser('staff', { name: 'Sarah Lopez' })
  outsider = await t.createUser('staff', { name: 'Olga Outside' })
  quiet = await t.createUser('staff', { name: 'Quinn Quiet' })
  expect((await (await t.as(quiet)).patch('/api/v1/users/me', { notificationSettings: { types: { mention: false } } })).status).toBe(200)
  publicChannel = (await makeChannel(t, { name: 'General', privacy: 'public', memberIds: [manager.id] })).id
  privateChannel = (await makeChannel(t, { name: 'Secret Launch', privacy: 'private', memberIds: [manager.id, sarah.id, quiet.id] })).id
})
afterAll(async () => { await t.close() })

const notificationsOf = (userId: string) => t.services.database.db.selectFrom('notifications').selectAll().where('userId', '=', userId).execute()

describe('posting and reading channel messages', () => {
  it('posts a message (201), records message.created in the channel scope and an audit row', async () => {
    const client = await t.as(sarah)
    const { result: res, events } = await eventsOf(t, () => client.post(`/api/v1/channels/${privateChannel}/messages`, { content: 'Hello team' }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ channelId: privateChannel, taskId: null, userId: sarah.id, content: 'Hello team', messageType: 'text',
      replyTo: null, edited: false, version: 1, mentions: [] })
    expect(events).toEqual([{ type: 'message.created', scope: { kind: 'channel', channelId: privateChannel }, payload: res.body }])
    const auditRow = await t.services.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'message.create').where('entityId', '=', res.body.id).executeTakeFirst()
    expect(auditRow?.actorId).toBe(sarah.id)
  })

  it('refuses bad input: empty content, unknown fields, server-only types, non-UUID ids, unknown channels', async () => {
    const client = await t.as(sarah)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: '   ' })).status).toBe(400)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', sneaky: 1 })).status).toBe(400)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', messageType: 'system' })).status).toBe(400)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', messageType: 'command_result' })).status).toBe(400)
    expect((await client.post('/api/v1/channels/not-a-uuid/messages', { content: 'x' })).status).toBe(400)
    expect((await client.get('/api/v1/messages/123')).status).toBe(400)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', replyTo: 'nope' })).status).toBe(400)
    const missing = await client.post(`/api/v1/channels/${UNKNOWN}/messages`, { content: 'x' })
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('NOT_FOUND')
    expect((await client.get(`/api/v1/messages/${UNKNOWN}`)).status).toBe(404)
    expect((await client.get('/api/v1/channels/' + publicChannel + '/messages?limit=101')).status).toBe(400)
    expect((await client.get('/api/v1/channels/' + publicChannel + '/messages?cursor=garbage')).status).toBe(400)
    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-a-uuid'])).toString('base64url')
    expect((await client.get(`/api/v1/channels/${publicChannel}/messages?cursor=${forged}`)).status).toBe(400)
    expect((await client.get(`/api/v1/notifications?cursor=${forged}`)).status).toBe(400)
    expect((await client.get(`/api/v1/resources?cursor=${forged}`)).status).toBe(400)
  })

  it('accepts voice and file messages from clients; the server posts system messages through the action', async () => {
    const client = await t.as(sarah)
    const voice = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'voice note', messageType: 'voice', metadata: { durationMs: 1200 } })
    expect(voice.status).toBe(201)
    expect(voice.body).toMatchObject({ messageType: 'voice', metadata: { durationMs: 1200 } })
    const system = await inTransaction(t.services.database.db, { actor: t.ceo }, (ctx) =>
      postMessage(ctx, { channelId: publicChannel, content: 'Channel created', messageType: 'system' }))
    expect(system.messageType).toBe('system')

    // A file message names a file its poster can see.
    const file = (await client.post('/api/v1/resources', { name: 'Seating plan', resourceType: 'document' })).body
    const posted = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: '📎 Seating plan', messageType: 'file', metadata: { resourceId: file.id } })
    expect(posted.status).toBe(201)
    expect(posted.body).toMatchObject({ messageType: 'file', metadata: { resourceId: file.id } })
    const missing = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'file?', messageType: 'file' })
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toBe('A file message needs metadata.resourceId, the id of the file.')
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', messageType: 'file', metadata: { resourceId: UNKNOWN } })).status).toBe(404)
    const hidden = (await ceo.post(`/api/v1/resources`, { name: 'Board only', resourceType: 'document' })).body
    expect((await ceo.post(`/api/v1/resources/${hidden.id}/links`, { entityType: 'channel', entityId: privateChannel })).status).toBe(201)
    const unseen = await (await t.as(outsider)).post(`/api/v1/channels/${publicChannel}/messages`, { content: 'x', messageType: 'file', metadata: { resourceId: hidden.id } })
    expect(unseen.status).toBe(404)
    expect(unseen.body.error.message).toBe(`No resource with id ${hidden.id}.`)
    expect((await (await t.as(outsider)).post(`/api/v1/channels/${publicChannel}/messages`, { content: 'plain text is fine' })).status).toBe(201)
  })

  it('hides a private channel’s messages from non-member staff (404 everywhere), shows them to members and the CEO', async () => {
    const posted = (await (await t.as(sarah)).post(`/api/v1/channels/${privateChannel}/messages`, { content: 'secret plan' })).body
    const out = await t.as(outsider)
    expect((await out.get(`/api/v1/channels/${privateChannel}/messages`)).status).toBe(404)
    expect((await out.post(`/api/v1/channels/${privateChannel}/messages`, { content: 'let me in' })).status).toBe(404)
    expect((await out.get(`/api/v1/messages/${posted.id}`)).status).toBe(404)
    expect((await out.get(`/api/v1/messages/${posted.id}/replies`)).status).toBe(404)
    expect((await out.patch(`/api/v1/messages/${posted.id}`, { content: 'x' })).status).toBe(404)
    expect((await out.delete(`/api/v1/messages/${posted.id}`)).status).toBe(404)
    for (const who of [ceo, await t.as(manager)]) {
      const list = await who.get(`/api/v1/channels/${privateChannel}/messages`)
      expect(list.status).toBe(200)
      expect(list.body.items.map((m: { id: string }) => m.id)).toContain(posted.id)
    }
    // Staff outside a public channel read and post there.
    expect((await out.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'hi all' })).status).toBe(201)
  })
})

describe('task messages', () => {
  it('posts on a task with no channel (organization scope) and on a task in a private channel (channel scope, members only)', async () => {
    const orgTask = await makeTask(t, { title: 'Org-wide task' })
    const secretTask = await makeTask(t, { title: 'Secret task', channelId: privateChannel })
    const out = await t.as(outsider)
    const { result: posted, events } = await eventsOf(t, () => out.post(`/api/v1/tasks/${orgTask.id}/messages`, { content: 'On it' }))
    expect(posted.status).toBe(201)
    expect(posted.body).toMatchObject({ taskId: orgTask.id, channelId: null })
    expect(events.map((e) => [e.type, e.scope])).toEqual([['message.created', { kind: 'org' }]])

    const inChannel = await eventsOf(t, () => out.post(`/api/v1/tasks/${secretTask.id}/messages`, { content: 'sneak' }))
    expect(inChannel.result.status).toBe(404)
    expect(inChannel.events).toEqual([])
    const member = await eventsOf(t, async () => (await t.as(sarah)).post(`/api/v1/tasks/${secretTask.id}/messages`, { content: 'Progress update' }))
    expect(member.result.status).toBe(201)
    expect(member.events.map((e) => [e.type, e.scope])).toEqual([['message.created', { kind: 'channel', channelId: privateChannel }]])
    expect((await out.get(`/api/v1/tasks/${secretTask.id}/messages`)).status).toBe(404)
    const list = await (await t.as(sarah)).get(`/api/v1/tasks/${secretTask.id}/messages`)
    expect(list.body.items.map((m: { content: string }) => m.content)).toEqual(['Progress update'])
    // Task messages stay out of the channel's own list.
    const channelList = await ceo.get(`/api/v1/channels/${privateChannel}/messages?limit=100`)
    expect(channelList.body.items.map((m: { id: string }) => m.id)).not.toContain(member.result.body.id)
    expect((await out.post(`/api/v1/tasks/${UNKNOWN}/messages`, { content: 'x' })).status).toBe(404)
  })
})

describe('replies', () => {
  it('threads replies under a message, oldest first, and refuses a reply to another conversation', async () => {
    const client = await t.as(sarah)
    const root = (await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'Thread root' })).body
    const r1 = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'first reply', replyTo: root.id })
    const r2 = await (await t.as(manager)).post(`/api/v1/channels/${publicChannel}/messages`, { content: 'second reply', replyTo: root.id })
    expect(r1.status).toBe(201)
    expect(r1.body.replyTo).toBe(root.id)
    const thread = await client.get(`/api/v1/messages/${root.id}/replies`)
    expect(thread.status).toBe(200)
    expect(thread.body.items.map((m: { id: string }) => m.id)).toEqual([r1.body.id, r2.body.id])
    expect((await client.post(`/api/v1/channels/${privateChannel}/messages`, { content: 'cross', replyTo: root.id })).status).toBe(404)
    expect((await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'ghost', replyTo: UNKNOWN })).status).toBe(404)
  })
})

describe('editing and deleting', () => {
  it('lets only the author edit (not even the CEO), sets edited_at and the version, refuses stale versions', async () => {
    const author = await t.as(sarah)
    const msg = (await author.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'Draft' })).body
    expect((await (await t.as(manager)).patch(`/api/v1/messages/${msg.id}`, { content: 'hijack' })).status).toBe(403)
    expect((await ceo.patch(`/api/v1/messages/${msg.id}`, { content: 'hijack' })).status).toBe(403)
    expect((await author.patch(`/api/v1/messages/${msg.id}`, { content: 'x', extra: true })).status).toBe(400)
    const { result: edited, events } = await eventsOf(t, () => author.patch(`/api/v1/messages/${msg.id}`, { content: 'Final', version: 1 }))
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ content: 'Final', edited: true, version: 2 })
    expect(edited.body.editedAt).not.toBeNull()
    expect(events).toEqual([{ type: 'message.updated', scope: { kind: 'channel', channelId: publicChannel }, payload: edited.body }])
    const stale = await author.patch(`/api/v1/messages/${msg.id}`, { content: 'Again' }, { 'if-match': '1' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.details.current.content).toBe('Final')
  })

  it('soft-deletes: the author or a manager/CEO who can see it; other staff get 403', async () => {
    const author = await t.as(sarah)
    const mine = (await author.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'delete me' })).body
    const other = (await author.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'moderate me' })).body
    expect((await (await t.as(outsider)).delete(`/api/v1/messages/${mine.id}`)).status).toBe(403)
    const { result: res, events } = await eventsOf(t, () => author.delete(`/api/v1/messages/${mine.id}`))
    expect(res.status).toBe(204)
    expect(events).toEqual([{ type: 'message.deleted', scope: { kind: 'channel', channelId: publicChannel },
      payload: { id: mine.id, channelId: publicChannel, taskId: null, replyTo: null } }])
    expect((await (await t.as(manager)).delete(`/api/v1/messages/${other.id}`)).status).toBe(204)
    expect((await author.get(`/api/v1/messages/${mine.id}`)).status).toBe(404)
    expect((await author.delete(`/api/v1/messages/${mine.id}`)).status).toBe(404)
    const ids = await allPages(author.get, `/api/v1/channels/${publicChannel}/messages`, 100)
    expect(ids).not.toContain(mine.id)
    expect(ids).not.toContain(other.id)
    const row = await t.services.database.db.selectFrom('messages').selectAll().where('id', '=', mine.id).executeTakeFirstOrThrow()
    expect(row.deletedAt).not.toBeNull()
    expect(row.content).toBe('delete me')
  })
})

describe('pagination and search', () => {
  it('pages newest first without gaps or repeats, also across messages sharing a timestamp', async () => {
    const channel = (await makeChannel(t, { name: 'Busy' })).id
    const client = await t.as(sarah)
    for (let i = 0; i < 12; i++) expect((await client.post(`/api/v1/channels/${channel}/messages`, { content: `message ${i}` })).status).toBe(201)
    // Five messages in one transaction share created_at: the id breaks the tie.
    await inTransaction(t.services.database.db, { actor: sarah }, async (ctx) => {
      for (let i = 0; i < 5; i++) await postMessage(ctx, { channelId: channel, content: `batch ${i}` })
    })
    const rows = await t.services.database.db.selectFrom('messages').select('id').where('channelId', '=', channel)
      .orderBy('createdAt', 'desc').orderBy('id', 'desc').execute()
    for (const limit of [1, 4, 5, 100]) {
      const ids = await allPages(client.get, `/api/v1/channels/${channel}/messages`, limit)
      expect(ids).toEqual(rows.map((r) => r.id))
    }
    const first = await client.get(`/api/v1/channels/${channel}/messages?limit=3`)
    expect(first.body.items.map((m: { content: string }) => m.content).slice(0, 1)[0]).toMatch(/^batch/)
  })

  it('ranks full-text matches by ts_rank: more occurrences first; pages in rank order', async () => {
    const channel = (await makeChannel(t, { name: 'Finance' })).id
    const client = await t.as(sarah)
    const post = async (content: string) => (await client.post(`/api/v1/channels/${channel}/messages`, { content })).body.id as string
    const many = await post('Budget budget budget: the budget review needs the budgets')
    const once = await post('We should talk about the budget at some point')
    await post('Nothing to see here')
    const res = await client.get(`/api/v1/channels/${channel}/messages?q=budget`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([many, once])
    expect(await allPages(client.get, `/api/v1/channels/${channel}/messages?q=budget`, 1)).toEqual([many, once])
    expect((await client.get(`/api/v1/channels/${channel}/messages?q=${encodeURIComponent('"review needs"')}`)).body.items.map((m: { id: string }) => m.id)).toEqual([many])
  })
})

describe('mentions', () => {
  it('notifies @First Last, @email and a unique @First; skips ambiguous first names, the author and people who cannot see it', async () => {
    const client = await t.as(manager)
    const { result: res, events } = await eventsOf(t, () => client.post(`/api/v1/channels/${privateChannel}/messages`,
      { content: `@Sarah Chen and @${sarah.email}, also @sarah, @Mike Ross, @Olga and @Carla please look` }))
    expect(res.status).toBe(201)
    // Sarah Chen (full name and email, once), the CEO Carla (unique first name); not Mike (the author), not Olga (cannot see the channel).
    expect(new Set(res.body.mentions)).toEqual(new Set([sarah.id, t.ceo.id]))
    expect(events.map((e) => e.type)).toEqual(['message.created', 'notification.created', 'notification.created'])
    expect(events.slice(1).map((e) => e.scope.userIds[0]).sort()).toEqual([sarah.id, t.ceo.id].sort())
    const mine = (await notificationsOf(sarah.id)).filter((n) => n.type === 'mention')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ entityType: 'message', entityId: res.body.id, title: 'Mike Ross mentioned you in Secret Launch' })
    expect((await notificationsOf(outsider.id)).filter((n) => n.type === 'mention')).toHaveLength(0)

    // In the public channel "@Sarah" is ambiguous (Sarah Chen and Sarah Lopez): nobody is guessed at.
    const ambiguous = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'hey @Sarah' })
    expect(ambiguous.body.mentions).toEqual([])
    const lopez = await client.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'hey @sarah lopez!' })
    expect(lopez.body.mentions).toEqual([sarahLopez.id])
  })

  it('respects a user who switched mention notifications off', async () => {
    const { result: res, events } = await eventsOf(t, async () => (await t.as(manager)).post(`/api/v1/channels/${privateChannel}/messages`, { content: 'ping @Quinn Quiet' }))
    expect(res.body.mentions).toEqual([quiet.id])
    expect(events.map((e) => e.type)).toEqual(['message.created'])
    expect((await notificationsOf(quiet.id)).filter((n) => n.type === 'mention')).toHaveLength(0)
  })

  it('notifies people newly mentioned by an edit, once', async () => {
    const author = await t.as(manager)
    const msg = (await author.post(`/api/v1/channels/${publicChannel}/messages`, { content: 'draft for @Sarah Lopez' })).body
    const before = (await notificationsOf(sarahLopez.id)).length
    const { events } = await eventsOf(t, () => author.patch(`/api/v1/messages/${msg.id}`, { content: 'draft for @Sarah Lopez and @Olga Outside' }))
    expect(events.map((e) => e.type)).toEqual(['message.updated', 'notification.created'])
    expect(events[1]!.scope).toEqual({ kind: 'users', userIds: [outsider.id] })
    expect((await notificationsOf(sarahLopez.id)).length).toBe(before)
  })
})
