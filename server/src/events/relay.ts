import type { Database } from '../db/database'
import type { EventBus, StoredEvent } from './bus'
import type { EventScope, EventType } from './types'
import type { EventRow } from '../db/schema'

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    organizationId: row.organizationId,
    id: row.id,
    type: row.type as EventType,
    actorId: row.actorId,
    scope: row.scope as EventScope,
    data: row.payload,
    at: row.createdAt.toISOString(),
  }
}

/**
 * Publishes committed outbox events to the bus, in id order. It is kicked after each local commit
 * and also polls, so an event whose publisher died between commit and publish still goes out.
 * Each node relays only events it has not yet seen; duplicates across nodes are dropped by id
 * in the hub.
 */
export class OutboxRelay {
  private lastId = new Map<string, number>()
  private running: Promise<void> | null = null
  private again = false
  private timer?: NodeJS.Timeout

  constructor(private readonly db: Database, private readonly bus: EventBus, private readonly pollMs = 1000) {}

  async start() {
    const rows = await this.db.selectFrom('eventCounters').select(['organizationId', 'lastId']).execute()
    for (const row of rows) this.lastId.set(row.organizationId, row.lastId)
    this.timer = setInterval(() => this.kick(), this.pollMs)
    this.timer.unref()
  }

  /** Publishes whatever has committed since the last run; concurrent kicks coalesce. */
  kick(): Promise<void> {
    if (this.running) { this.again = true; return this.running }
    this.running = (async () => {
      do {
        this.again = false
        await this.publishNew()
      } while (this.again)
    })().catch(() => undefined).finally(() => { this.running = null })
    return this.running
  }

  private async publishNew() {
    const counters = await this.db.selectFrom('eventCounters').select(['organizationId', 'lastId']).execute()
    for (const { organizationId, lastId } of counters) {
      const seen = this.lastId.get(organizationId) ?? 0
      if (lastId <= seen) continue
      const rows = await this.db.selectFrom('events').selectAll()
        .where('organizationId', '=', organizationId).where('id', '>', seen).where('id', '<=', lastId)
        .orderBy('id').execute()
      if (!rows.length) continue
      this.lastId.set(organizationId, rows[rows.length - 1]!.id)
      await this.bus.publish(rows.map(toStoredEvent))
    }
  }

  async stop() { if (this.timer) clearInterval(this.timer); await this.running }
}
