import { EventEmitter } from 'node:events'
import type { Redis } from 'ioredis'
import { subscribeJson } from '../events/redisSubscription'

export type PresenceStatus = 'online' | 'away' | 'offline'

/** One connection's presence; a user's presence is the aggregate of their connections on every node. */
export interface ConnectionPresence { userId: string; status: 'online' | 'away'; viewingChannelId: string | null; updatedAt: number }

export interface UserPresence { userId: string; status: PresenceStatus; viewingChannelId: string | null }

/** Ephemeral signals shared by every node: never stored, never replayed. */
export type Signal =
  | { kind: 'presence'; organizationId: string; presence: UserPresence; at: string }
  | { kind: 'typing'; organizationId: string; channelId: string; userId: string; at: string }

/**
 * Presence shared across nodes: a store of connection entries per user, plus a channel for
 * ephemeral signals (presence.changed, typing.started). In memory on one node; Redis with several.
 * Entries carry an expiry that their node refreshes on each heartbeat, so a node that dies without
 * saying goodbye stops counting within `ttlMs`.
 */
export interface PresenceStore {
  /** Sets one connection's entry; returns the user's aggregate before and after. */
  set(organizationId: string, connectionKey: string, entry: ConnectionPresence): Promise<{ before: UserPresence; after: UserPresence }>
  remove(organizationId: string, userId: string, connectionKey: string): Promise<{ before: UserPresence; after: UserPresence }>
  /** Refreshes the expiry of these connections (heartbeat). */
  touch(entries: Array<{ organizationId: string; connectionKey: string; entry: ConnectionPresence }>): Promise<void>
  snapshot(organizationId: string): Promise<UserPresence[]>
  publish(signal: Signal): Promise<void>
  subscribe(handler: (signal: Signal) => void): () => void
  close(): Promise<void>
}

interface Stamped extends ConnectionPresence { expiresAt: number }

/** Online if any connection is online, away if all are away, offline with none. Viewing: the latest. */
export function aggregate(userId: string, entries: Iterable<Stamped>, now = Date.now()): UserPresence {
  let status: PresenceStatus = 'offline'
  let latest: Stamped | null = null
  for (const e of entries) {
    if (e.expiresAt <= now) continue
    if (e.status === 'online') status = 'online'
    else if (status === 'offline') status = 'away'
    if (!latest || e.updatedAt >= latest.updatedAt) latest = e
  }
  return { userId, status, viewingChannelId: status === 'offline' ? null : latest?.viewingChannelId ?? null }
}

export const samePresence = (a: UserPresence, b: UserPresence) => a.status === b.status && a.viewingChannelId === b.viewingChannelId

export class MemoryPresence implements PresenceStore {
  private readonly orgs = new Map<string, Map<string, Map<string, Stamped>>>()
  private readonly emitter = new EventEmitter().setMaxListeners(0)

  constructor(private readonly ttlMs = 90_000) {}

  private user(organizationId: string, userId: string) {
    let org = this.orgs.get(organizationId)
    if (!org) this.orgs.set(organizationId, (org = new Map()))
    let user = org.get(userId)
    if (!user) org.set(userId, (user = new Map()))
    return user
  }

  async set(organizationId: string, key: string, entry: ConnectionPresence) {
    const user = this.user(organizationId, entry.userId)
    const before = aggregate(entry.userId, user.values())
    user.set(key, { ...entry, expiresAt: Date.now() + this.ttlMs })
    return { before, after: aggregate(entry.userId, user.values()) }
  }

  async remove(organizationId: string, userId: string, key: string) {
    const user = this.user(organizationId, userId)
    const before = aggregate(userId, user.values())
    user.delete(key)
    if (!user.size) this.orgs.get(organizationId)?.delete(userId)
    return { before, after: aggregate(userId, user.values()) }
  }

  async touch(entries: Array<{ organizationId: string; connectionKey: string; entry: ConnectionPresence }>) {
    const expiresAt = Date.now() + this.ttlMs
    for (const { organizationId, connectionKey, entry } of entries) {
      const hit = this.orgs.get(organizationId)?.get(entry.userId)?.get(connectionKey)
      if (hit) hit.expiresAt = expiresAt
    }
  }

