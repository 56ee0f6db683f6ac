import { z } from 'zod'
import type { Database } from '../db/database'
import { presentCategory } from '../presenters/presentCategory'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listCategoriesQuery = pageQuery.extend({ q: z.string().trim().min(1).max(200).optional() })
export type ListCategoriesQuery = z.output<typeof listCategoriesQuery>

/** Live categories by name (everyone in the organization sees them), keyset-paginated. */
export async function listCategories(db: Database, filter: ListCategoriesQuery) {
  const after = decodeCursor(filter.cursor, 2) as [string, string] | undefined
  let query = db.selectFrom('categories').selectAll().where('deletedAt', 'is', null)
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)
  if (after) {
    if (typeof after[0] !== 'string' || typeof after[1] !== 'string') return { items: [], nextCursor: null }
    query = query.where((eb) => eb.or([eb('name', '>', after[0]), eb.and([eb('name', '=', after[0]), eb('id', '>', after[1])])]))
  }
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, presentCategory, (c) => [c.name, c.id])
}
