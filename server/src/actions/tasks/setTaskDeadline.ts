import type { ActionContext } from '../context'
import { updateTask } from './updateTask'

/** Sets (or clears) a task's due date: the SET_DEADLINE action, through updateTask's one path. */
export function setTaskDeadline(ctx: ActionContext, taskId: string, dueDate: string | null) {
  return updateTask(ctx, taskId, { dueDate })
}
