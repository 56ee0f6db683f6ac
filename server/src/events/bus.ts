import { EventEmitter } from 'node:events'
import type { EventScope, EventType } from './types'

/** An outbox event as it travels between nodes. */
export interface StoredEvent {
  organizationId: string
  id: number
  type: EventType
  actorId: string | null
  scope: EventScope
  data: unknown
  at: string
}

/** Carries committed events to every node's real-time hub. */
export interface EventBus {
  publish(events: StoredEvent[]): Promise<void>
  subscribe(handler: (events: StoredEvent[]) => void): () => void
  close(): Promise<void>
}

/** One node, no Redis: an in-process emitter. */
export class InProcessBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0)
  async publish(events: StoredEvent[]) { if (events.length) this.emitter.emit('events', events) }
  subscribe(handler: (events: StoredEvent[]) => void) {
    this.emitter.on('events', handler)
    return () => { this.emitter.off('events', handler) }
  }
  async close() { this.emitter.removeAllListeners() }
}
