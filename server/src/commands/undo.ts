import type { Actor } from '../actions/context'
import type { ActionContext } from '../actions/context'
import { inTransaction } from '../actions/transaction'
import { addChannelMembers } from '../actions/channels/addChannelMembers'
import { archiveChannel } from '../actions/channels/archiveChannel'
import { removeChannelMembers } from '../actions/channels/removeChannelMembers'
import { unlinkChannels } from '../actions/channels/unlinkChannels'
import { updateChannel } from '../actions/channels/updateChannel'
import { deleteCategory } from '../actions/categories/deleteCategory'
import { deleteMessage } from '../actions/messages/deleteMessage'
import { cancelReminders } from '../actions/notifications/cancelReminders'
import { deleteResource } from '../actions/resources/deleteResource'
import { unshareResource } from '../actions/resources/unshareResource'
import { deleteTask } from '../actions/tasks/deleteTask'
import { removeDependency } from '../actions/tasks/removeDependency'
import { updateTask } from '../actions/tasks/updateTask'
import type { Database } from '../db/database'
import { emit } from '../events/outbox'
import { AppError } from '../http/errors'
import { presentCommand } from './presentCommand'
import type { ActionResult, UndoStep } from './refs'

const refuse = (message: string) => { throw new AppError('UNDO_NOT_POSSIBLE', message) }

/** Reverses one step, refusing when later changes depend on what the command did. */
async function reverse(ctx: ActionContext, step: UndoStep) {
  switch (step.kind) {
    case 'delete_task': {
      const task = await ctx.tx.selectFrom('tasks').select(['title', 'version', 'deletedAt']).where('id', '=', step.taskId).executeTakeFirst()
      if (!task || task.deletedAt) return
      if (task.version !== step.version) refuse(`"${task.title}" was changed after the command; undo it by hand.`)
      const later = await ctx.tx.selectFrom('messages').select('id').where('taskId', '=', step.taskId).where('deletedAt', 'is', null).executeTakeFirst()
      if (later) refuse(`"${task.title}" has messages now; undo it by hand.`)
      await deleteTask(ctx, step.taskId)
      return
    }
    case 'remove_channel': {
      const channel = await ctx.tx.selectFrom('channels').select(['name', 'status']).where('id', '=', step.channelId).executeTakeFirst()
      if (!channel || channel.status === 'archived') return
      const used = await ctx.tx.selectFrom('messages').select('id').where('channelId', '=', step.channelId).where('deletedAt', 'is', null).executeTakeFirst()
      if (used) refuse(`People have posted in ${channel.name} since; archive it instead.`)
      await archiveChannel(ctx, step.channelId)
      return
    }
    case 'restore_channel': await updateChannel(ctx, step.channelId, { status: 'active' }); return
    case 'delete_category': {
      const used = await ctx.tx.selectFrom('channels').select('id').where('categoryId', '=', step.categoryId).where('status', '!=', 'archived').executeTakeFirst()
      if (!used) await deleteCategory(ctx, step.categoryId)
      return
    }
    case 'remove_members': await removeChannelMembers(ctx, step.channelId, { userIds: step.userIds }); return
    case 'add_members': await addChannelMembers(ctx, step.channelId, { userIds: step.userIds }); return
    case 'set_assignees': await updateTask(ctx, step.taskId, { assigneeIds: step.assigneeIds }); return
    case 'restore_task': {
      const task = await ctx.tx.selectFrom('tasks').select(['title', 'version']).where('id', '=', step.taskId).executeTakeFirst()
      if (!task) return
      if (task.version !== step.version) refuse(`"${task.title}" was changed after the command; undo it by hand.`)
      await updateTask(ctx, step.taskId, { ...step.fields, force: ctx.actor.role !== 'staff' ? true : undefined } as never)
      return
    }
    case 'remove_dependency': {
      const exists = await ctx.tx.selectFrom('taskDependencies').select('id').where('id', '=', step.dependencyId).executeTakeFirst()
      if (exists) await removeDependency(ctx, step.taskId, step.dependencyId)
      return
    }
    case 'delete_message': await deleteMessage(ctx, step.messageId); return
    case 'unshare_resource': await unshareResource(ctx, step.resourceId, step.linkId); return
    case 'delete_resource': await deleteResource(ctx, step.resourceId); return
    case 'remove_relationship': await unlinkChannels(ctx, step.channelId, step.relationshipId); return
    case 'cancel_reminders': await cancelReminders(ctx, step.notificationIds); return
  }
}

/**
 * Reverses a completed command atomically: every step of every action, last first, in one
 * transaction, with the speaker's permissions. Emits command.undone.
 */
export async function undoCommand(deps: { db: Database; onCommit?: () => void }, actor: Actor, commandId: string) {
  const row = await inTransaction(deps.db, { actor, onCommit: deps.onCommit }, async (ctx) => {
    const command = await ctx.tx.selectFrom('commands').selectAll().where('id', '=', commandId).where('userId', '=', actor.id).forUpdate().executeTakeFirst()
    if (!command) throw new AppError('NOT_FOUND', `No command with id ${commandId}.`)
    if (command.status === 'undone') refuse('That command was already undone.')
    if (command.status !== 'completed') refuse(`Only a completed command can be undone; this one is ${command.status.replace('_', ' ')}.`)
    const results = (command.results ?? []) as ActionResult[]
    for (const result of [...results].reverse()) for (const step of [...(result.undo ?? [])].reverse()) await reverse(ctx, step)
    const undone = await ctx.tx.updateTable('commands').set((eb) => ({ status: 'undone', undoneAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', command.id).returningAll().executeTakeFirstOrThrow()
    await emit(ctx, 'command.undone', { kind: 'users', userIds: [actor.id] }, { commandId: command.id })
    return undone
  })
  return presentCommand(row)
}
