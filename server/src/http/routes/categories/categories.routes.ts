import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { createCategory } from '../../../actions/categories/createCategory'
import { deleteCategory } from '../../../actions/categories/deleteCategory'
import { requireCategory } from '../../../actions/categories/categoryRules'
import { createCategoryInput, updateCategoryInput } from '../../../actions/categories/categorySchemas'
import { updateCategory } from '../../../actions/categories/updateCategory'
import { presentCategory } from '../../../presenters/presentCategory'
import { listCategories, listCategoriesQuery } from '../../../queries/listCategories'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'

export function categoriesRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['categories']

  r.post('/api/v1/categories', { schema: { tags, summary: 'Create a category (CEO and managers)', body: createCategoryInput } },
    async (req, reply) => reply.code(201).send(presentCategory(await run(req, (ctx) => createCategory(ctx, req.body)))))

  r.get('/api/v1/categories', { schema: { tags, summary: 'List categories by name', querystring: listCategoriesQuery } },
    async (req) => listCategories(db, req.query))

  r.get('/api/v1/categories/:id', { schema: { tags, summary: 'One category', params: idParams } },
    async (req) => presentCategory(await requireCategory(db, req.params.id)))

  r.patch('/api/v1/categories/:id', { schema: { tags, summary: 'Edit a category (version in body or If-Match)', params: idParams, body: updateCategoryInput } },
    async (req) => presentCategory(await run(req, (ctx) => updateCategory(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))))

  r.delete('/api/v1/categories/:id', { schema: { tags, summary: 'Delete a category (CEO); its channels move to no category', params: idParams } },
    async (req, reply) => {
      await run(req, (ctx) => deleteCategory(ctx, req.params.id, { version: versionFrom(req.headers) }))
      return reply.code(204).send()
    })
}
