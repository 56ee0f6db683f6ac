import type { Channel, ChannelMember, ChannelMemberRole, ChannelRelationship, User } from '../db/schema'

/**
 * Facts about a channel that live in other tables. `myRole` and `unreadCount` depend on who is
 * looking, so they appear in REST answers only; events carry the viewer-independent fields.
 */
export interface ChannelFacts {
  categoryName: string | null
  memberCount: number
  myRole?: ChannelMemberRole | null
  unreadCount?: number | null
}

/** A channel on the wire (REST and events alike). */
export function presentChannel(channel: Channel, facts: ChannelFacts = { categoryName: null, memberCount: 0 }) {
  return {
    id: channel.id,
    name: channel.name,
    description: channel.description,
    categoryId: channel.categoryId,
    categoryName: facts.categoryName,
    channelType: channel.channelType,
    privacy: channel.privacy,
    status: channel.status,
    archivedAt: channel.archivedAt?.toISOString() ?? null,
    createdBy: channel.createdBy,
    memberCount: facts.memberCount,
    ...(facts.myRole !== undefined ? { myRole: facts.myRole } : {}),
    ...(facts.unreadCount !== undefined ? { unreadCount: facts.unreadCount } : {}),
    metadata: channel.metadata,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
    version: channel.version,
  }
}

/** A membership, with enough of the person to show them. */
export function presentMember(member: ChannelMember, user?: Pick<User, 'id' | 'name' | 'email' | 'role' | 'avatarUrl'>) {
  return {
    channelId: member.channelId,
    userId: member.userId,
    role: member.role,
    addedBy: member.addedBy,
    joinedAt: member.createdAt.toISOString(),
    ...(user ? { user: { id: user.id, name: user.name, email: user.email, role: user.role, avatarUrl: user.avatarUrl } } : {}),
  }
}

/**
 * A relationship between two channels. For parent_child, `channelId` is the parent and
 * `relatedChannelId` the child; the other kinds read "channelId <kind> relatedChannelId".
 */
export function presentRelationship(rel: ChannelRelationship) {
  return {
    id: rel.id,
    channelId: rel.channelId,
    relatedChannelId: rel.relatedChannelId,
    relationshipType: rel.relationshipType,
    metadata: rel.metadata,
    createdBy: rel.createdBy,
    createdAt: rel.createdAt.toISOString(),
  }
}

/**
 * A member's read position in a channel: the answer of POST /channels/{id}/read and the payload of
 * channel.read (sent to that member only). `lastReadAt` null: never marked, everything since they
 * joined counts; `unreadCount` null: not a member, so no read position.
 */
export function presentChannelRead(read: { channelId: string; userId: string; lastReadAt: Date | null; unreadCount: number | null }) {
  return { channelId: read.channelId, userId: read.userId, lastReadAt: read.lastReadAt?.toISOString() ?? null, unreadCount: read.unreadCount }
}

export type ChannelDto = ReturnType<typeof presentChannel>
export type ChannelMemberDto = ReturnType<typeof presentMember>
export type ChannelRelationshipDto = ReturnType<typeof presentRelationship>
export type ChannelReadDto = ReturnType<typeof presentChannelRead>
