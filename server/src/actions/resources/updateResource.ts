import type { z } from 'zod'
import { requireResource } from '../../access/resources'
import { audit } from '../../audit/audit'
import type { SharedResourcesTable } from '../../db/schema'
import { presentResource } from '../../presenters/presentResource'
import type { Updateable } from 'kysely'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { updateResourceInput } from './resourceSchemas'
import { emitResourceUpdated } from './resourceEvents'

/** Updates a resource's metadata (its uploader, a manager or the CEO). Emits resource.updated where it is linked. */
export async function updateResource(ctx: ActionContext, resourceId: string, raw: z.input<typeof updateResourceInput>) {
  const input = parseInput(updateResourceInput, raw)
  const resource = await requireResource(ctx.tx, ctx.actor, resourceId, 'edit')
  checkVersion(resource, input.version, () => presentResource(resource))

  const changes: Updateable<SharedResourcesTable> = {}
  if (input.name !== undefined) changes.name = input.name
  if (input.description !== undefined) changes.description = input.description
  if (input.resourceType !== undefined) changes.resourceType = input.resourceType
  if (input.contentUrl !== undefined) changes.contentUrl = input.contentUrl
  if (input.contentData !== undefined) changes.contentData = JSON.stringify(input.contentData)
  if (input.mimeType !== undefined) changes.mimeType = input.mimeType
  if (input.fileSize !== undefined) changes.fileSize = input.fileSize
  if (input.metadata !== undefined) changes.metadata = JSON.stringify({ ...resource.metadata, ...input.metadata })
  if (!Object.keys(changes).length) return resource

  const updated = await ctx.tx.updateTable('sharedResources')
    .set((eb) => ({ ...changes, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', '=', resource.id).returningAll().executeTakeFirstOrThrow()
  const { dto } = await emitResourceUpdated(ctx, updated)
  await audit(ctx, { action: 'resource.update', entityType: 'resource', entityId: resource.id, before: presentResource(resource), after: dto })
  return updated
}
