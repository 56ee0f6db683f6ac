import type { z } from 'zod'
import { requireLinkTarget } from '../../access/resources'
import { audit } from '../../audit/audit'
import type { ResourceType } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentResource, presentResourceLink } from '../../presenters/presentResource'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { createPendingUploadInput } from './resourceSchemas'

/**
 * Reserves a resource whose bytes are still to come (status pending_upload), already attached to
 * its channel or task, so it is never visible to the whole organization. The command engine's
 * UPLOAD_FILE uses it. Emits resource.created and resource.shared in the scope of that entity.
 */
export async function createPendingUpload(ctx: ActionContext, raw: z.input<typeof createPendingUploadInput>) {
  const input = parseInput(createPendingUploadInput, raw)
  const entityType = input.channelId ? 'channel' as const : 'task' as const
  const entityId = (input.channelId ?? input.taskId)!
  const scope = await requireLinkTarget(ctx.tx, ctx.actor, entityType, entityId, 'post')
  const resource = await ctx.tx.insertInto('sharedResources').values({
    name: input.name, description: null, resourceType: typeFromName(input.name, input.mimeType), status: 'pending_upload',
    contentUrl: null, contentData: null, storageKey: null, fileSize: input.fileSize ?? null, mimeType: input.mimeType ?? null,
    uploadedBy: ctx.actor.id, metadata: JSON.stringify({}), deletedAt: null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const link = await ctx.tx.insertInto('resourceLinks').values({
    resourceId: resource.id, entityType, entityId, linkType: 'attachment', createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentResource(resource, [link])
  await emit(ctx, 'resource.created', scope, dto)
  await emit(ctx, 'resource.shared', scope, { link: presentResourceLink(link), resource: presentResource(resource) })
  await audit(ctx, { action: 'resource.create', entityType: 'resource', entityId: resource.id, after: dto, metadata: { pendingUpload: true } })
  return resource
}

const IMAGE = /\.(png|jpe?g|gif|webp|svg|heic|bmp|tiff?)$/i
const VIDEO = /\.(mp4|mov|webm|mkv|avi|m4v)$/i

export function typeFromName(name: string, mimeType?: string | null): ResourceType {
  if (mimeType?.startsWith('image/') || IMAGE.test(name)) return 'image'
  if (mimeType?.startsWith('video/') || VIDEO.test(name)) return 'video'
  return 'document'
}
