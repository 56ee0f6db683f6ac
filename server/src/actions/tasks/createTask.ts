import type { z } from 'zod'
import { taskScope } from '../../access/tasks'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { presentTask } from '../../presenters/presentTask'
import { notify } from '../notifications/notify'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { createTaskInput } from './taskSchemas'
import { requireAssignable, requireParent, requirePostableChannel } from './taskRules'

/**
 * Creates a task (or a subtask). The actor must be able to post in its channel; assignees must be
 * active people of the organization and are notified. Emits task.created.
 */
export async function createTask(ctx: ActionContext, raw: z.input<typeof createTaskInput>) {
  const input = parseInput(createTaskInput, raw)
  const channelId = input.channelId ?? null
  if (channelId) await requirePostableChannel(ctx.tx, ctx.actor, channelId)
  if (input.parentTaskId) await requireParent(ctx.tx, ctx.actor, input.parentTaskId, channelId)
  const assigneeIds = [...new Set(input.assigneeIds ?? [])]
  await requireAssignable(ctx.tx, ctx.actor, assigneeIds)

  const task = await ctx.tx.insertInto('tasks').values({
    title: input.title,
    description: input.description ?? null,
    channelId,
    parentTaskId: input.parentTaskId ?? null,
    createdBy: ctx.actor.id,
    assignedTo: assigneeIds,
    priority: input.priority,
    status: input.status,
    complexity: input.complexity,
    estimatedHours: input.estimatedHours ?? null,
    actualHours: null,
    dueDate: input.dueDate ? new Date(input.dueDate) : null,
    completedAt: null,
    tags: input.tags,
    metadata: input.metadata ? JSON.stringify(input.metadata) : undefined,
    deletedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()

  const dto = presentTask(task, ctx.now)
  await emit(ctx, 'task.created', taskScope(task), dto)
  await notify(ctx, {
    userIds: assigneeIds, type: 'task_assigned', title: `New task: ${task.title}`,
    content: `${ctx.actor.name} assigned you "${task.title}".`, entityType: 'task', entityId: task.id,
    priority: task.priority === 'urgent' || task.priority === 'critical' ? 'urgent' : 'medium',
  })
  await audit(ctx, { action: 'task.create', entityType: 'task', entityId: task.id, after: dto })
  return task
}
