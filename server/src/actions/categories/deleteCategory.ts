import { can } from '../../access/permissions'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentCategory } from '../../presenters/presentCategory'
import { presentChannels } from '../../queries/channelFacts'
import type { ActionContext } from '../context'
import { checkVersion } from '../validate'
import { requireCategory } from './categoryRules'

/**
 * Soft-deletes a category (CEO only). Its channels are not deleted: they move to "no category",
 * each announced with channel.updated (channel scope). Emits category.deleted (org).
 */
export async function deleteCategory(ctx: ActionContext, categoryId: string, options: { version?: number } = {}) {
  const category = await requireCategory(ctx.tx, categoryId)
  if (!can(ctx.actor, 'category.delete')) throw forbidden('Only the CEO can delete categories.')
  checkVersion(category, options.version, () => presentCategory(category))
  const deleted = await ctx.tx.updateTable('categories')
    .set((eb) => ({ deletedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', '=', category.id).returningAll().executeTakeFirstOrThrow()
  const detached = await ctx.tx.updateTable('channels')
    .set((eb) => ({ categoryId: null, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('categoryId', '=', category.id).where('deletedAt', 'is', null).returningAll().execute()
  await emit(ctx, 'category.deleted', { kind: 'org' }, presentCategory(deleted))
  for (const dto of await presentChannels(ctx.tx, detached)) await emit(ctx, 'channel.updated', { kind: 'channel', channelId: dto.id }, dto)
  await audit(ctx, { action: 'category.delete', entityType: 'category', entityId: category.id, before: presentCategory(category),
    metadata: { detachedChannelIds: detached.map((c) => c.id) } })
  return deleted
}
