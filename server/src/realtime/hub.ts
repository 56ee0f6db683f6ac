import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import type { EventBus, StoredEvent } from '../events/bus'
import { toStoredEvent } from '../events/relay'
import { Audience, type Viewer } from './audience'
import { ephemeralFrame, eventFrame } from './frames'
import { samePresence, type PresenceStore, type Signal, type UserPresence } from './presence'
import { currentEventId, replay } from './resume'
import { pruneEvents } from './retention'

export interface HubOptions {
  db: Kysely<DB>
  bus: EventBus
  presence: PresenceStore
  retentionDays: number
  nodeId: string
  /** A socket whose unsent bytes exceed this is closed as a slow consumer. */
  maxBufferedBytes?: number
  /** Live events held for a socket while it replays; past this it is closed as a slow consumer. */
  maxPendingEvents?: number
  heartbeatMs?: number
  pruneEveryMs?: number
}

/** What the hub needs of a socket (realtime/connection.ts). */
export interface HubConnection {
  readonly key: string
  readonly organizationId: string
  viewer: Viewer
  status: 'online' | 'away'
  viewingChannelId: string | null
  presenceUpdatedAt: number
  /** A stored event: sent if live and newer than the last sent id; held while resuming. */
  deliver(id: number, frame: Buffer): void
  /** An ephemeral frame, sent only when live. */
  signal(frame: Buffer): void
  heartbeat(): boolean
  close(code: number, errorCode: 'UNAUTHENTICATED' | 'SLOW_CONSUMER', message: string): void
}

/**
 * This node's sockets and the fan-out to them. Batches from the bus are handled one after another
 * (ids stay in order); each batch resolves every distinct scope once (Audience) against current
 * membership, encodes each event once, and hands it to the sockets allowed to see it. A batch that
 * does not continue the last id seen is completed from the outbox first, and ids already handled
 * are dropped, so several relays publishing the same events deliver each once.
 */
export class RealtimeHub {
  private readonly byOrg = new Map<string, Set<HubConnection>>()
  private readonly high = new Map<string, number>()
  private queue: Promise<void> = Promise.resolve()
  private closed = false
  private readonly stops: Array<() => void> = []
  readonly options: Required<HubOptions>

  constructor(options: HubOptions) {
    this.options = { maxBufferedBytes: 1 << 20, maxPendingEvents: 10_000, heartbeatMs: 30_000, pruneEveryMs: 3_600_000, ...options }
  }

  start() {
    const { bus, presence, heartbeatMs, pruneEveryMs } = this.options
    this.stops.push(bus.subscribe((events) => this.enqueue(() => this.fanOut(events))))
    this.stops.push(presence.subscribe((signal) => this.enqueue(() => this.relaySignal(signal))))
    const beat = setInterval(() => void this.checkHeartbeats(), heartbeatMs)
    const prune = setInterval(() => void this.prune(), pruneEveryMs)
    beat.unref(); prune.unref()
    this.stops.push(() => clearInterval(beat), () => clearInterval(prune))
    void this.prune()
  }

  private enqueue(task: () => Promise<void>) {
    this.queue = this.queue.then(task).catch(() => undefined)
  }

  get connectionCount() { let n = 0; for (const set of this.byOrg.values()) n += set.size; return n }

  /**
   * Registers a socket (its live events buffered from now on), then replays from `lastEventId`
   * (or starts at the current id), and returns where the socket now stands. The caller flushes.
   */
  async attach(conn: HubConnection & { isOpen(): boolean; write(id: number, frame: Buffer): Promise<void> }, lastEventId?: number) {
    let set = this.byOrg.get(conn.organizationId)
    if (!set) this.byOrg.set(conn.organizationId, (set = new Set()))
    set.add(conn)
    void this.updatePresence(conn)
    if (lastEventId === undefined) {
      return { kind: 'fresh' as const, lastId: await currentEventId(this.options.db, conn.organizationId), count: 0 }
    }
    return replay(this.options.db, conn, lastEventId, this.options.retentionDays)
  }

  async detach(conn: HubConnection) {
    const set = this.byOrg.get(conn.organizationId)
    if (!set?.delete(conn) || this.closed) return
    if (!set.size) this.byOrg.delete(conn.organizationId)
    const { before, after } = await this.options.presence.remove(conn.organizationId, conn.viewer.id, conn.key)
    if (!samePresence(before, after)) await this.publishPresence(conn.organizationId, after)
  }

  async updatePresence(conn: HubConnection) {
    if (this.closed) return
    const { before, after } = await this.options.presence.set(conn.organizationId, conn.key, this.entry(conn))
    if (!samePresence(before, after)) await this.publishPresence(conn.organizationId, after)
  }

  async typing(conn: HubConnection, channelId: string) {
    await this.options.presence.publish({ kind: 'typing', organizationId: conn.organizationId, channelId, userId: conn.viewer.id, at: new Date().toISOString() })
  }

