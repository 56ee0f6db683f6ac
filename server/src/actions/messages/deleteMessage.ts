import { can } from '../../access/permissions'
import { requireMessage } from '../../access/messages'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentMessage } from '../../presenters/presentMessage'
import type { ActionContext } from '../context'

/**
 * Soft-deletes a message: its author, or a manager or the CEO who can see it. Replies stay.
 * Emits message.deleted with the ids a client needs to drop it.
 */
export async function deleteMessage(ctx: ActionContext, messageId: string) {
  const { message, conversation } = await requireMessage(ctx.tx, ctx.actor, messageId)
  if (message.userId !== ctx.actor.id && !can(ctx.actor, 'message.delete.others')) {
    throw forbidden('Only its author, a manager or the CEO can delete a message.')
  }
  const deleted = await ctx.tx.updateTable('messages')
    .set((eb) => ({ deletedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', '=', message.id).returningAll().executeTakeFirstOrThrow()
  await emit(ctx, 'message.deleted', conversation.scope, { id: deleted.id, channelId: deleted.channelId, taskId: deleted.taskId, replyTo: deleted.replyTo })
  await audit(ctx, { action: 'message.delete', entityType: 'message', entityId: message.id, before: presentMessage(message) })
  return deleted
}
