import type { Kysely } from 'kysely'
import type { DB, Category } from '../../db/schema'
import { AppError, notFound } from '../../http/errors'

/** Categories are visible to everyone in the organization; a deleted one no longer exists. */
export async function requireCategory(db: Kysely<DB>, categoryId: string): Promise<Category> {
  const category = await db.selectFrom('categories').selectAll()
    .where('id', '=', categoryId).where('deletedAt', 'is', null).executeTakeFirst()
  if (!category) throw notFound('category', categoryId)
  return category
}

/** A live category with this name, compared case-insensitively. */
export async function findCategoryByName(db: Kysely<DB>, name: string): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll()
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .where('deletedAt', 'is', null).executeTakeFirst()
}

/** Names are unique among live categories (case-insensitive). */
export async function assertCategoryNameFree(db: Kysely<DB>, name: string, exceptId?: string) {
  const taken = await findCategoryByName(db, name)
  if (taken && taken.id !== exceptId) {
    throw new AppError('DUPLICATE', `A category named "${taken.name}" already exists.`, [{ field: 'name', message: 'already in use' }])
  }
}
