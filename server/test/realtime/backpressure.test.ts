import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inTransaction } from '../../src/actions/transaction'
import { emit } from '../../src/events/outbox'
import { createRealtimeContext, sleep, type RealtimeContext } from './fixtures'
import { WsClient } from './wsClient'

let t: RealtimeContext
beforeAll(async () => { t = await createRealtimeContext() })
afterAll(async () => { await t?.close() })

describe('back-pressure', () => {
  it('closes a stalled client with SLOW_CONSUMER (4008); it resumes from its last id and misses nothing', async () => {
    t.services.hub.options.maxBufferedBytes = 256 * 1024
    const { accessToken } = await t.login(t.ceo)
    const fast = await WsClient.connect(t.url, { token: accessToken })
    const slow = await WsClient.connect(t.url, { token: accessToken })
    const from = slow.lastEventId
    slow.ws.pause() // stop reading: the kernel buffers fill, then the server's
    const big = 'x'.repeat(64 * 1024)
    const committed: number[] = []
    const count = () => t.services.hub.connectionCount
    for (let round = 0; round < 200 && count() === 2; round++) {
      await inTransaction(t.services.database.db, { actor: t.ceo, onCommit: () => void t.services.relay.kick() }, async (ctx) => {
        for (let i = 0; i < 10; i++) committed.push(await emit(ctx, 'resource.updated', { kind: 'org' }, { big, round, i }))
      })
      await sleep(5)
    }
    expect(count()).toBe(1) // the slow one was dropped; its buffers with it
    slow.ws.resume()
    const closed = await slow.waitForClose()
    expect(closed.code).toBe(4008)
    expect(slow.frames.find((f) => f.type === 'error')?.code).toBe('SLOW_CONSUMER')

    const last = committed[committed.length - 1]!
    await fast.waitAny((f) => f.id === last, 15_000)
    expect(fast.events().map((f) => f.id)).toEqual(committed)

    const again = await WsClient.connect(t.url, { token: accessToken, lastEventId: slow.lastEventId })
    await again.waitAny((f) => f.id === last, 15_000)
    const ids = [...slow.events(), ...again.events()].map((f) => f.id)
    expect(ids).toEqual(committed.filter((id) => id > from))
    await Promise.all([fast.close(), again.close()])
  })
})
