import type { Actor } from '../actions/context'
import type { Database } from '../db/database'
import { presentUser } from '../presenters/presentUser'
import { decodeCursor, toPage } from './pagination'

export interface ListUsersFilter { limit: number; cursor?: string; q?: string; role?: 'ceo' | 'manager' | 'staff'; includeInactive?: boolean }

/** The organization's people, by name. Everyone may see the directory (it is how you assign work). */
export async function listUsers(db: Database, actor: Actor, filter: ListUsersFilter) {
  const after = decodeCursor(filter.cursor, 2) as [string, string] | undefined
  let query = db.selectFrom('users').selectAll()
    .where('organizationId', '=', actor.organizationId).where('deletedAt', 'is', null)
  if (!filter.includeInactive) query = query.where('deactivatedAt', 'is', null)
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]))
  }
  if (after) query = query.where((eb) => eb.or([eb('name', '>', after[0]), eb.and([eb('name', '=', after[0]), eb('id', '>', after[1])])]))
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, presentUser, (u) => [u.name, u.id])
}
