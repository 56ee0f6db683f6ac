import type { Actor } from '../actions/context'
import { requireChannel } from '../access/channels'
import { OPEN_STATUSES } from '../actions/tasks/taskRules'
import type { Database } from '../db/database'
import { presentTask } from '../presenters/presentTask'

/**
 * The critical path of a channel: the longest chain of open tasks linked by ordering
 * dependencies (blocks, requires, follows), weighted by estimated hours (1 when unknown).
 * Longest path in a DAG: a topological order, then one relaxation pass.
 */
export async function criticalPath(db: Database, actor: Actor, channelId: string, now = new Date()) {
  await requireChannel(db, actor, channelId)
  const tasks = await db.selectFrom('tasks').selectAll().where('channelId', '=', channelId)
    .where('deletedAt', 'is', null).where('status', 'in', OPEN_STATUSES).execute()
  const byId = new Map(tasks.map((t) => [t.id, t]))
  const edges = tasks.length ? await db.selectFrom('taskDependencies').select(['taskId', 'dependsOnTaskId'])
    .where('taskId', 'in', [...byId.keys()]).where('dependsOnTaskId', 'in', [...byId.keys()])
    .where('dependencyType', 'in', ['blocks', 'requires', 'follows']).execute() : []

  const weight = (id: string) => Number(byId.get(id)!.estimatedHours ?? 1) || 1
  const next = new Map<string, string[]>() // prerequisite → dependents
  const indegree = new Map<string, number>([...byId.keys()].map((id) => [id, 0]))
  for (const e of edges) {
    next.set(e.dependsOnTaskId, [...(next.get(e.dependsOnTaskId) ?? []), e.taskId])
    indegree.set(e.taskId, indegree.get(e.taskId)! + 1)
  }
  const best = new Map<string, { length: number; previous: string | null }>()
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id)
  for (const id of queue) best.set(id, { length: weight(id), previous: null })
  while (queue.length) {
    const id = queue.shift()!
    for (const dependent of next.get(id) ?? []) {
      const candidate = best.get(id)!.length + weight(dependent)
      if (!best.has(dependent) || candidate > best.get(dependent)!.length) best.set(dependent, { length: candidate, previous: id })
      indegree.set(dependent, indegree.get(dependent)! - 1)
      if (indegree.get(dependent) === 0) queue.push(dependent)
    }
  }
  let end: string | null = null
  for (const [id, b] of best) if (!end || b.length > best.get(end)!.length) end = id
  const path: string[] = []
  for (let id = end; id; id = best.get(id)!.previous) path.unshift(id)
  return {
    channelId,
    tasks: path.map((id) => presentTask(byId.get(id)!, now)),
    totalHours: end ? best.get(end)!.length : 0,
    length: path.length,
  }
}
