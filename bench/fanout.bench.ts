/**
 * Fan-out: 1,000 sockets on one node; time from COMMIT to the LAST client's receipt, against a raw
 * `ws` broadcast of the same frame to 1,000 sockets measured in the same run. Cross-node (when
 * Redis and PostgreSQL are configured): commit on node A to receipt on node B, against a raw Redis
 * publish → subscriber round trip.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { Redis } from 'ioredis'
import WebSocket, { WebSocketServer } from 'ws'
import type { Actor } from '../server/src/actions/context'
import { inTransaction } from '../server/src/actions/transaction'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { emit } from '../server/src/events/outbox'
import { bootstrapOrganization } from '../server/src/seed/bootstrap'
import { createServices, type Services } from '../server/src/services'
import { createTestDatabaseUrl } from '../server/test/harness'
import { percentile, startBaton } from './support'

const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 1000)
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 40)
const payload = { title: 'Prepare the quarterly board deck', notes: 'x'.repeat(300) }

/** Opens sockets in batches; each reports the receipt time of frames carrying the round's marker. */
async function openClients(url: string, count: number, onMarker: (marker: number) => void) {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url)
      // Clients run in this process too: keep their work small (no full parse) for both paths alike.
      ws.on('message', (raw) => {
        const text = raw.toString()
        const marker = /"marker":(\d+)/.exec(text)
        if (marker) onMarker(Number(marker[1]))
        else if (text.startsWith('{"type":"ready"')) resolve()
      })
      ws.once('open', () => { if (!url.includes('/api/v1/ws')) resolve() })
      ws.once('error', reject)
      sockets.push(ws)
    })))
  }
  return sockets
}

