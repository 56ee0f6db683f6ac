import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { sql } from 'kysely'
import { pruneEvents } from '../../src/realtime/retention'
import { createChannel, createRealtimeContext, emitEvent, sleep, type RealtimeContext } from './fixtures'
import { WsClient } from './wsClient'

let t: RealtimeContext
let staff: Actor & { password: string }
beforeAll(async () => { t = await createRealtimeContext(); staff = await t.createUser('staff') })
afterAll(async () => { await t?.close() })

const ids = (c: WsClient) => c.events().map((f) => f.id!)

describe('lossless resume with lastEventId', () => {
  it('replays every missed visible event in order, then goes live, none lost or doubled', async () => {
    const hidden = await createChannel(t, 'private', [])
    const first = await t.connect(staff)
    const start = first.lastEventId
    await first.close()
    const visible: number[] = []
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 0) await emitEvent(t, t.ceo, 'task.created', { kind: 'channel', channelId: hidden }, { i })
      else visible.push(await emitEvent(t, t.ceo, 'task.created', { kind: 'org' }, { i }))
    }
    const { accessToken } = await t.login(staff)
    const again = await WsClient.connect(t.url, { token: accessToken, lastEventId: start })
    const ready = await again.waitFor('ready')
    expect(ready.data.replayed).toBe(visible.length)
    const live = await emitEvent(t, t.ceo, 'task.updated', { kind: 'org' }, {})
    await again.waitAny((f) => f.id === live)
    expect(ids(again)).toEqual([...visible, live])
    await again.close()
  })

  it('loses and doubles nothing when events commit while the client reconnects', async () => {
    const { accessToken } = await t.login(staff)
    let client = await WsClient.connect(t.url, { token: accessToken })
    const from = client.lastEventId
    const received: number[] = []
    let writing = true
    const committed: number[] = []
    const writer = (async () => {
      while (writing) {
        committed.push(await emitEvent(t, t.ceo, 'message.created', { kind: 'org' }, { n: committed.length }))
        await new Promise((r) => setImmediate(r)) // PGlite resolves in microtasks: let timers and sockets run
      }
    })()
    for (let round = 0; round < 6; round++) {
      await sleep(40 + round * 15)
      received.push(...ids(client))
      const last = client.lastEventId
      client.ws.terminate() // a laptop lid closing: no goodbye
      await sleep(20)
      client = await WsClient.connect(t.url, { token: accessToken, lastEventId: last })
    }
    writing = false
    await writer
    const lastCommitted = committed[committed.length - 1]!
    await client.waitAny((f) => f.id === lastCommitted)
    received.push(...ids(client))
    await client.close()
    expect(committed.length).toBeGreaterThan(10)
    expect(received).toEqual(committed.filter((id) => id > from)) // in order, each exactly once
  })

  it('answers resync_required when lastEventId is past retention (pruned) or unknown, then continues live', async () => {
    const { accessToken } = await t.login(staff)
    const db = t.services.database.db
    const old = await emitEvent(t, t.ceo, 'task.created', { kind: 'org' }, {})
    await emitEvent(t, t.ceo, 'task.created', { kind: 'org' }, {})
    await db.updateTable('events').set({ createdAt: sql`now() - interval '8 days'` })
      .where('organizationId', '=', t.ceo.organizationId).where('id', '<=', old + 1).execute()

    const stale = await WsClient.connect(t.url, { token: accessToken, lastEventId: old })
    const resync = await stale.waitFor('resync_required')
    expect(stale.events()).toHaveLength(0)
    const live = await emitEvent(t, t.ceo, 'task.updated', { kind: 'org' }, {})
    await stale.waitAny((f) => f.id === live)
    expect(resync.data.lastEventId).toBe(live - 1)
    await stale.close()

    expect(await pruneEvents(db, 7)).toBeGreaterThanOrEqual(2)
    const pruned = await WsClient.connect(t.url, { token: accessToken, lastEventId: old - 1 })
    await pruned.waitFor('resync_required')
    await pruned.close()

    const future = await WsClient.connect(t.url, { token: accessToken, lastEventId: live + 1000 })
    expect((await future.waitFor('resync_required')).data.lastEventId).toBe(live)
    await future.close()
  })
})
