import type { z } from 'zod'
import { requireTask, taskScope } from '../../access/tasks'
import { audit } from '../../audit/audit'
import type { Task } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentTask } from '../../presenters/presentTask'
import { notify } from '../notifications/notify'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { updateTaskInput } from './taskSchemas'
import { assertNotBlocked, GATED_STATUSES, GATING_TYPES, OPEN_STATUSES, requireAssignable, requireParent, requirePostableChannel } from './taskRules'

/**
 * Updates a task's fields and status. Starting or completing a task with an open blocks/requires
 * dependency is refused (BLOCKED_BY_DEPENDENCY) unless a manager or the CEO forces it. Completing
 * sets completed_at, notifies the creator, and tells assignees of tasks it unblocked.
 * Emits task.updated (and task.completed when it completes).
 */
export async function updateTask(ctx: ActionContext, taskId: string, raw: z.input<typeof updateTaskInput>) {
  const input = parseInput(updateTaskInput, raw)
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  checkVersion(task, input.version, () => presentTask(task, ctx.now))

  const changes: Partial<Record<keyof Task, unknown>> = {}
  const set = <K extends keyof typeof input & keyof Task>(key: K) => { if (input[key] !== undefined) changes[key] = input[key] }
  set('title'); set('description'); set('priority'); set('complexity');
  if (input.dueDate !== undefined) changes.dueDate = input.dueDate ? new Date(input.dueDate) : null
  set('estimatedHours'); set('actualHours')
  if (input.tags !== undefined) changes.tags = input.tags
  if (input.metadata !== undefined) changes.metadata = JSON.stringify({ ...task.metadata, ...input.metadata })

  const channelId = input.channelId !== undefined ? input.channelId : task.channelId
  if (input.channelId !== undefined && input.channelId !== task.channelId) {
    if (input.channelId) await requirePostableChannel(ctx.tx, ctx.actor, input.channelId)
    changes.channelId = input.channelId
  }
  if (input.parentTaskId !== undefined && input.parentTaskId !== task.parentTaskId) {
    if (input.parentTaskId) await requireParent(ctx.tx, ctx.actor, input.parentTaskId, channelId, task.id)
    changes.parentTaskId = input.parentTaskId
  }
  let added: string[] = []
  if (input.assigneeIds !== undefined) {
    const next = [...new Set(input.assigneeIds)]
    await requireAssignable(ctx.tx, ctx.actor, next)
    added = next.filter((id) => !task.assignedTo.includes(id))
    changes.assignedTo = next
  }

  const statusChanged = input.status !== undefined && input.status !== task.status
  if (statusChanged) {
    const starting = GATED_STATUSES.includes(input.status!) && !GATED_STATUSES.includes(task.status)
    if (starting || input.status === 'completed') await assertNotBlocked(ctx.tx, ctx.actor, task, input.force)
    changes.status = input.status
    changes.completedAt = input.status === 'completed' ? ctx.now : null
  }

  if (!Object.keys(changes).length) return task
  const updated = await ctx.tx.updateTable('tasks')
    .set((eb) => ({ ...(changes as object), version: eb('version', '+', 1), updatedAt: ctx.now }))
    .where('id', '=', task.id).returningAll().executeTakeFirstOrThrow()

  const dto = presentTask(updated, ctx.now)
  await emit(ctx, 'task.updated', taskScope(updated), dto)
  if (taskScope(task).kind !== taskScope(updated).kind || task.channelId !== updated.channelId) {
    // Moved between channels: people who could only see the old channel learn it left.
    await emit(ctx, 'task.updated', taskScope(task), dto)
  }
  if (added.length) {
    await notify(ctx, { userIds: added, type: 'task_assigned', title: `New task: ${updated.title}`,
      content: `${ctx.actor.name} assigned you "${updated.title}".`, entityType: 'task', entityId: updated.id })
  }
  if (statusChanged && updated.status === 'completed') await onCompleted(ctx, updated)
  await audit(ctx, { action: 'task.update', entityType: 'task', entityId: task.id, before: presentTask(task, ctx.now), after: dto,
    ...(input.force ? { metadata: { forced: true } } : {}) })
  return updated
}

async function onCompleted(ctx: ActionContext, task: Task) {
  await emit(ctx, 'task.completed', taskScope(task), presentTask(task, ctx.now))
  if (task.createdBy) {
    await notify(ctx, { userIds: [task.createdBy], type: 'task_completed', title: `Done: ${task.title}`,
      content: `${ctx.actor.name} completed "${task.title}".`, entityType: 'task', entityId: task.id })
  }
  // Dependents whose last open blocker this was are now free to start.
  const dependents = await ctx.tx.selectFrom('taskDependencies as d').innerJoin('tasks as t', 't.id', 'd.taskId')
    .select(['t.id', 't.title', 't.assignedTo'])
    .where('d.dependsOnTaskId', '=', task.id).where('d.dependencyType', 'in', [...GATING_TYPES])
    .where('t.deletedAt', 'is', null).where('t.status', 'in', OPEN_STATUSES).execute()
  for (const dependent of dependents) {
    const stillBlocked = await ctx.tx.selectFrom('taskDependencies as d').innerJoin('tasks as b', 'b.id', 'd.dependsOnTaskId')
      .select('b.id').where('d.taskId', '=', dependent.id).where('d.dependencyType', 'in', [...GATING_TYPES])
      .where('b.deletedAt', 'is', null).where('b.status', 'in', OPEN_STATUSES).executeTakeFirst()
    if (stillBlocked) continue
    await notify(ctx, { userIds: dependent.assignedTo, type: 'dependency_unblocked', title: `Unblocked: ${dependent.title}`,
      content: `"${task.title}" is done, so "${dependent.title}" can start.`, entityType: 'task', entityId: dependent.id })
  }
}
