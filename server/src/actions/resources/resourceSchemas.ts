import { z } from 'zod'

export const resourceTypeSchema = z.enum(['document', 'link', 'image', 'video', 'template'])
export const linkEntityTypeSchema = z.enum(['channel', 'task', 'category'])
export const linkTypeSchema = z.enum(['attachment', 'reference', 'template', 'requirement'])
const uuid = z.uuid({ message: 'must be a UUID' })

const fields = {
  name: z.string().trim().min(1).max(300),
  description: z.string().max(5000).nullish(),
  contentUrl: z.url().max(2000).nullish(),
  contentData: z.unknown().optional(),
  mimeType: z.string().trim().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as application/pdf').nullish(),
  fileSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish(),
  metadata: z.record(z.string(), z.unknown()).optional(),
}

export const createResourceInput = z.strictObject({ ...fields, resourceType: resourceTypeSchema })

export const updateResourceInput = z.strictObject({
  name: fields.name.optional(),
  description: fields.description,
  resourceType: resourceTypeSchema.optional(),
  contentUrl: fields.contentUrl,
  contentData: fields.contentData,
  mimeType: fields.mimeType,
  fileSize: fields.fileSize,
  metadata: fields.metadata,
  version: z.number().int().positive().optional(),
})

/** The HTTP body of POST /resources/{id}/links. */
export const shareResourceBody = z.strictObject({
  entityType: linkEntityTypeSchema,
  entityId: uuid,
  linkType: linkTypeSchema.optional(),
})

export const shareResourceInput = shareResourceBody.extend({ resourceId: uuid })

export const createPendingUploadInput = z.strictObject({
  name: fields.name,
  channelId: uuid.nullish(),
  taskId: uuid.nullish(),
  mimeType: fields.mimeType,
  fileSize: fields.fileSize,
}).refine((v) => Boolean(v.channelId) !== Boolean(v.taskId), { message: 'give exactly one of channelId or taskId', path: ['channelId'] })
