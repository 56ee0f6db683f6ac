import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createResource } from '../../../actions/resources/createResource'
import { deleteResource } from '../../../actions/resources/deleteResource'
import { createResourceInput, shareResourceBody, updateResourceInput } from '../../../actions/resources/resourceSchemas'
import { shareResource } from '../../../actions/resources/shareResource'
import { unshareResource } from '../../../actions/resources/unshareResource'
import { updateResource } from '../../../actions/resources/updateResource'
import { presentResource, presentResourceLink } from '../../../presenters/presentResource'
import { getResource, listEntityResources, listResources, listResourcesQuery, visibleLinks } from '../../../queries/listResources'
import { actorOf } from '../../plugins/auth'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'
import { filesRoutes } from './files.routes'
import { AppError } from '../../errors'

export function resourcesRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { services, run } = deps
  const files = filesRoutes(app, deps)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['resources']

  r.post('/api/v1/resources', {
    schema: { tags, summary: 'Create a shared resource: JSON metadata, or multipart/form-data with a `file` (and name, description, channelId or taskId) to upload one', body: createResourceInput.nullish() },
  }, async (req, reply) => {
    if (req.isMultipart()) return reply.code(201).send(await files.createWithFile(req))
    if (!req.body) throw new AppError('VALIDATION_FAILED', 'Send the resource as JSON, or a file as multipart/form-data.')
    return reply.code(201).send(presentResource(await run(req, (ctx) => createResource(ctx, req.body!)), []))
  })

  r.get('/api/v1/resources', { schema: { tags, summary: 'Resources you can see, newest first (q, type)', querystring: listResourcesQuery } },
    async (req) => listResources(db, actorOf(req), req.query))

  r.get('/api/v1/resources/:id', { schema: { tags, summary: 'One resource with its links', params: idParams } },
    async (req) => getResource(db, actorOf(req), req.params.id))

  r.patch('/api/v1/resources/:id', { schema: { tags, summary: 'Update a resource (uploader, managers, CEO)', params: idParams, body: updateResourceInput } },
    async (req) => {
      const resource = await run(req, (ctx) => updateResource(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))
      return presentResource(resource, await visibleLinks(db, actorOf(req), [resource.id]))
    })

  r.delete('/api/v1/resources/:id', { schema: { tags, summary: 'Delete a resource (uploader, managers, CEO)', params: idParams } },
    async (req, reply) => {
      const deleted = await run(req, (ctx) => deleteResource(ctx, req.params.id))
      // The bytes of a deleted file are not kept (the row stays, soft-deleted, for the audit trail).
      if (deleted.storageKey) await services.storage.remove(deleted.storageKey).catch(() => undefined)
      return reply.code(204).send()
    })

  r.post('/api/v1/resources/:id/links', { schema: { tags, summary: 'Share a resource with a channel, task or category', params: idParams, body: shareResourceBody } },
    async (req, reply) => reply.code(201).send(presentResourceLink(await run(req, (ctx) => shareResource(ctx, { ...req.body, resourceId: req.params.id })))))

  r.delete('/api/v1/resources/:id/links/:linkId', {
    schema: { tags, summary: 'Remove a link', params: idParams.extend({ linkId: z.uuid({ message: 'must be a UUID' }) }) },
  }, async (req, reply) => { await run(req, (ctx) => unshareResource(ctx, req.params.id, req.params.linkId)); return reply.code(204).send() })

  for (const [kind, entityType] of [['channels', 'channel'], ['tasks', 'task']] as const) {
    r.get(`/api/v1/${kind}/:id/resources`, { schema: { tags, summary: `Resources linked to a ${entityType}`, params: idParams, querystring: listResourcesQuery } },
      async (req) => listEntityResources(db, actorOf(req), entityType, req.params.id, req.query))
  }
}
