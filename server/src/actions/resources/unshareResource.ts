import { requireLinkTarget, requireResource } from '../../access/resources'
import { can } from '../../access/permissions'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden, notFound } from '../../http/errors'
import { presentResourceLink } from '../../presenters/presentResource'
import type { ActionContext } from '../context'

/**
 * Removes one link of a resource: whoever made the link, the resource's uploader, a manager or the
 * CEO, provided they can see both. Emits resource.unshared in the scope of the entity it left.
 */
export async function unshareResource(ctx: ActionContext, resourceId: string, linkId: string) {
  const resource = await requireResource(ctx.tx, ctx.actor, resourceId, 'see')
  const link = await ctx.tx.selectFrom('resourceLinks').selectAll().where('id', '=', linkId).where('resourceId', '=', resource.id).executeTakeFirst()
  if (!link) throw notFound('resource link', linkId)
  let scope
  try { scope = await requireLinkTarget(ctx.tx, ctx.actor, link.entityType, link.entityId, 'see') } catch { throw notFound('resource link', linkId) }
  if (link.createdBy !== ctx.actor.id && resource.uploadedBy !== ctx.actor.id && !can(ctx.actor, 'resource.delete.others')) {
    throw forbidden('Only whoever shared it, its uploader, a manager or the CEO can remove this link.')
  }
  await ctx.tx.deleteFrom('resourceLinks').where('id', '=', link.id).execute()
  const dto = presentResourceLink(link)
  await emit(ctx, 'resource.unshared', scope, dto)
  await audit(ctx, { action: 'resource.unshare', entityType: 'resource', entityId: resource.id, before: dto })
  return link
}
