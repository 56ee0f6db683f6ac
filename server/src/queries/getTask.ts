import type { Actor } from '../actions/context'
import { requireTask, visibleTaskFilter } from '../access/tasks'
import { openBlockers } from '../actions/tasks/taskRules'
import type { Database } from '../db/database'
import { presentTask } from '../presenters/presentTask'

/**
 * One task with its neighbourhood: what it depends on, what depends on it (only tasks the actor
 * can see), its subtasks and the progress derived from them, and its open blockers.
 */
export async function getTask(db: Database, actor: Actor, taskId: string, now = new Date()) {
  const task = await requireTask(db, actor, taskId)
  const [dependsOn, dependents, subtasks, blockers] = await Promise.all([
    db.selectFrom('taskDependencies as d').innerJoin('tasks', 'tasks.id', 'd.dependsOnTaskId')
      .select(['d.id as dependencyId', 'd.dependencyType', 'tasks.id', 'tasks.title', 'tasks.status', 'tasks.dueDate'])
      .where('d.taskId', '=', task.id).where(visibleTaskFilter(actor)).orderBy('d.createdAt').execute(),
    db.selectFrom('taskDependencies as d').innerJoin('tasks', 'tasks.id', 'd.taskId')
      .select(['d.id as dependencyId', 'd.dependencyType', 'tasks.id', 'tasks.title', 'tasks.status', 'tasks.dueDate'])
      .where('d.dependsOnTaskId', '=', task.id).where(visibleTaskFilter(actor)).orderBy('d.createdAt').execute(),
    db.selectFrom('tasks').selectAll().where('parentTaskId', '=', task.id).where(visibleTaskFilter(actor)).orderBy('createdAt').execute(),
    openBlockers(db, task.id),
  ])
  const counted = subtasks.filter((s) => s.status !== 'cancelled')
  const done = counted.filter((s) => s.status === 'completed').length
  const link = (r: (typeof dependsOn)[number]) => ({
    dependencyId: r.dependencyId, dependencyType: r.dependencyType,
    task: { id: r.id, title: r.title, status: r.status, dueDate: r.dueDate?.toISOString() ?? null },
  })
  return {
    ...presentTask(task, now),
    dependsOn: dependsOn.map(link),
    dependents: dependents.map(link),
    subtasks: subtasks.map((s) => presentTask(s, now)),
    progress: { total: counted.length, completed: done, percent: counted.length ? Math.round((100 * done) / counted.length) : null },
    blocked: blockers.length > 0,
    blockedBy: blockers.map((b) => ({ id: b.id, title: b.title, status: b.status })),
  }
}
