import type { z } from 'zod'
import { conversationAudience, requireConversation } from '../../access/messages'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { invalid, notFound } from '../../http/errors'
import { requireResource } from '../../access/resources'
import { presentMessage } from '../../presenters/presentMessage'
import type { ActionContext } from '../context'
import { notify } from '../notifications/notify'
import { parseInput } from '../validate'
import { findMentions } from './mentions'
import { postMessageInput } from './messageSchemas'

/**
 * Posts a message in a channel or on a task (exactly one). The actor must be able to post there;
 * a reply must answer a live message of the same conversation. People it mentions who can read it
 * get a `mention` notification (their settings permitting). A `file` message must name a file
 * (`metadata.resourceId`) its poster can see. Emits message.created.
 */
export async function postMessage(ctx: ActionContext, raw: z.input<typeof postMessageInput>) {
  const input = parseInput(postMessageInput, raw)
  const conversation = await requireConversation(ctx.tx, ctx.actor, input, 'post')
  if (input.replyTo) {
    const parent = await ctx.tx.selectFrom('messages').select('id').where('id', '=', input.replyTo).where('deletedAt', 'is', null)
      .where(input.channelId ? 'channelId' : 'taskId', '=', (input.channelId ?? input.taskId)!).executeTakeFirst()
    if (!parent) throw notFound('message', input.replyTo)
  }
  if (input.messageType === 'file') {
    // A file message points at a file its poster can see (the web app uploads it to the channel first).
    const resourceId = input.metadata?.resourceId
    if (typeof resourceId !== 'string' || !/^[0-9a-f-]{36}$/i.test(resourceId)) {
      throw invalid('A file message needs metadata.resourceId, the id of the file.', [{ field: 'metadata.resourceId', message: 'is required' }])
    }
    await requireResource(ctx.tx, ctx.actor, resourceId, 'see')
  }
  const audience = await conversationAudience(ctx.tx, ctx.actor, conversation)
  const mentions = findMentions(input.content, audience).filter((id) => id !== ctx.actor.id)

  const message = await ctx.tx.insertInto('messages').values({
    channelId: input.channelId ?? null,
    taskId: input.taskId ?? null,
    userId: ctx.actor.id,
    content: input.content,
    messageType: input.messageType,
    metadata: JSON.stringify({ ...input.metadata, ...(mentions.length ? { mentions } : {}) }),
    replyTo: input.replyTo ?? null,
    editedAt: null,
    deletedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()

  const dto = presentMessage(message)
  await emit(ctx, 'message.created', conversation.scope, dto)
  await notifyMentions(ctx, mentions, message.id, input.content, conversation.channel?.name ?? conversation.task?.title ?? '')
  await audit(ctx, { action: 'message.create', entityType: 'message', entityId: message.id, after: dto })
  return message
}

export async function notifyMentions(ctx: ActionContext, userIds: string[], messageId: string, content: string, where: string) {
  if (!userIds.length) return
  await notify(ctx, {
    userIds, type: 'mention', title: `${ctx.actor.name} mentioned you${where ? ` in ${where}` : ''}`,
    content: content.length > 200 ? `${content.slice(0, 197)}...` : content, entityType: 'message', entityId: messageId,
  })
}
