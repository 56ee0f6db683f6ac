import type { z } from 'zod'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { presentResource } from '../../presenters/presentResource'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { createResourceInput } from './resourceSchemas'

/**
 * Records a shared resource's metadata (file bytes come later). Anyone may create one; until it is
 * linked to something it is an organization-wide resource. Emits resource.created (organization).
 */
export async function createResource(ctx: ActionContext, raw: z.input<typeof createResourceInput>) {
  const input = parseInput(createResourceInput, raw)
  const resource = await ctx.tx.insertInto('sharedResources').values({
    name: input.name,
    description: input.description ?? null,
    resourceType: input.resourceType,
    contentUrl: input.contentUrl ?? null,
    contentData: input.contentData === undefined ? null : JSON.stringify(input.contentData),
    storageKey: null,
    fileSize: input.fileSize ?? null,
    mimeType: input.mimeType ?? null,
    uploadedBy: ctx.actor.id,
    metadata: JSON.stringify(input.metadata ?? {}),
    deletedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentResource(resource, [])
  await emit(ctx, 'resource.created', { kind: 'org' }, dto)
  await audit(ctx, { action: 'resource.create', entityType: 'resource', entityId: resource.id, after: dto })
  return resource
}
