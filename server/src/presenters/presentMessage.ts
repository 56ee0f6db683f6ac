import type { Message } from '../db/schema'

/** A message on the wire (REST and events alike). `mentions` are the user ids it notified. */
export function presentMessage(m: Message) {
  const mentions = Array.isArray(m.metadata.mentions) ? (m.metadata.mentions as string[]) : []
  return {
    id: m.id,
    channelId: m.channelId,
    taskId: m.taskId,
    userId: m.userId,
    content: m.content,
    messageType: m.messageType,
    metadata: m.metadata,
    mentions,
    replyTo: m.replyTo,
    edited: m.editedAt !== null,
    editedAt: m.editedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    version: m.version,
  }
}
