import type { StoredEvent } from '../events/bus'

/** A stored event as clients receive it: `{id, type, at, actor?, data}`, encoded once per event. */
export function eventFrame(event: StoredEvent): Buffer {
  return Buffer.from(JSON.stringify({
    id: event.id, type: event.type, at: event.at, ...(event.actorId ? { actor: event.actorId } : {}), data: event.data,
  }))
}

/** An ephemeral event (presence.changed, typing.started): same shape, no id, never replayed. */
export function ephemeralFrame(type: 'presence.changed' | 'typing.started', at: string, data: unknown, actor?: string): Buffer {
  return Buffer.from(JSON.stringify({ type, at, ...(actor ? { actor } : {}), data }))
}
