import type { z } from 'zod'
import { requireLinkTarget, requireResource } from '../../access/resources'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { conflict } from '../../http/errors'
import { presentResource, presentResourceLink } from '../../presenters/presentResource'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { shareResourceInput } from './resourceSchemas'

/**
 * Links a resource the actor can see to a channel, task or category they may post in (the same
 * link twice is 409 DUPLICATE). Emits resource.shared in the scope of that entity.
 */
export async function shareResource(ctx: ActionContext, raw: z.input<typeof shareResourceInput>) {
  const input = parseInput(shareResourceInput, raw)
  const resource = await requireResource(ctx.tx, ctx.actor, input.resourceId, 'see')
  const scope = await requireLinkTarget(ctx.tx, ctx.actor, input.entityType, input.entityId, 'post')
  const linkType = input.linkType ?? 'attachment'
  const link = await ctx.tx.insertInto('resourceLinks').values({
    resourceId: resource.id, entityType: input.entityType, entityId: input.entityId, linkType,
    createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now,
  }).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst()
  if (!link) throw conflict('DUPLICATE', `"${resource.name}" is already linked there as ${linkType}.`)
  const dto = { link: presentResourceLink(link), resource: presentResource(resource) }
  await emit(ctx, 'resource.shared', scope, dto)
  await audit(ctx, { action: 'resource.share', entityType: 'resource', entityId: resource.id, after: dto.link })
  return link
}
