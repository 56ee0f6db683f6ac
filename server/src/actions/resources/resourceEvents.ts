import { resourceScopes } from '../../access/resources'
import type { ResourceLink, SharedResource } from '../../db/schema'
import type { EventType } from '../../events/types'
import { emit } from '../../events/outbox'
import { presentResource } from '../../presenters/presentResource'
import type { ActionContext } from '../context'

/** A resource's links, in the action's transaction. */
export const linksOf = (ctx: ActionContext, resourceId: string) =>
  ctx.tx.selectFrom('resourceLinks').selectAll().where('resourceId', '=', resourceId).execute()

/** Emits `type` in every scope the resource is linked into (the organization when it is unlinked). */
export async function emitWhereLinked(ctx: ActionContext, links: ResourceLink[], type: EventType, payload: unknown) {
  for (const scope of await resourceScopes(ctx.tx, links)) await emit(ctx, type, scope, payload)
}

/** resource.updated with the resource as it now is, where it is linked; returns its links and what was sent. */
export async function emitResourceUpdated(ctx: ActionContext, resource: SharedResource) {
  const links = await linksOf(ctx, resource.id)
  const dto = presentResource(resource, links)
  await emitWhereLinked(ctx, links, 'resource.updated', dto)
  return { links, dto }
}
