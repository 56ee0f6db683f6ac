import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { DB, Task } from '../db/schema'
import type { EventScope } from '../events/types'
import { can } from './permissions'
import { forbidden, notFound } from '../http/errors'
import { requireChannel } from './channels'

/**
 * Task visibility follows its channel: a task in a channel is visible to whoever can see the
 * channel; a task with no channel belongs to the whole organization.
 * Editing: the CEO and managers edit any task they can see; staff edit tasks they created or are
 * assigned to.
 */
export type TaskAccess = 'see' | 'edit'

export async function requireTask(db: Kysely<DB>, actor: Actor, taskId: string, access: TaskAccess = 'see'): Promise<Task> {
  const task = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).where('deletedAt', 'is', null).executeTakeFirst()
  if (!task) throw notFound('task', taskId)
  if (task.channelId) {
    try { await requireChannel(db, actor, task.channelId, 'see') } catch { throw notFound('task', taskId) }
  }
  if (access === 'edit' && !canEditTask(actor, task)) throw forbidden(`You cannot change "${task.title}": it is neither yours nor assigned to you.`)
  return task
}

export function canEditTask(actor: Actor, task: Pick<Task, 'createdBy' | 'assignedTo'>): boolean {
  return can(actor, 'task.edit.others') || task.createdBy === actor.id || task.assignedTo.includes(actor.id)
}

/** Where a task's events go. */
export function taskScope(task: Pick<Task, 'channelId'>): EventScope {
  return task.channelId ? { kind: 'channel', channelId: task.channelId } : { kind: 'org' }
}

/** A where-clause for `tasks` rows the actor can see (use in every task list). */
export function visibleTaskFilter(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'tasks'>) => {
    if (can(actor, 'channel.see_all_private')) return eb('tasks.deletedAt', 'is', null)
    return eb.and([
      eb('tasks.deletedAt', 'is', null),
      eb.or([
        eb('tasks.channelId', 'is', null),
        eb('tasks.channelId', 'in', eb.selectFrom('channels').select('channels.id').where('channels.deletedAt', 'is', null)
          .where((c) => c.or([
            c('channels.privacy', '=', 'public'),
            c.exists(c.selectFrom('channelMembers').select('channelMembers.userId')
              .whereRef('channelMembers.channelId', '=', 'channels.id').where('channelMembers.userId', '=', actor.id)),
          ]))),
      ]),
    ])
  }
}
