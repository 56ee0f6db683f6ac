import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRealtimeContext, emitEvent, sleep, type RealtimeContext } from './fixtures'
import { WsClient } from './wsClient'

let t: RealtimeContext
beforeAll(async () => { t = await createRealtimeContext() })
afterAll(async () => { await t?.close() })

describe('gateway', () => {
  it('delivers a committed event live, in the documented shape', async () => {
    const staff = await t.createUser('staff')
    const client = await t.connect(staff)
    const ready = await client.waitFor('ready')
    expect(ready.data).toMatchObject({ userId: staff.id, replayed: 0 })
    const started = Date.now()
    const id = await emitEvent(t, t.ceo, 'task.created', { kind: 'org' }, { title: 'Ship it' })
    const event = await client.waitFor('task.created')
    expect(Date.now() - started).toBeLessThan(1000) // kicked on commit, not left to the poll
    expect(event).toEqual({ id, type: 'task.created', at: expect.any(String), actor: t.ceo.id, data: { title: 'Ship it' } })
  })

  it('accepts the token in a first auth message', async () => {
    const { accessToken } = await t.login(t.ceo)
    const client = await WsClient.connect(t.url, { token: accessToken, authInMessage: true })
    expect((await client.waitFor('ready')).data.userId).toBe(t.ceo.id)
    await client.close()
  })

  it('refuses a forged token with UNAUTHENTICATED and closes', async () => {
    const client = await WsClient.connect(t.url, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged', waitReady: false })
    const error = await client.waitFor('error')
    expect(error.code).toBe('UNAUTHENTICATED')
    expect((await client.waitForClose()).code).toBe(4001)
  })

  it('tells an expired token so and closes', async () => {
    const token = await t.services.tokens.signAccess(t.ceo, -10)
    const client = await WsClient.connect(t.url, { token, waitReady: false })
    expect((await client.waitFor('error')).code).toBe('TOKEN_EXPIRED')
    expect((await client.waitForClose()).code).toBe(4001)
  })

  it('closes a socket whose token expires while open, with TOKEN_EXPIRED', async () => {
    const token = await t.services.tokens.signAccess(t.ceo, 1)
    const client = await WsClient.connect(t.url, { token })
    expect((await client.waitFor('error', () => true, 4_000)).code).toBe('TOKEN_EXPIRED')
    expect((await client.waitForClose()).code).toBe(4001)
  })

  it('re-authenticates on the open socket, which then outlives the first token', async () => {
    const short = await t.services.tokens.signAccess(t.ceo, 2)
    const client = await WsClient.connect(t.url, { token: short })
    const fresh = await t.services.tokens.signAccess(t.ceo, 60)
    client.send({ type: 'auth', token: fresh })
    await client.waitFor('authenticated')
    await sleep(2_500)
    expect(client.closed).toBeNull()
    const id = await emitEvent(t, t.ceo, 'task.updated', { kind: 'org' }, {})
    await client.waitAny((f) => f.id === id)
    await client.close()
  })

  it('refuses re-authentication as another user', async () => {
    const staff = await t.createUser('staff')
    const client = await t.connect(t.ceo)
    client.send({ type: 'auth', token: (await t.login(staff)).accessToken })
    expect((await client.waitFor('error')).code).toBe('FORBIDDEN')
    expect((await client.waitForClose()).code).toBe(4003)
  })

  it('requires auth before anything else, answers pings, and reports bad frames without closing', async () => {
    const anonymous = await WsClient.connect(t.url, { waitReady: false })
    anonymous.send({ type: 'ping' })
    expect((await anonymous.waitFor('error')).code).toBe('UNAUTHENTICATED')
    expect((await anonymous.waitForClose()).code).toBe(4001)

    const client = await t.connect(t.ceo)
    client.ws.send('not json')
    expect((await client.waitFor('error')).code).toBe('BAD_MESSAGE')
    client.send({ type: 'nope' })
    client.send({ type: 'ping', nonce: 7 })
    expect((await client.waitFor('pong')).data).toEqual({ nonce: 7 })
    expect(client.frames.filter((f) => f.type === 'error')).toHaveLength(2)
    expect(client.closed).toBeNull()
  })

  it('closes the sockets of a deactivated account', async () => {
    const staff = await t.createUser('staff')
    const client = await t.connect(staff)
    const ceo = await t.as(t.ceo)
    expect((await ceo.delete(`/api/v1/users/${staff.id}`)).status).toBeLessThan(300)
    expect((await client.waitForClose()).code).toBe(4001)
  })

  it('terminates a connection that stops answering heartbeats', async () => {
    const healthy = await t.connect(t.ceo)
    const client = await t.connect(t.ceo, { autoPong: false })
    const hub = t.services.hub
    const before = hub.connectionCount
    await hub.checkHeartbeats()
    await sleep(200) // the healthy socket answers; the other does not
    await hub.checkHeartbeats()
    await client.waitForClose()
    await sleep(50)
    expect(hub.connectionCount).toBe(before - 1)
    expect(healthy.closed).toBeNull()
  })
})
