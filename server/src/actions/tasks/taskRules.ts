import type { Kysely } from 'kysely'
import type { Actor } from '../context'
import type { DB, TaskStatus } from '../../db/schema'
import { requireTask } from '../../access/tasks'
import { requireChannel } from '../../access/channels'
import { AppError, invalid } from '../../http/errors'

/** Statuses that still need work; a blocker in one of these holds up its dependents. */
export const OPEN_STATUSES: TaskStatus[] = ['pending', 'in_progress', 'review']
/** Moving into these means work has started or ended, which an open blocker forbids. */
export const GATED_STATUSES: TaskStatus[] = ['in_progress', 'review', 'completed']
/** Dependency types that gate progress. follows and parallel only describe order and grouping. */
export const GATING_TYPES = ['blocks', 'requires'] as const

/** Open blockers of a task: what it depends on through blocks/requires that is not done yet. */
export async function openBlockers(db: Kysely<DB>, taskId: string) {
  return db.selectFrom('taskDependencies as d')
    .innerJoin('tasks as b', 'b.id', 'd.dependsOnTaskId')
    .select(['b.id', 'b.title', 'b.status', 'd.dependencyType'])
    .where('d.taskId', '=', taskId).where('d.dependencyType', 'in', [...GATING_TYPES])
    .where('b.deletedAt', 'is', null).where('b.status', 'in', OPEN_STATUSES)
    .execute()
}

export async function assertNotBlocked(db: Kysely<DB>, actor: Actor, task: { id: string; title: string }, force: boolean | undefined) {
  const blockers = await openBlockers(db, task.id)
  if (!blockers.length) return
  if (force && (actor.role === 'ceo' || actor.role === 'manager')) return
  if (force) throw new AppError('FORBIDDEN', 'Only managers and the CEO can force a task past an open blocker.')
  const names = blockers.map((b) => `"${b.title}"`).join(', ')
  throw new AppError('BLOCKED_BY_DEPENDENCY',
    `"${task.title}" is blocked by ${names}; finish ${blockers.length > 1 ? 'them' : 'it'} first${actor.role === 'staff' ? '' : ' or force it'}.`,
    { blockers: blockers.map((b) => ({ id: b.id, title: b.title, status: b.status, dependencyType: b.dependencyType })) })
}

/** Users must exist in the organization and be active to be assigned. */
export async function requireAssignable(db: Kysely<DB>, actor: Actor, userIds: string[]) {
  if (!userIds.length) return
  const found = await db.selectFrom('users').select('id').where('id', 'in', userIds)
    .where('organizationId', '=', actor.organizationId).where('deactivatedAt', 'is', null).where('deletedAt', 'is', null).execute()
  const missing = userIds.filter((id) => !found.some((f) => f.id === id))
  if (missing.length) throw new AppError('NOT_FOUND', `No active user with id ${missing.join(', ')}.`)
}

/** A parent must be visible, in the same channel, and not make the task its own ancestor. */
export async function requireParent(db: Kysely<DB>, actor: Actor, parentTaskId: string, channelId: string | null, selfId?: string) {
  const parent = await requireTask(db, actor, parentTaskId)
  if (parent.channelId !== channelId) throw invalid('A subtask must be in the same channel as its parent.', [{ field: 'parentTaskId', message: 'is in another channel' }])
  if (selfId) {
    let cursor: string | null = parent.id
    for (let depth = 0; cursor && depth < 100; depth++) {
      if (cursor === selfId) throw new AppError('CONFLICT', 'A task cannot be a subtask of itself or of its own subtasks.')
      const row: { parentTaskId: string | null } | undefined = await db.selectFrom('tasks').select('parentTaskId').where('id', '=', cursor).executeTakeFirst()
      cursor = row?.parentTaskId ?? null
    }
  }
  return parent
}

export async function requirePostableChannel(db: Kysely<DB>, actor: Actor, channelId: string) {
  return requireChannel(db, actor, channelId, 'post')
}
