import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { toStoredEvent } from '../events/relay'
import { Audience, type Viewer } from './audience'
import { eventFrame } from './frames'

const PAGE = 500

export type ResumeResult =
  | { kind: 'replayed'; lastId: number; count: number }
  | { kind: 'resync'; lastId: number; reason: string }

export interface ReplayTarget {
  organizationId: string
  viewer: Viewer
  /** False once the socket is gone: replay stops. */
  isOpen(): boolean
  /** Writes one event frame; resolves when the socket has taken it (so replay paces itself). */
  write(id: number, frame: Buffer): Promise<void>
}

/** The organization's newest event id: every id up to it has committed (ids follow commit order). */
export async function currentEventId(db: Kysely<DB>, organizationId: string): Promise<number> {
  const row = await db.selectFrom('eventCounters').select('lastId').where('organizationId', '=', organizationId).executeTakeFirst()
  return row?.lastId ?? 0
}

/**
 * Replays every event after `fromId` that the viewer may see now, in id order, page by page. The
 * caller has already subscribed the connection to live events (buffered), so together they leave
 * no gap; the caller drops buffered ids <= the returned lastId. When the next event after `fromId`
 * is gone (pruned) or older than the retention window, or `fromId` is from the future (another
 * database), the answer is resync: the client refetches state and continues from `lastId`.
 */
export async function replay(db: Kysely<DB>, target: ReplayTarget, fromId: number, retentionDays: number): Promise<ResumeResult> {
  const head = await currentEventId(db, target.organizationId)
  if (fromId > head) return { kind: 'resync', lastId: head, reason: 'lastEventId is newer than any event here.' }
  if (fromId === head) return { kind: 'replayed', lastId: head, count: 0 }
  const next = await db.selectFrom('events').select(['id', 'createdAt'])
    .where('organizationId', '=', target.organizationId).where('id', '>', fromId)
    .orderBy('id').limit(1).executeTakeFirst()
  const cutoff = Date.now() - retentionDays * 86_400_000
  if (!next || next.id !== fromId + 1 || next.createdAt.getTime() < cutoff) {
    return { kind: 'resync', lastId: head, reason: 'lastEventId is past the retention window.' }
  }
  let cursor = fromId
  let count = 0
  for (;;) {
    const rows = await db.selectFrom('events').selectAll()
      .where('organizationId', '=', target.organizationId).where('id', '>', cursor)
      .orderBy('id').limit(PAGE).execute()
    if (!target.isOpen()) break
    const audience = new Audience(db)
    let last: Promise<void> | undefined
    for (const row of rows) {
      const event = toStoredEvent(row)
      const allows = await audience.allows(event.scope)
      if (allows(target.viewer)) { last = target.write(event.id, eventFrame(event)); count++ }
      cursor = event.id
    }
    await last
    if (rows.length < PAGE) break
  }
  return { kind: 'replayed', lastId: Math.max(cursor, head), count }
}
