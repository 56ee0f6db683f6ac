import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChannel, createRealtimeContext, type RealtimeContext } from './fixtures'

let t: RealtimeContext
beforeAll(async () => { t = await createRealtimeContext() })
afterAll(async () => { await t?.close() })

describe('presence', () => {
  it('online, away, viewing and offline: as presence.changed events and as a snapshot', async () => {
    const watcher = await t.connect(t.ceo)
    const staff = await t.createUser('staff')
    const outsider = await t.createUser('staff')
    const outsiderSocket = await t.connect(outsider)
    const privateChannel = await createChannel(t, 'private', [staff.id])

    const socket = await t.connect(staff)
    await watcher.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'online')

    socket.send({ type: 'subscribe', channelId: privateChannel })
    await socket.waitFor('subscribed')
    const viewing = await watcher.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.viewingChannelId === privateChannel)
    expect(viewing.id).toBeUndefined() // ephemeral: not stored, not resumable
    // Someone who cannot see the channel learns the user is online, not where.
    const hidden = await outsiderSocket.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.at === viewing.at)
    expect(hidden.data).toEqual({ userId: staff.id, status: 'online', viewingChannelId: null })

    const asCeo = await t.as(t.ceo)
    const asOutsider = await t.as(outsider)
    expect((await asCeo.get('/api/v1/presence')).body.presence).toContainEqual({ userId: staff.id, status: 'online', viewingChannelId: privateChannel })
    expect((await asOutsider.get('/api/v1/presence')).body.presence).toContainEqual({ userId: staff.id, status: 'online', viewingChannelId: null })

    socket.send({ type: 'presence', status: 'away' })
    await watcher.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'away')

    await socket.close()
    await watcher.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'offline')
    expect((await asCeo.get('/api/v1/presence')).body.presence.map((p: { userId: string }) => p.userId)).not.toContain(staff.id)
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/presence' })).statusCode).toBe(401)
  })
})
