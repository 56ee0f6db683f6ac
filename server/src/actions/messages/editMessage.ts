import type { z } from 'zod'
import { conversationAudience, requireMessage } from '../../access/messages'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentMessage } from '../../presenters/presentMessage'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { findMentions } from './mentions'
import { editMessageInput } from './messageSchemas'
import { notifyMentions } from './postMessage'

/**
 * Edits the text of one's own message (nobody edits another's words, not even the CEO). Sets
 * edited_at and bumps the version; people newly mentioned are notified. Emits message.updated.
 */
export async function editMessage(ctx: ActionContext, messageId: string, raw: z.input<typeof editMessageInput>) {
  const input = parseInput(editMessageInput, raw)
  const { message, conversation } = await requireMessage(ctx.tx, ctx.actor, messageId)
  if (message.userId !== ctx.actor.id) throw forbidden('You can only edit your own messages.')
  checkVersion(message, input.version, () => presentMessage(message))
  if (input.content === message.content) return message

  const before = Array.isArray(message.metadata.mentions) ? (message.metadata.mentions as string[]) : []
  const mentions = findMentions(input.content, await conversationAudience(ctx.tx, ctx.actor, conversation)).filter((id) => id !== ctx.actor.id)
  const { mentions: _old, ...rest } = message.metadata
  const updated = await ctx.tx.updateTable('messages')
    .set((eb) => ({
      content: input.content,
      metadata: JSON.stringify({ ...rest, ...(mentions.length ? { mentions } : {}) }),
      editedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1),
    }))
    .where('id', '=', message.id).returningAll().executeTakeFirstOrThrow()

  const dto = presentMessage(updated)
  await emit(ctx, 'message.updated', conversation.scope, dto)
  await notifyMentions(ctx, mentions.filter((id) => !before.includes(id)), updated.id, input.content,
    conversation.channel?.name ?? conversation.task?.title ?? '')
  await audit(ctx, { action: 'message.update', entityType: 'message', entityId: message.id, before: presentMessage(message), after: dto })
  return updated
}
