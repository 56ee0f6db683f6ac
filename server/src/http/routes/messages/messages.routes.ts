import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { requireMessage } from '../../../access/messages'
import { deleteMessage } from '../../../actions/messages/deleteMessage'
import { editMessage } from '../../../actions/messages/editMessage'
import { editMessageInput, postMessageBody } from '../../../actions/messages/messageSchemas'
import { postMessage } from '../../../actions/messages/postMessage'
import { presentMessage } from '../../../presenters/presentMessage'
import { listMessages, listMessagesQuery, listReplies } from '../../../queries/listMessages'
import { actorOf } from '../../plugins/auth'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'

export function messagesRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['messages']

  for (const [kind, key] of [['channels', 'channelId'], ['tasks', 'taskId']] as const) {
    const where = kind === 'channels' ? 'a channel' : 'a task'
    r.post(`/api/v1/${kind}/:id/messages`, { schema: { tags, summary: `Post a message in ${where} (mentions notify)`, params: idParams, body: postMessageBody } },
      async (req, reply) => reply.code(201).send(presentMessage(await run(req, (ctx) => postMessage(ctx, { ...req.body, [key]: req.params.id })))))

    r.get(`/api/v1/${kind}/:id/messages`, { schema: { tags, summary: `Messages of ${where}, newest first; q= full-text search ranked`, params: idParams, querystring: listMessagesQuery } },
      async (req) => listMessages(db, actorOf(req), { [key]: req.params.id }, req.query))
  }

  r.get('/api/v1/messages/:id', { schema: { tags, summary: 'One message', params: idParams } },
    async (req) => presentMessage((await requireMessage(db, actorOf(req), req.params.id)).message))

  r.patch('/api/v1/messages/:id', { schema: { tags, summary: 'Edit your own message (version in body or If-Match)', params: idParams, body: editMessageInput } },
    async (req) => presentMessage(await run(req, (ctx) => editMessage(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))))

  r.delete('/api/v1/messages/:id', { schema: { tags, summary: 'Delete a message (yours; managers and the CEO any)', params: idParams } },
    async (req, reply) => { await run(req, (ctx) => deleteMessage(ctx, req.params.id)); return reply.code(204).send() })

  r.get('/api/v1/messages/:id/replies', { schema: { tags, summary: 'The thread of replies to a message, oldest first', params: idParams, querystring: listMessagesQuery } },
    async (req) => listReplies(db, actorOf(req), req.params.id, req.query))
}
