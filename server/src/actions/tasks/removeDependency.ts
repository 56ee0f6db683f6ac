import { requireTask, taskScope } from '../../access/tasks'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { notFound } from '../../http/errors'
import { presentDependency } from '../../presenters/presentTask'
import type { ActionContext } from '../context'

/** Removes one dependency of a task. Emits dependency.deleted. */
export async function removeDependency(ctx: ActionContext, taskId: string, dependencyId: string) {
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  const dep = await ctx.tx.deleteFrom('taskDependencies').where('id', '=', dependencyId)
    .where((eb) => eb.or([eb('taskId', '=', task.id), eb('dependsOnTaskId', '=', task.id)])).returningAll().executeTakeFirst()
  if (!dep) throw notFound('dependency', dependencyId)
  const dto = presentDependency(dep)
  await emit(ctx, 'dependency.deleted', taskScope(task), dto)
  await audit(ctx, { action: 'dependency.delete', entityType: 'task', entityId: task.id, before: dto })
  return dep
}
