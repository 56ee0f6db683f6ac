import { requireResource } from '../../access/resources'
import { audit } from '../../audit/audit'
import { presentResource } from '../../presenters/presentResource'
import type { ActionContext } from '../context'
import { emitWhereLinked, linksOf } from './resourceEvents'

/** Soft-deletes a resource (its uploader, a manager or the CEO); its links stay for the record. Emits resource.deleted. */
export async function deleteResource(ctx: ActionContext, resourceId: string) {
  const resource = await requireResource(ctx.tx, ctx.actor, resourceId, 'edit')
  const links = await linksOf(ctx, resource.id)
  const deleted = await ctx.tx.updateTable('sharedResources')
    .set((eb) => ({ deletedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', '=', resource.id).returningAll().executeTakeFirstOrThrow()
  await emitWhereLinked(ctx, links, 'resource.deleted', { id: resource.id })
  await audit(ctx, { action: 'resource.delete', entityType: 'resource', entityId: resource.id, before: presentResource(resource, links) })
  return deleted
}
