import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { subscribeJson } from './redisSubscription'
import { InProcessBus, type EventBus, type StoredEvent } from './bus'

/**
 * Several nodes: committed events travel over Redis pub/sub on `<prefix>events`. A node delivers
 * its own publications to its local subscribers at once (no Redis round trip on the hot path) and
 * ignores their echo; other nodes' publications are delivered when they arrive. Duplicates (two
 * relays publishing the same id) are dropped by id in the hub. Pub/sub is not durable, and need not
 * be: every relay also polls the outbox, and clients resume from the events table.
 */
export class RedisBus implements EventBus {
  readonly nodeId = randomUUID()
  private readonly local = new InProcessBus()
  private readonly channel: string
  private subscriber?: Redis

  constructor(private readonly redis: Redis, prefix: string, private readonly onError: (error: unknown) => void = () => undefined) {
    this.channel = `${prefix}events`
  }

  async start() {
    this.subscriber = await subscribeJson<{ node: string; events: StoredEvent[] }>(this.redis, this.channel, ({ node, events }) => {
      if (node !== this.nodeId) void this.local.publish(events)
    }, this.onError)
  }

  async publish(events: StoredEvent[]) {
    if (!events.length) return
    await this.local.publish(events)
    await this.redis.publish(this.channel, JSON.stringify({ node: this.nodeId, events }))
  }

  subscribe(handler: (events: StoredEvent[]) => void) { return this.local.subscribe(handler) }

  async close() {
    await this.local.close()
    if (this.subscriber) await this.subscriber.quit().catch(() => undefined)
  }
}
