import type { Notification } from '../db/schema'

export function presentNotification(n: Notification) {
  return {
    id: n.id,
    userId: n.userId,
    title: n.title,
    content: n.content,
    type: n.type,
    entityType: n.entityType,
    entityId: n.entityId,
    priority: n.priority,
    read: n.readAt !== null,
    readAt: n.readAt?.toISOString() ?? null,
    scheduledFor: n.scheduledFor?.toISOString() ?? null,
    sentAt: n.sentAt?.toISOString() ?? null,
    metadata: n.metadata,
    createdAt: n.createdAt.toISOString(),
  }
}
