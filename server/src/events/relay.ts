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
 * Each node relays only events it has not yet seen, either by reading them itself or by receiving
 * them on the bus from another node (only when they continue what it has seen, so a gap is still
 * read from the outbox). Whatever duplicates remain across nodes are dropped by id in the hub.
 * Each publication is a contiguous run of ids that starts right after what this relay has seen,
 * which is what lets the hub treat a gap as "read the outbox" rather than "lost".
 */
export class OutboxRelay {
  private lastId = new Map<string, number>()
  private running: Promise<void> | null = null
  private again = false
  private timer?: NodeJS.Timeout

  constructor(private readonly db: Database, private readonly bus: EventBus, private readonly pollMs = 1000) {
    bus.subscribe((events) => {
      const first = events[0]
      if (!first) return
      const seen = this.lastId.get(first.organizationId)
      if (seen === undefined || first.id > seen + 1) return
      const last = events[events.length - 1]!.id
      if (last > seen) this.lastId.set(first.organizationId, last)
    })
  }

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
      this.lastId.set(organizationId, Math.max(this.lastId.get(organizationId) ?? 0, rows[rows.length - 1]!.id))
      await this.bus.publish(rows.map(toStoredEvent))
    }
  }

  async stop() { if (this.timer) clearInterval(this.timer); await this.running }
}
