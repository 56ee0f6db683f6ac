import type { z } from 'zod'
import { requireTask } from '../../access/tasks'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { assigneesInput } from './taskSchemas'
import { updateTask } from './updateTask'

/** Adds assignees to a task (ASSIGN_USER with a task). New assignees are notified by updateTask. */
export async function assignTaskUsers(ctx: ActionContext, taskId: string, raw: z.input<typeof assigneesInput>) {
  const { userIds } = parseInput(assigneesInput, raw)
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  return updateTask(ctx, taskId, { assigneeIds: [...new Set([...task.assignedTo, ...userIds])] })
}

/** Removes assignees from a task (UNASSIGN_USER with a task). */
export async function unassignTaskUsers(ctx: ActionContext, taskId: string, raw: z.input<typeof assigneesInput>) {
  const { userIds } = parseInput(assigneesInput, raw)
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  return updateTask(ctx, taskId, { assigneeIds: task.assignedTo.filter((id) => !userIds.includes(id)) })
}
