import type { z } from 'zod'
import { can } from '../../access/permissions'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentCategory } from '../../presenters/presentCategory'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { assertCategoryNameFree } from './categoryRules'
import { createCategoryInput } from './categorySchemas'

/** Creates a category (CEO and managers). Names are unique, case-insensitively. Emits category.created (org). */
export async function createCategory(ctx: ActionContext, raw: z.input<typeof createCategoryInput>) {
  const input = parseInput(createCategoryInput, raw)
  if (!can(ctx.actor, 'category.create')) throw forbidden(`A ${ctx.actor.role} cannot create categories.`)
  await assertCategoryNameFree(ctx.tx, input.name)
  const category = await ctx.tx.insertInto('categories').values({
    name: input.name,
    description: input.description ?? null,
    color: input.color ?? null,
    icon: input.icon ?? null,
    priorityLevel: input.priorityLevel,
    createdBy: ctx.actor.id,
    deletedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentCategory(category)
  await emit(ctx, 'category.created', { kind: 'org' }, dto)
  await audit(ctx, { action: 'category.create', entityType: 'category', entityId: category.id, after: dto })
  return category
}