  async snapshot(organizationId: string) {
    const out: UserPresence[] = []
    for (const [userId, entries] of this.orgs.get(organizationId) ?? []) {
      const p = aggregate(userId, entries.values())
      if (p.status !== 'offline') out.push(p)
    }
    return out
  }

  async publish(signal: Signal) { this.emitter.emit('signal', signal) }
  subscribe(handler: (signal: Signal) => void) {
    this.emitter.on('signal', handler)
    return () => { this.emitter.off('signal', handler) }
  }
  async close() { this.emitter.removeAllListeners() }
}

/**
 * Redis layout (all under the prefix):
 *   presence:<org>:users          set of user ids that have had entries (bounded by the org's users)
 *   presence:<org>:u:<userId>     hash connectionKey → JSON entry with expiresAt; the key itself
 *                                 expires with its last refresh, so dead nodes leave nothing behind
 *   signals                       pub/sub channel of ephemeral signals
 */
export class RedisPresence implements PresenceStore {
  private readonly emitter = new EventEmitter().setMaxListeners(0)
  private subscriber?: Redis
  private readonly channel: string

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly ttlMs = 90_000) {
    this.channel = `${prefix}signals`
  }

  async start() {
    this.subscriber = await subscribeJson<Signal>(this.redis, this.channel, (signal) => { this.emitter.emit('signal', signal) })
  }

  private usersKey(org: string) { return `${this.prefix}presence:${org}:users` }
  private userKey(org: string, userId: string) { return `${this.prefix}presence:${org}:u:${userId}` }

  private async read(org: string, userId: string): Promise<UserPresence> {
    const fields = await this.redis.hgetall(this.userKey(org, userId))
    return aggregate(userId, Object.values(fields).map((v) => JSON.parse(v) as Stamped))
  }

  async set(org: string, key: string, entry: ConnectionPresence) {
    const before = await this.read(org, entry.userId)
    const stamped: Stamped = { ...entry, expiresAt: Date.now() + this.ttlMs }
    await this.redis.multi()
      .hset(this.userKey(org, entry.userId), key, JSON.stringify(stamped))
      .pexpire(this.userKey(org, entry.userId), this.ttlMs)
      .sadd(this.usersKey(org), entry.userId)
      .exec()
    return { before, after: await this.read(org, entry.userId) }
  }

  async remove(org: string, userId: string, key: string) {
    const before = await this.read(org, userId)
    await this.redis.hdel(this.userKey(org, userId), key)
    const after = await this.read(org, userId)
    return { before, after }
  }

  async touch(entries: Array<{ organizationId: string; connectionKey: string; entry: ConnectionPresence }>) {
    if (!entries.length) return
    const expiresAt = Date.now() + this.ttlMs
    const pipeline = this.redis.pipeline()
    for (const { organizationId, connectionKey, entry } of entries) {
      pipeline.hset(this.userKey(organizationId, entry.userId), connectionKey, JSON.stringify({ ...entry, expiresAt }))
      pipeline.pexpire(this.userKey(organizationId, entry.userId), this.ttlMs)
    }
    await pipeline.exec()
  }

  async snapshot(org: string) {
    const userIds = await this.redis.smembers(this.usersKey(org))
    if (!userIds.length) return []
    const pipeline = this.redis.pipeline()
    for (const id of userIds) pipeline.hgetall(this.userKey(org, id))
    const results = (await pipeline.exec()) ?? []
    const now = Date.now()
    const out: UserPresence[] = []
    results.forEach(([, fields], i) => {
      const entries = Object.values((fields ?? {}) as Record<string, string>).map((v) => JSON.parse(v) as Stamped)
      const p = aggregate(userIds[i]!, entries, now)
      if (p.status !== 'offline') out.push(p)
    })
    return out
  }

  async publish(signal: Signal) {
    // Through Redis only: every node, this one included, hears it once.
    await this.redis.publish(this.channel, JSON.stringify(signal))
  }
  subscribe(handler: (signal: Signal) => void) {
    this.emitter.on('signal', handler)
    return () => { this.emitter.off('signal', handler) }
  }
  async close() {
    this.emitter.removeAllListeners()
    if (this.subscriber) await this.subscriber.quit().catch(() => undefined)
  }
}
