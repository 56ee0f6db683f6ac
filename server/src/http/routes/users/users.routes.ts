import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createUser } from '../../../actions/users/createUser'
import { deactivateUser } from '../../../actions/users/deactivateUser'
import { updateUser } from '../../../actions/users/updateUser'
import { createUserInput, roleSchema, updateUserInput } from '../../../actions/users/userSchemas'
import { requireUser } from '../../../access/requireUser'
import { presentSelf, presentUser } from '../../../presenters/presentUser'
import { listUsers } from '../../../queries/listUsers'
import { pageQuery } from '../../../queries/pagination'
import { actorOf } from '../../plugins/auth'
import { notFound } from '../../errors'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'

export function userRoutes(app: FastifyInstance, { services, actors, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['users']

  r.post('/api/v1/users', { schema: { tags, summary: 'Create a user (CEO; managers create staff)', body: createUserInput } },
    async (req, reply) => reply.code(201).send(presentUser(await run(req, (ctx) => createUser(ctx, req.body)))))

  r.get('/api/v1/users', {
    schema: { tags, summary: 'List people', querystring: pageQuery.extend({
      q: z.string().max(200).optional(), role: roleSchema.optional(),
      includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }) },
  }, async (req) => listUsers(db, actorOf(req), req.query))

  r.get('/api/v1/users/me', { schema: { tags, summary: 'The signed-in user with preferences' } }, async (req) => {
    const user = await actors.user(actorOf(req).id)
    if (!user) throw notFound('user')
    return presentSelf(user)
  })

  r.get('/api/v1/users/:id', { schema: { tags, summary: 'One user', params: idParams } },
    async (req) => presentUser(await requireUser(db, actorOf(req), req.params.id)))

  r.patch('/api/v1/users/:id', { schema: { tags, summary: 'Update profile and preferences', params: idParams, body: updateUserInput } },
    async (req) => {
      const user = await run(req, (ctx) => updateUser(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))
      actors.invalidate(user.id)
      return user.id === actorOf(req).id ? presentSelf(user) : presentUser(user)
    })

  r.patch('/api/v1/users/me', { schema: { tags, summary: 'Update my profile and preferences', body: updateUserInput } },
    async (req) => {
      const user = await run(req, (ctx) => updateUser(ctx, actorOf(req).id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))
      actors.invalidate(user.id)
      return presentSelf(user)
    })

  r.delete('/api/v1/users/:id', { schema: { tags, summary: 'Deactivate a user', params: idParams } },
    async (req) => {
      const user = await run(req, (ctx) => deactivateUser(ctx, req.params.id))
      actors.invalidate(user.id)
      return presentUser(user)
    })
}