/** Resolves when `count` receipts of `marker` have arrived, with the time of the last. */
function receipts(count: number) {
  let expected = -1
  let got = 0
  let resolve!: (t: number) => void
  return {
    onMarker(marker: number) { if (marker === expected && ++got === count) resolve(performance.now()) },
    next(marker: number) { expected = marker; got = 0; return new Promise<number>((r) => { resolve = r }) },
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function commitEvent(services: Services, actor: Actor, marker: number): Promise<number> {
  let committedAt = 0
  await inTransaction(services.database.db, {
    actor, onCommit: () => { committedAt = performance.now(); void services.relay.kick() },
  }, (ctx) => emit(ctx, 'task.updated', { kind: 'org' }, { ...payload, marker }))
  return committedAt
}

async function singleNode(out: Record<string, number | string>) {
  const baton = await startBaton()
  // Raw baseline: a bare ws server in the same process, the same frame, the same client count.
  const raw = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise((r) => raw.once('listening', r))
  const rawUrl = `ws://127.0.0.1:${(raw.address() as AddressInfo).port}`
  const rawReceipts = receipts(CLIENTS)
  const batonReceipts = receipts(CLIENTS)
  const rawClients = await openClients(rawUrl, CLIENTS, rawReceipts.onMarker)
  const batonClients = await openClients(`${baton.url.replace('http', 'ws')}/api/v1/ws?token=${baton.token}`, CLIENTS, batonReceipts.onMarker)
  const rawTimes: number[] = []
  const batonTimes: number[] = []
  const frame = (marker: number) => JSON.stringify({ id: marker, type: 'task.updated', at: new Date().toISOString(), actor: baton.ceo.id, data: { ...payload, marker } })
  for (let round = 0; round < ROUNDS + 3; round++) {
    const rawDone = rawReceipts.next(round)
    const started = performance.now()
    const text = frame(round)
    for (const client of raw.clients) client.send(text)
    const rawTime = (await rawDone) - started
    await sleep(20)
    const batonDone = batonReceipts.next(round)
    const committedAt = await commitEvent(baton.services, baton.ceo, round)
    const batonTime = (await batonDone) - committedAt
    await sleep(20)
    if (round >= 3) { rawTimes.push(rawTime); batonTimes.push(batonTime) } // warm-up rounds dropped
  }
  for (const p of [50, 95, 99] as const) {
    out[`raw ws broadcast to ${CLIENTS}, p${p} (ms)`] = percentile(rawTimes, p)
    out[`commit → last of ${CLIENTS} clients, p${p} (ms)`] = percentile(batonTimes, p)
    out[`fan-out / raw broadcast, p${p} (ratio)`] = percentile(batonTimes, p) / percentile(rawTimes, p)
  }
  out['database'] = baton.kind
  out['goal: p95 ratio <= 2 and p99 < 100 ms'] = percentile(batonTimes, 95) / percentile(rawTimes, 95) <= 2 && percentile(batonTimes, 99) < 100 ? 'met' : 'NOT met'
  for (const ws of [...rawClients, ...batonClients]) ws.terminate()
  raw.close()
  await baton.close()
}

async function crossNode(out: Record<string, number | string>, redisUrl: string, adminUrl: string) {
  const previous = process.env.TEST_DATABASE_URL
  process.env.TEST_DATABASE_URL = adminUrl
  const database = await createTestDatabaseUrl()
  process.env.TEST_DATABASE_URL = previous
  const prefix = `baton-bench:${randomUUID()}:`
  const env = { BATON_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DATABASE_URL: database.url!, REDIS_URL: redisUrl, BATON_REDIS_PREFIX: prefix } as NodeJS.ProcessEnv
  const a = await createServices(loadConfig(env))
  const { ceo } = await bootstrapOrganization(a.database.db, { organizationName: 'Bench', ceo: { email: `x-${randomUUID().slice(0, 6)}@bench.baton`, name: 'Bench', password: 'bench-password-1' } })
  const b = await createServices(loadConfig(env))
  const appB = await buildApp(b)
  await appB.listen({ port: 0, host: '127.0.0.1' })
  const token = await b.tokens.signAccess(ceo!)
  const received = receipts(1)
  const [client] = await openClients(`ws://127.0.0.1:${(appB.server.address() as AddressInfo).port}/api/v1/ws?token=${token}`, 1, received.onMarker)

  const pub = new Redis(redisUrl)
  const sub = new Redis(redisUrl)
  const channel = `${prefix}raw`
  let rawResolve!: (t: number) => void
  sub.on('message', () => rawResolve(performance.now()))
  await sub.subscribe(channel)

  const cross: number[] = []
  const redisTimes: number[] = []
  for (let round = 0; round < 53; round++) {
    const rawDone = new Promise<number>((r) => { rawResolve = r })
    const started = performance.now()
    await pub.publish(channel, JSON.stringify({ ...payload, marker: round }))
    const rawTime = (await rawDone) - started
    const done = received.next(round)
    const committedAt = await commitEvent(a, ceo!, round)
    const crossTime = (await done) - committedAt
    if (round >= 3) { redisTimes.push(rawTime); cross.push(crossTime) }
    await sleep(10)
  }
  for (const p of [50, 95, 99] as const) {
    out[`raw Redis publish → subscriber, p${p} (ms)`] = percentile(redisTimes, p)
    out[`commit on A → client on B, p${p} (ms)`] = percentile(cross, p)
  }
  out['cross-node / raw Redis round trip, p50 (ratio)'] = percentile(cross, 50) / percentile(redisTimes, 50)
  client!.terminate()
  pub.disconnect(); sub.disconnect()
  await appB.close()
  await b.close()
  await a.close()
  await database.drop()
}

export async function run(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {}
  await singleNode(out)
  const redisUrl = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (redisUrl && adminUrl) await crossNode(out, redisUrl, adminUrl)
  else out['cross-node'] = 'skipped: set REDIS_URL (or TEST_REDIS_URL) and BENCH_DATABASE_URL (or TEST_DATABASE_URL)'
  return out
}
