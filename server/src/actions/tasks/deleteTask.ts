import { can } from '../../access/permissions'
import { requireTask, taskScope } from '../../access/tasks'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentDependency, presentTask } from '../../presenters/presentTask'
import type { ActionContext } from '../context'

/**
 * Soft-deletes a task with its subtasks; their dependency links go with them (and are announced),
 * so no live task stays blocked by a deleted one. Creators delete their own; managers and the CEO any.
 */
export async function deleteTask(ctx: ActionContext, taskId: string) {
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  if (task.createdBy !== ctx.actor.id && !can(ctx.actor, 'task.delete.others')) throw forbidden('Only the creator, a manager or the CEO can delete a task.')

  const ids = [task.id]
  for (let frontier = [task.id]; frontier.length;) {
    const children = await ctx.tx.selectFrom('tasks').select('id').where('parentTaskId', 'in', frontier).where('deletedAt', 'is', null).execute()
    frontier = children.map((c) => c.id).filter((id) => !ids.includes(id))
    ids.push(...frontier)
  }
  const deps = await ctx.tx.deleteFrom('taskDependencies')
    .where((eb) => eb.or([eb('taskId', 'in', ids), eb('dependsOnTaskId', 'in', ids)])).returningAll().execute()
  for (const dep of deps) await emit(ctx, 'dependency.deleted', taskScope(task), presentDependency(dep))
  const deleted = await ctx.tx.updateTable('tasks').set((eb) => ({ deletedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', 'in', ids).returningAll().execute()
  for (const row of deleted) await emit(ctx, 'task.deleted', taskScope(row), { id: row.id, channelId: row.channelId, parentTaskId: row.parentTaskId })
  await audit(ctx, { action: 'task.delete', entityType: 'task', entityId: task.id, before: presentTask(task, ctx.now), metadata: { removed: ids.length } })
  return deleted
}
