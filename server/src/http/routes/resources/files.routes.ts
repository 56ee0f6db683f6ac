import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireResource } from '../../../access/resources'
import type { ActionContext } from '../../../actions/context'
import { attachFile, fileNameOf } from '../../../actions/resources/attachFile'
import { createFile } from '../../../actions/resources/createFile'
import { presentResource } from '../../../presenters/presentResource'
import { visibleLinks } from '../../../queries/listResources'
import { FileMissingError } from '../../../storage/fileStorage'
import { AppError, invalid } from '../../errors'
import { actorOf } from '../../plugins/auth'
import { receiveUpload, type ReceivedUpload } from '../../uploads'
import { idParams } from '../common'
import type { RouteDeps } from '../types'

const uuid = z.uuid({ message: 'must be a UUID' })
/** The form fields that go with a new file (POST /resources as multipart). */
const newFileFields = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(5000).optional(),
  channelId: uuid.optional(),
  taskId: uuid.optional(),
}).refine((v) => !(v.channelId && v.taskId), { message: 'give at most one of channelId or taskId', path: ['channelId'] })

/** Shown in the browser rather than downloaded; never HTML or SVG (they could run script on our origin). */
const INLINE = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/[\w.+-]+|video\/(mp4|webm)|text\/plain)$/

/**
 * File bytes: upload a new file (POST /resources as multipart, see resources.routes), upload the
 * file of an existing resource (a pending upload, or a replacement), and download. Uploads are
 * streamed into storage before the transaction; if the transaction fails the bytes are removed.
 * After commit the file pipeline is kicked to process them.
 */
export function filesRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['resources']

  r.put('/api/v1/resources/:id/content', {
    schema: { tags, summary: 'Upload the file of a resource: completes a pending upload or replaces the file (multipart `file`)', params: idParams, consumes: ['multipart/form-data'] },
  }, async (req) => {
    const upload = await receiveUpload(req, services.storage, services.config.maxUploadBytes)
    const resource = await withUpload(upload, req, async (ctx) => {
      const { resource, replacedKey } = await attachFile(ctx, req.params.id, upload.file)
      if (replacedKey) ctx.afterCommit(() => services.storage.remove(replacedKey))
      return resource
    })
    return presentResource(resource, await visibleLinks(services.database.db, actorOf(req), [resource.id]))
  })

  r.get('/api/v1/resources/:id/content', { schema: { tags, summary: 'Download a resource\'s file', params: idParams } }, async (req, reply) => {
    const resource = await requireResource(services.database.db, actorOf(req), req.params.id, 'see')
    if (!resource.storageKey) {
      throw new AppError('NOT_FOUND', resource.status === 'pending_upload' ? `"${resource.name}" is waiting for its file to be uploaded.` : `"${resource.name}" has no file.`)
    }
    return sendFile(req, reply, resource.storageKey, {
      name: fileNameOf(resource), mimeType: resource.mimeType ?? 'application/octet-stream',
      size: resource.fileSize === null ? null : Number(resource.fileSize), sha256: resource.sha256,
    })
  })

  /** Runs the transaction for an upload; the stored bytes are removed if it fails. */
  async function withUpload<T>(upload: ReceivedUpload, req: FastifyRequest, fn: (ctx: ActionContext) => Promise<T>): Promise<T> {
    try {
      const result = await run(req, fn)
      services.files.kick()
      return result
    } catch (error) {
      await services.storage.remove(upload.file.storageKey)
      throw error
    }
  }

  async function sendFile(req: FastifyRequest, reply: FastifyReply, key: string, file: { name: string; mimeType: string; size: number | null; sha256: string | null }) {
    const etag = file.sha256 ? `"${file.sha256}"` : null
    if (etag && req.headers['if-none-match'] === etag) return reply.code(304).send()
    let stream
    try { stream = await services.storage.read(key) } catch (error) {
      if (error instanceof FileMissingError) throw new AppError('NOT_FOUND', `The file of "${file.name}" is missing from storage.`)
      throw error
    }
    const inline = INLINE.test(file.mimeType) && (req.query as { download?: string }).download === undefined
    reply.header('content-type', file.mimeType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
      .header('cache-control', 'private, max-age=0, must-revalidate')
    if (etag) reply.header('etag', etag)
    if (file.size !== null) reply.header('content-length', String(file.size))
    return reply.send(stream)
  }

  return {
    /** POST /resources with a file: a new resource, linked to a channel or task when one is given. */
    async createWithFile(req: FastifyRequest) {
      const upload = await receiveUpload(req, services.storage, services.config.maxUploadBytes)
      const parsed = newFileFields.safeParse(upload.fields)
      if (!parsed.success) {
        await services.storage.remove(upload.file.storageKey)
        throw invalid('The upload is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })))
      }
      const { name = upload.file.fileName ?? 'upload', ...where } = parsed.data
      const resource = await withUpload(upload, req, (ctx) => createFile(ctx, { name, ...where }, upload.file))
      return presentResource(resource, await visibleLinks(services.database.db, actorOf(req), [resource.id]))
    },
  }
}
