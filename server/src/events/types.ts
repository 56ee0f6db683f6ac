/**
 * Event types and their visibility scopes. The web app imports these too, so the wire contract
 * is declared once. Payloads are the presenters' wire format (see presenters/).
 */
export const eventTypes = [
  'user.created', 'user.updated', 'user.deactivated',
  'category.created', 'category.updated', 'category.deleted',
  'channel.created', 'channel.updated', 'channel.archived', 'channel.member_added', 'channel.member_removed',
  'channel.read',
  'channel.relationship_created', 'channel.relationship_deleted',
  'task.created', 'task.updated', 'task.deleted', 'task.assigned', 'task.unassigned', 'task.completed',
  'dependency.created', 'dependency.deleted',
  'message.created', 'message.updated', 'message.deleted',
  'resource.created', 'resource.updated', 'resource.deleted', 'resource.shared', 'resource.unshared', 'resource.processing',
  'notification.created', 'notification.read',
  'command.started', 'command.progress', 'command.completed', 'command.failed', 'command.undone',
  'presence.changed', 'typing.started',
] as const

export type EventType = (typeof eventTypes)[number]

/**
 * Who may see an event. Checked again at fan-out time against current membership, so removing
 * someone from a private channel stops delivery at once.
 * - org: everyone in the organization
 * - channel: whoever can currently see the channel (members for private/restricted; the CEO)
 * - users: exactly these users
 */
export type EventScope =
  | { kind: 'org' }
  | { kind: 'channel'; channelId: string }
  | { kind: 'users'; userIds: string[] }

/** An event as clients receive it. */
export interface BatonEvent<T = unknown> {
  id: number
  type: EventType
  at: string
  actor?: string
  data: T
}
