import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { createChannel as createChannelAction } from '../../src/actions/channels/createChannel'
import { removeChannelMembers } from '../../src/actions/channels/removeChannelMembers'
import { inTransaction } from '../../src/actions/transaction'
import { createChannel, createRealtimeContext, emitEvent, removeMember, sleep, type RealtimeContext } from './fixtures'
import type { WsClient } from './wsClient'

let t: RealtimeContext
let member: Actor & { password: string }
let outsider: Actor & { password: string }
let manager: Actor & { password: string }
let sockets: Record<'ceo' | 'member' | 'outsider' | 'manager', WsClient>

beforeAll(async () => {
  t = await createRealtimeContext()
  member = await t.createUser('staff')
  outsider = await t.createUser('staff')
  manager = await t.createUser('manager')
  sockets = {
    ceo: await t.connect(t.ceo), member: await t.connect(member), outsider: await t.connect(outsider), manager: await t.connect(manager),
  }
})
afterAll(async () => { await t?.close() })

/** Emits a marker everyone may see after `id`, so "got nothing" is checked after delivery, not by a timeout. */
async function barrier() {
  const id = await emitEvent(t, t.ceo, 'category.updated', { kind: 'org' }, { marker: true })
  await Promise.all(Object.values(sockets).map((s) => s.waitAny((f) => f.id === id)))
}

const got = (s: WsClient, id: number) => s.events().some((f) => f.id === id)

describe('fan-out filtered by what each user may see now', () => {
  it('private channel: members and the CEO get it; a staff or manager outside it gets nothing', async () => {
    const channelId = await createChannel(t, 'private', [member.id])
    const id = await emitEvent(t, t.ceo, 'task.created', { kind: 'channel', channelId }, { channelId })
    await barrier()
    expect(got(sockets.member, id)).toBe(true)
    expect(got(sockets.ceo, id)).toBe(true)
    expect(got(sockets.outsider, id)).toBe(false)
    expect(got(sockets.manager, id)).toBe(false)
  })

  it('public channel and org events reach everyone; users scope only those users', async () => {
    const channelId = await createChannel(t, 'public', [])
    const pub = await emitEvent(t, t.ceo, 'message.created', { kind: 'channel', channelId }, {})
    const mine = await emitEvent(t, t.ceo, 'notification.created', { kind: 'users', userIds: [outsider.id] }, {})
    await barrier()
    for (const s of Object.values(sockets)) expect(got(s, pub)).toBe(true)
    expect(got(sockets.outsider, mine)).toBe(true)
    expect(got(sockets.ceo, mine) || got(sockets.member, mine) || got(sockets.manager, mine)).toBe(false)
  })

  it('restricted channels are members-only too', async () => {
    const channelId = await createChannel(t, 'restricted', [manager.id])
    const id = await emitEvent(t, t.ceo, 'task.updated', { kind: 'channel', channelId }, {})
    await barrier()
    expect([got(sockets.manager, id), got(sockets.ceo, id), got(sockets.member, id), got(sockets.outsider, id)]).toEqual([true, true, false, false])
  })

  it('a member removed from a private channel stops receiving its events at once', async () => {
    const channelId = await createChannel(t, 'private', [member.id, outsider.id])
    const before = await emitEvent(t, t.ceo, 'task.created', { kind: 'channel', channelId }, {})
    await sockets.outsider.waitAny((f) => f.id === before)
    await removeMember(t, channelId, outsider.id)
    const after = await emitEvent(t, t.ceo, 'task.updated', { kind: 'channel', channelId }, {})
    await barrier()
    expect(got(sockets.member, after)).toBe(true)
    expect(got(sockets.outsider, after)).toBe(false)
  })

  it('through the channel actions: created private, member removed, then nothing more for them', async () => {
    const act = <T>(fn: Parameters<typeof inTransaction<T>>[2]) =>
      inTransaction(t.services.database.db, { actor: t.ceo, onCommit: () => void t.services.relay.kick() }, fn)
    const { channel } = await act((c) => createChannelAction(c, { name: `ops-${Date.now()}`, privacy: 'private', memberIds: [member.id, outsider.id] }))
    const created = await sockets.outsider.waitFor('channel.created', (f) => f.data.id === channel.id || f.data.channel?.id === channel.id)
    expect(got(sockets.manager, created.id!)).toBe(false)
    await act((c) => removeChannelMembers(c, channel.id, { userIds: [outsider.id] }))
    await sockets.outsider.waitFor('channel.member_removed', (f) => f.data.channelId === channel.id) // told, through its users scope
    const after = await emitEvent(t, t.ceo, 'task.created', { kind: 'channel', channelId: channel.id }, {})
    await barrier()
    expect(got(sockets.member, after)).toBe(true)
    expect(got(sockets.outsider, after)).toBe(false)
    expect(got(sockets.manager, after)).toBe(false)
  })

  it('typing goes only to others who can see the channel; subscribing to an unseen channel is NOT_FOUND', async () => {
    const channelId = await createChannel(t, 'private', [member.id, manager.id])
    sockets.member.send({ type: 'typing', channelId })
    await sockets.manager.waitFor('typing.started', (f) => f.data.channelId === channelId)
    await sockets.ceo.waitFor('typing.started', (f) => f.data.channelId === channelId)
    const typing = await sockets.manager.waitFor('typing.started', (f) => f.data.channelId === channelId)
    expect(typing).toMatchObject({ actor: member.id, data: { channelId, userId: member.id } })
    expect(typing.id).toBeUndefined()
    await sleep(100)
    expect(sockets.outsider.frames.some((f) => f.type === 'typing.started' && f.data.channelId === channelId)).toBe(false)
    expect(sockets.member.frames.some((f) => f.type === 'typing.started' && f.data.channelId === channelId)).toBe(false)

    sockets.outsider.send({ type: 'subscribe', channelId })
    expect((await sockets.outsider.waitFor('error', (f) => f.code === 'NOT_FOUND')).message).toContain(channelId)
    sockets.outsider.send({ type: 'typing', channelId })
    await sleep(100)
    expect(sockets.manager.frames.filter((f) => f.type === 'typing.started' && f.actor === outsider.id)).toHaveLength(0)
  })
})
