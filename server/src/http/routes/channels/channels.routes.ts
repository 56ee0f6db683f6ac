import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { addChannelMembers } from '../../../actions/channels/addChannelMembers'
import { archiveChannel } from '../../../actions/channels/archiveChannel'
import { addMembersInput, createChannelInput, markChannelReadInput, relationshipBody, removeMembersInput, updateChannelInput } from '../../../actions/channels/channelSchemas'
import { createChannel } from '../../../actions/channels/createChannel'
import { linkChannels } from '../../../actions/channels/linkChannels'
import { markChannelRead } from '../../../actions/channels/markChannelRead'
import { removeChannelMembers } from '../../../actions/channels/removeChannelMembers'
import { unlinkChannels } from '../../../actions/channels/unlinkChannels'
import { updateChannel } from '../../../actions/channels/updateChannel'
import { presentMember, presentRelationship } from '../../../presenters/presentChannel'
import { presentOneChannel } from '../../../queries/channelFacts'
import { getChannel } from '../../../queries/getChannel'
import { listChannelMembers, listChannelMembersQuery } from '../../../queries/listChannelMembers'
import { listChannelRelationships, listChannelRelationshipsQuery } from '../../../queries/listChannelRelationships'
import { listChannels, listChannelsQuery } from '../../../queries/listChannels'
import { actorOf } from '../../plugins/auth'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'

const uuid = z.uuid({ message: 'must be a UUID' })

export function channelsRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['channels']

  r.post('/api/v1/channels', { schema: { tags, summary: 'Create a channel (CEO and managers); the creator owns it', body: createChannelInput } },
    async (req, reply) => {
      const { channel } = await run(req, (ctx) => createChannel(ctx, req.body))
      return reply.code(201).send(await presentOneChannel(db, channel, actorOf(req).id))
    })

  r.get('/api/v1/channels', { schema: { tags, summary: 'Channels you can see, by name, with filters', querystring: listChannelsQuery } },
    async (req) => listChannels(db, actorOf(req), req.query))

  r.get('/api/v1/channels/:id', { schema: { tags, summary: 'One channel', params: idParams } },
    async (req) => getChannel(db, actorOf(req), req.params.id))

  r.patch('/api/v1/channels/:id', { schema: { tags, summary: 'Edit a channel (version in body or If-Match)', params: idParams, body: updateChannelInput } },
    async (req) => {
      const channel = await run(req, (ctx) => updateChannel(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))
      return presentOneChannel(db, channel, actorOf(req).id)
    })

  r.delete('/api/v1/channels/:id', { schema: { tags, summary: 'Archive a channel', params: idParams } },
    async (req) => {
      const channel = await run(req, (ctx) => archiveChannel(ctx, req.params.id, { version: versionFrom(req.headers) }))
      return presentOneChannel(db, channel, actorOf(req).id)
    })

  r.get('/api/v1/channels/:id/members', { schema: { tags, summary: 'Members of a channel', params: idParams, querystring: listChannelMembersQuery } },
    async (req) => listChannelMembers(db, actorOf(req), req.params.id, req.query))

  r.post('/api/v1/channels/:id/members', { schema: { tags, summary: 'Add members (returns the new memberships)', params: idParams, body: addMembersInput } },
    async (req) => ({ items: (await run(req, (ctx) => addChannelMembers(ctx, req.params.id, req.body))).map((m) => presentMember(m)) }))

  r.delete('/api/v1/channels/:id/members', { schema: { tags, summary: 'Remove members (returns the removed memberships)', params: idParams, body: removeMembersInput } },
    async (req) => ({ items: (await run(req, (ctx) => removeChannelMembers(ctx, req.params.id, req.body))).map((m) => presentMember(m)) }))

  r.delete('/api/v1/channels/:id/members/:userId', { schema: { tags, summary: 'Remove one member, or leave', params: idParams.extend({ userId: uuid }) } },
    async (req, reply) => {
      await run(req, (ctx) => removeChannelMembers(ctx, req.params.id, { userIds: [req.params.userId] }))
      return reply.code(204).send()
    })

  r.post('/api/v1/channels/:id/read', {
    schema: { tags, summary: 'Mark the channel read for me, up to a message (default: its latest); never moves back', params: idParams, body: markChannelReadInput.nullish() },
  }, async (req) => run(req, (ctx) => markChannelRead(ctx, req.params.id, req.body ?? {})))

  r.get('/api/v1/channels/:id/relationships', { schema: { tags, summary: 'Relationships of a channel', params: idParams, querystring: listChannelRelationshipsQuery } },
    async (req) => listChannelRelationships(db, actorOf(req), req.params.id, req.query))

  r.post('/api/v1/channels/:id/relationships', { schema: { tags, summary: 'Relate this channel to another', params: idParams, body: relationshipBody } },
    async (req, reply) => reply.code(201).send(presentRelationship(
      await run(req, (ctx) => linkChannels(ctx, { ...req.body, channelId: req.params.id })))))

  r.delete('/api/v1/channels/:id/relationships/:relId', { schema: { tags, summary: 'Remove a relationship', params: idParams.extend({ relId: uuid }) } },
    async (req, reply) => {
      await run(req, (ctx) => unlinkChannels(ctx, req.params.id, req.params.relId))
      return reply.code(204).send()
    })
}
