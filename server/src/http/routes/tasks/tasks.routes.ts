import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { addDependency } from '../../../actions/tasks/addDependency'
import { assignTaskUsers, unassignTaskUsers } from '../../../actions/tasks/assignTaskUsers'
import { createTask } from '../../../actions/tasks/createTask'
import { deleteTask } from '../../../actions/tasks/deleteTask'
import { removeDependency } from '../../../actions/tasks/removeDependency'
import { addDependencyInput, assigneesInput, createTaskInput, updateTaskInput } from '../../../actions/tasks/taskSchemas'
import { updateTask } from '../../../actions/tasks/updateTask'
import { presentDependency, presentTask } from '../../../presenters/presentTask'
import { criticalPath } from '../../../queries/criticalPath'
import { getTask } from '../../../queries/getTask'
import { listTasks, listTasksQuery } from '../../../queries/listTasks'
import { actorOf } from '../../plugins/auth'
import { idParams, versionFrom } from '../common'
import type { RouteDeps } from '../types'

export function tasksRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['tasks']

  r.post('/api/v1/tasks', { schema: { tags, summary: 'Create a task or subtask', body: createTaskInput } },
    async (req, reply) => reply.code(201).send(presentTask(await run(req, (ctx) => createTask(ctx, req.body)))))

  r.get('/api/v1/tasks', { schema: { tags, summary: 'List tasks with filters, full-text search, sorting and cursor pagination', querystring: listTasksQuery } },
    async (req) => listTasks(db, actorOf(req), req.query))

  r.get('/api/v1/tasks/:id', { schema: { tags, summary: 'A task with its dependencies, dependents, subtasks and progress', params: idParams } },
    async (req) => getTask(db, actorOf(req), req.params.id))

  r.patch('/api/v1/tasks/:id', { schema: { tags, summary: 'Update a task (version in body or If-Match)', params: idParams, body: updateTaskInput } },
    async (req) => presentTask(await run(req, (ctx) => updateTask(ctx, req.params.id, { ...req.body, version: versionFrom(req.headers, req.body.version) }))))

  r.delete('/api/v1/tasks/:id', { schema: { tags, summary: 'Delete a task and its subtasks', params: idParams } },
    async (req, reply) => { await run(req, (ctx) => deleteTask(ctx, req.params.id)); return reply.code(204).send() })

  r.post('/api/v1/tasks/:id/assignees', { schema: { tags, summary: 'Add assignees', params: idParams, body: assigneesInput } },
    async (req) => presentTask(await run(req, (ctx) => assignTaskUsers(ctx, req.params.id, req.body))))

  r.delete('/api/v1/tasks/:id/assignees', { schema: { tags, summary: 'Remove assignees', params: idParams, body: assigneesInput } },
    async (req) => presentTask(await run(req, (ctx) => unassignTaskUsers(ctx, req.params.id, req.body))))

  r.post('/api/v1/tasks/:id/dependencies', { schema: { tags, summary: 'Make this task depend on another (cycles are 409)', params: idParams, body: addDependencyInput } },
    async (req, reply) => reply.code(201).send(presentDependency(await run(req, (ctx) => addDependency(ctx, req.params.id, req.body)))))

  r.delete('/api/v1/tasks/:id/dependencies/:dependencyId', {
    schema: { tags, summary: 'Remove a dependency', params: idParams.extend({ dependencyId: z.uuid({ message: 'must be a UUID' }) }) },
  }, async (req, reply) => { await run(req, (ctx) => removeDependency(ctx, req.params.id, req.params.dependencyId)); return reply.code(204).send() })

  r.get('/api/v1/channels/:id/critical-path', { schema: { tags, summary: 'The longest chain of open dependent tasks in a channel', params: idParams } },
    async (req) => criticalPath(db, actorOf(req), req.params.id))
}
