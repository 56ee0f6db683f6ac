import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabaseUrl } from '../harness'
import { api, clusterEnv, loginOver, startNode, type NodeProcess } from './nodes'
import { WsClient } from './wsClient'

/**
 * Two Baton processes on one PostgreSQL and one Redis behave as one. Needs real servers:
 * TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both).
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL)
if (!enabled) console.warn('twoNodes.test.ts skipped: set TEST_DATABASE_URL and TEST_REDIS_URL to run the two-process cluster test.')

describe.skipIf(!enabled)('two nodes, one PostgreSQL, one Redis', () => {
  let a: NodeProcess
  let b: NodeProcess
  let drop: () => Promise<void>
  let env: ReturnType<typeof clusterEnv>
  let ceoToken: string
  const sockets: WsClient[] = []

  beforeAll(async () => {
    const database = await createTestDatabaseUrl()
    drop = database.drop
    env = clusterEnv(database.url!, process.env.TEST_REDIS_URL!)
    a = await startNode(env) // first alone: it migrates and bootstraps
    b = await startNode(env)
    ceoToken = await loginOver(a.url, env.BATON_BOOTSTRAP_CEO_EMAIL, env.BATON_BOOTSTRAP_CEO_PASSWORD)
  }, 120_000)

  afterAll(async () => {
    for (const s of sockets) await s.close()
    await Promise.all([a?.stop(), b?.stop()])
    await drop?.()
  }, 60_000)

  async function createStaff(url: string) {
    const email = `staff-${randomUUID().slice(0, 8)}@cluster.baton`
    const res = await api(url, ceoToken, 'POST', '/api/v1/users', { email, name: 'Sam Staff', role: 'staff', password: 'cluster-password-2' })
    expect(res.status).toBe(201)
    return { id: res.body.user?.id ?? res.body.id, token: await loginOver(url, email, 'cluster-password-2') }
  }

  it('an action on node A reaches a client on node B, once', async () => {
    const staff = await createStaff(a.url)
    const onB = await WsClient.connect(b.url, { token: staff.token }); sockets.push(onB)
    const started = Date.now()
    const other = await createStaff(a.url)
    const event = await onB.waitFor('user.created', (f) => f.data.id === other.id)
    expect(Date.now() - started).toBeLessThan(2_000)
    await new Promise((r) => setTimeout(r, 300))
    expect(onB.events().filter((f) => f.id === event.id)).toHaveLength(1) // both relays may publish; the hub keeps one
  })

  it('presence agrees across nodes', async () => {
    const staff = await createStaff(a.url)
    const ceoOnA = await WsClient.connect(a.url, { token: ceoToken }); sockets.push(ceoOnA)
    const onB = await WsClient.connect(b.url, { token: staff.token }); sockets.push(onB)
    await ceoOnA.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'online')
    onB.send({ type: 'presence', status: 'away' })
    await ceoOnA.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'away')
    for (const node of [a, b]) {
      const snapshot = await api(node.url, ceoToken, 'GET', '/api/v1/presence')
      expect(snapshot.body.presence).toContainEqual({ userId: staff.id, status: 'away', viewingChannelId: null })
    }
    await onB.close()
    await ceoOnA.waitFor('presence.changed', (f) => f.data.userId === staff.id && f.data.status === 'offline')
    expect((await api(a.url, ceoToken, 'GET', '/api/v1/presence')).body.presence.map((p: { userId: string }) => p.userId)).not.toContain(staff.id)
  })

  it('replay works from any node', async () => {
    const staff = await createStaff(a.url)
    const first = await WsClient.connect(b.url, { token: staff.token })
    const last = first.lastEventId
    await first.close()
    const missed = [await createStaff(b.url), await createStaff(a.url)]
    const onA = await WsClient.connect(a.url, { token: staff.token, lastEventId: last }); sockets.push(onA)
    for (const m of missed) await onA.waitFor('user.created', (f) => f.data.id === m.id)
    const ids = onA.events().map((f) => f.id!)
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y))
    expect(ids[0]).toBe(last + 1)
  })
})
