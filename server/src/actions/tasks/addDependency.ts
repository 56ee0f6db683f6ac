import { sql } from 'kysely'
import type { z } from 'zod'
import { requireTask, taskScope } from '../../access/tasks'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { AppError } from '../../http/errors'
import { presentDependency } from '../../presenters/presentTask'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { addDependencyInput } from './taskSchemas'

/**
 * Makes `taskId` depend on `dependsOnTaskId` ("A blocks B" is task B depending on A). The graph
 * stays acyclic: a dependency that would close a cycle is refused with the cycle named. Writers
 * of the dependency graph take one advisory lock, so two concurrent inserts cannot form a cycle
 * together. Emits dependency.created.
 */
export async function addDependency(ctx: ActionContext, taskId: string, raw: z.input<typeof addDependencyInput>) {
  const input = parseInput(addDependencyInput, raw)
  const task = await requireTask(ctx.tx, ctx.actor, taskId, 'edit')
  const dependsOn = await requireTask(ctx.tx, ctx.actor, input.dependsOnTaskId, 'see')
  if (task.id === dependsOn.id) throw new AppError('DEPENDENCY_CYCLE', `"${task.title}" cannot depend on itself.`)

  await sql`select pg_advisory_xact_lock(hashtext('baton.task_dependencies'))`.execute(ctx.tx)
  const existing = await ctx.tx.selectFrom('taskDependencies').select(['id', 'dependencyType'])
    .where('taskId', '=', task.id).where('dependsOnTaskId', '=', dependsOn.id).executeTakeFirst()
  if (existing) throw new AppError('DUPLICATE', `"${task.title}" already depends on "${dependsOn.title}" (${existing.dependencyType}).`)

  const cycle = await findPath(ctx, dependsOn.id, task.id)
  if (cycle) {
    const titles = await titlesOf(ctx, [task.id, ...cycle])
    const names = [task.id, ...cycle].map((id) => `"${titles.get(id) ?? id}"`)
    throw new AppError('DEPENDENCY_CYCLE', `That would create a cycle: ${names.join(' → ')}.`, { cycle: [task.id, ...cycle] })
  }

  const dep = await ctx.tx.insertInto('taskDependencies').values({
    taskId: task.id, dependsOnTaskId: dependsOn.id, dependencyType: input.dependencyType, createdBy: ctx.actor.id, createdAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentDependency(dep)
  await emit(ctx, 'dependency.created', taskScope(task), dto)
  if (dependsOn.channelId !== task.channelId) await emit(ctx, 'dependency.created', taskScope(dependsOn), dto)
  await audit(ctx, { action: 'dependency.create', entityType: 'task', entityId: task.id, after: dto })
  return dep
}

/** The chain from `from` to `to` along depends-on edges, if there is one: [from, …, to]. */
async function findPath(ctx: ActionContext, from: string, to: string): Promise<string[] | null> {
  const result = await sql<{ path: string[] }>`
    with recursive walk(id, path) as (
      select ${from}::uuid, array[${from}::uuid]
      union all
      select d.depends_on_task_id, w.path || d.depends_on_task_id
      from task_dependencies d
      join walk w on d.task_id = w.id
      join tasks t on t.id = d.depends_on_task_id and t.deleted_at is null
      where not d.depends_on_task_id = any(w.path)
    )
    select path from walk where id = ${to}::uuid limit 1`.execute(ctx.tx)
  return result.rows[0]?.path ?? null
}

async function titlesOf(ctx: ActionContext, ids: string[]) {
  const rows = await ctx.tx.selectFrom('tasks').select(['id', 'title']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.title]))
}
