import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'

/**
 * Deletes outbox events older than the retention window. The counters stay, so ids keep growing;
 * a client resuming from a pruned id is told `resync_required`. Safe to run on every node.
 */
export async function pruneEvents(db: Kysely<DB>, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  const result = await db.deleteFrom('events').where('createdAt', '<', cutoff).executeTakeFirst()
  return Number(result.numDeletedRows)
}
