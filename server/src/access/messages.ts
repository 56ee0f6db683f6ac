import type { Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { Channel, DB, Message, Task } from '../db/schema'
import type { EventScope } from '../events/types'
import { notFound } from '../http/errors'
import { requireChannel } from './channels'
import { requireTask, taskScope } from './tasks'

/**
 * Message visibility follows where the message lives: a channel message is visible to whoever can
 * see the channel; a task message to whoever can see the task (which follows the task's channel,
 * or the whole organization for a task with no channel). Unseen messages are 404.
 */
export interface Conversation {
  channel: Channel | null
  task: Task | null
  /** Where this conversation's events go. */
  scope: EventScope
  /** The channel whose audience can read it (a task's channel), or null for the whole organization. */
  audienceChannel: Channel | null
}

/**
 * Loads a channel or task conversation the actor may read ('see') or write in ('post'). Posting on a
 * task in a channel also needs the right to post in that channel (archived or restricted channels).
 */
export async function requireConversation(db: Kysely<DB>, actor: Actor, target: { channelId?: string | null; taskId?: string | null },
  access: 'see' | 'post'): Promise<Conversation> {
  if (target.channelId) {
    const channel = await requireChannel(db, actor, target.channelId, access)
    return { channel, task: null, scope: { kind: 'channel', channelId: channel.id }, audienceChannel: channel }
  }
  const task = await requireTask(db, actor, target.taskId!, 'see')
  const audienceChannel = task.channelId ? await requireChannel(db, actor, task.channelId, access) : null
  return { channel: null, task, scope: taskScope(task), audienceChannel }
}

/** Loads a message the actor can see, with its conversation (soft-deleted messages are 404 unless asked for). */
export async function requireMessage(db: Kysely<DB>, actor: Actor, messageId: string, options: { includeDeleted?: boolean } = {})
  : Promise<{ message: Message; conversation: Conversation }> {
  let query = db.selectFrom('messages').selectAll().where('id', '=', messageId)
  if (!options.includeDeleted) query = query.where('deletedAt', 'is', null)
  const message = await query.executeTakeFirst()
  if (!message) throw notFound('message', messageId)
  try {
    const conversation = await requireConversation(db, actor, message, 'see')
    return { message, conversation }
  } catch {
    throw notFound('message', messageId)
  }
}

/** The active people of the organization who can read a conversation (mention candidates). */
export async function conversationAudience(db: Kysely<DB>, actor: Actor, conversation: Conversation) {
  let query = db.selectFrom('users').select(['users.id', 'users.name', 'users.email'])
    .where('users.organizationId', '=', actor.organizationId).where('users.deletedAt', 'is', null).where('users.deactivatedAt', 'is', null)
  const channel = conversation.audienceChannel
  if (channel && channel.privacy !== 'public') {
    query = query.where((eb) => eb.or([
      eb('users.role', '=', 'ceo'),
      eb.exists(eb.selectFrom('channelMembers').select('channelMembers.userId')
        .whereRef('channelMembers.userId', '=', 'users.id').where('channelMembers.channelId', '=', channel.id)),
    ]))
  }
  return query.execute()
}