  /** Who is online or away now (absent = offline); "viewing" hidden where the viewer cannot see the channel. */
  async presenceSnapshot(viewer: Viewer & { organizationId: string }): Promise<UserPresence[]> {
    const all = await this.options.presence.snapshot(viewer.organizationId)
    const audience = new Audience(this.options.db)
    return Promise.all(all.map(async (p) => ({ ...p, viewingChannelId: await this.visibleChannel(audience, viewer, p.viewingChannelId) })))
  }

  async close() {
    this.closed = true
    for (const stop of this.stops.splice(0)) stop()
    await this.queue
  }

  private entry(conn: HubConnection) {
    return { userId: conn.viewer.id, status: conn.status, viewingChannelId: conn.viewingChannelId, updatedAt: conn.presenceUpdatedAt }
  }

  private publishPresence(organizationId: string, presence: UserPresence) {
    return this.options.presence.publish({ kind: 'presence', organizationId, presence, at: new Date().toISOString() })
  }

  private async visibleChannel(audience: Audience, viewer: Viewer, channelId: string | null) {
    if (!channelId) return null
    return (await audience.channel(channelId))(viewer) ? channelId : null
  }

  private async fanOut(events: StoredEvent[]) {
    const byOrg = new Map<string, StoredEvent[]>()
    for (const e of events) {
      const list = byOrg.get(e.organizationId)
      if (list) list.push(e); else byOrg.set(e.organizationId, [e])
    }
    for (const [org, list] of byOrg) {
      const high = this.high.get(org)
      let batch = high === undefined ? list : list.filter((e) => e.id > high)
      if (!batch.length) continue
      if (high !== undefined && batch[0]!.id > high + 1) batch = [...await this.readRange(org, high, batch[0]!.id), ...batch]
      this.high.set(org, batch[batch.length - 1]!.id)
      const conns = this.byOrg.get(org)
      if (!conns?.size) continue
      const audience = new Audience(this.options.db)
      for (const event of batch) {
        const allows = await audience.allows(event.scope)
        let frame: Buffer | undefined
        for (const conn of conns) {
          if (!allows(conn.viewer)) continue
          frame ??= eventFrame(event)
          conn.deliver(event.id, frame)
        }
        this.applyAccountChange(conns, event)
      }
    }
  }

  /** Role changes take effect on open sockets at once; a deactivated account's sockets close. */
  private applyAccountChange(conns: Set<HubConnection>, event: StoredEvent) {
    if (event.type !== 'user.updated' && event.type !== 'user.deactivated') return
    const user = event.data as { id?: string; role?: Viewer['role']; active?: boolean }
    for (const conn of conns) {
      if (conn.viewer.id !== user.id) continue
      if (event.type === 'user.deactivated' || user.active === false) conn.close(4001, 'UNAUTHENTICATED', 'This account is no longer active.')
      else if (user.role) conn.viewer = { ...conn.viewer, role: user.role }
    }
  }

  private async readRange(org: string, afterId: number, beforeId: number) {
    const rows = await this.options.db.selectFrom('events').selectAll()
      .where('organizationId', '=', org).where('id', '>', afterId).where('id', '<', beforeId).orderBy('id').execute()
    return rows.map(toStoredEvent)
  }

  private async relaySignal(signal: Signal) {
    const conns = this.byOrg.get(signal.organizationId)
    if (!conns?.size) return
    const audience = new Audience(this.options.db)
    if (signal.kind === 'typing') {
      const allows = await audience.channel(signal.channelId)
      const frame = ephemeralFrame('typing.started', signal.at, { channelId: signal.channelId, userId: signal.userId }, signal.userId)
      for (const conn of conns) if (conn.viewer.id !== signal.userId && allows(conn.viewer)) conn.signal(frame)
      return
    }
    const { presence } = signal
    const channelId = presence.viewingChannelId
    const allows = channelId ? await audience.channel(channelId) : null
    const visible = ephemeralFrame('presence.changed', signal.at, presence)
    const hidden = ephemeralFrame('presence.changed', signal.at, { ...presence, viewingChannelId: null })
    for (const conn of conns) conn.signal(!allows || allows(conn.viewer) ? visible : hidden)
  }

  /** Pings every socket; terminates those that did not answer the previous ping. Runs on a timer. */
  async checkHeartbeats() {
    const alive: Parameters<PresenceStore['touch']>[0] = []
    for (const set of this.byOrg.values()) {
      for (const conn of set) if (conn.heartbeat()) alive.push({ organizationId: conn.organizationId, connectionKey: conn.key, entry: this.entry(conn) })
    }
    await this.options.presence.touch(alive).catch(() => undefined)
  }

  private async prune() {
    await pruneEvents(this.options.db, this.options.retentionDays).catch(() => undefined)
  }
}
