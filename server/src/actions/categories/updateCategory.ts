import type { z } from 'zod'
import { can } from '../../access/permissions'
import { audit } from '../../audit/audit'
import type { Category } from '../../db/schema'
import { emit } from '../../events/outbox'
import { AppError, forbidden } from '../../http/errors'
import { presentCategory } from '../../presenters/presentCategory'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { assertCategoryNameFree, requireCategory } from './categoryRules'
import { updateCategoryInput } from './categorySchemas'

/** Edits a category (CEO and managers), with optimistic concurrency. Emits category.updated (org). */
export async function updateCategory(ctx: ActionContext, categoryId: string, raw: z.input<typeof updateCategoryInput>) {
  const input = parseInput(updateCategoryInput, raw)
  const category = await requireCategory(ctx.tx, categoryId)
  if (!can(ctx.actor, 'category.update')) throw forbidden(`A ${ctx.actor.role} cannot edit categories.`)
  checkVersion(category, input.version, () => presentCategory(category))
  if (input.name !== undefined && input.name.toLowerCase() !== category.name.toLowerCase()) {
    await assertCategoryNameFree(ctx.tx, input.name, category.id)
  }

  const changes: Partial<Record<keyof Category, unknown>> = {}
  for (const key of ['name', 'description', 'color', 'icon', 'priorityLevel'] as const) {
    if (input[key] !== undefined && input[key] !== category[key]) changes[key] = input[key]
  }
  if (!Object.keys(changes).length) return category
  const updated = await ctx.tx.updateTable('categories')
    .set((eb) => ({ ...(changes as object), version: eb('version', '+', 1), updatedAt: ctx.now }))
    .where('id', '=', category.id).where('version', '=', category.version).returningAll().executeTakeFirst()
  if (!updated) {
    const current = await requireCategory(ctx.tx, category.id)
    throw new AppError('VERSION_CONFLICT', `Someone else changed this category at the same time (it is now version ${current.version}).`,
      { current: presentCategory(current) })
  }
  const dto = presentCategory(updated)
  await emit(ctx, 'category.updated', { kind: 'org' }, dto)
  await audit(ctx, { action: 'category.update', entityType: 'category', entityId: category.id, before: presentCategory(category), after: dto })
  return updated
}
