import { z } from 'zod'

export const channelType = z.enum(['project', 'department', 'initiative', 'temporary'])
export const channelPrivacy = z.enum(['public', 'private', 'restricted'])
export const channelStatus = z.enum(['active', 'paused', 'archived'])
export const memberRole = z.enum(['owner', 'admin', 'member'])
export const relationshipType = z.enum(['parent_child', 'collaborative', 'sequential', 'competitive'])

const name = z.string().trim().min(1).max(100)
const userIds = z.array(z.uuid()).min(1).max(200)

export const createChannelInput = z.strictObject({
  name,
  description: z.string().max(5000).nullish(),
  categoryId: z.uuid().nullish(),
  /** Find a category by name (case-insensitive), or create it: the command engine's `category`. */
  categoryName: z.string().trim().min(1).max(100).optional(),
  channelType: channelType.optional(),
  privacy: channelPrivacy.optional(),
  memberIds: z.array(z.uuid()).max(200).optional(),
  /** Makes the new channel a child of this one (a parent_child relationship). */
  parentChannelId: z.uuid().nullish(),
  metadata: z.record(z.string(), z.unknown()).optional(),
}).refine((v) => !(v.categoryId && v.categoryName), { message: 'give categoryId or categoryName, not both', path: ['categoryName'] })

export const updateChannelInput = z.strictObject({
  name: name.optional(),
  description: z.string().max(5000).nullable().optional(),
  categoryId: z.uuid().nullable().optional(),
  channelType: channelType.optional(),
  privacy: channelPrivacy.optional(),
  status: channelStatus.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().positive().optional(),
})

export const addMembersInput = z.strictObject({ userIds, role: memberRole.optional() })
export const removeMembersInput = z.strictObject({ userIds })

/** The HTTP body of POST /channels/{id}/relationships; the action also takes `channelId`. */
export const relationshipBody = z.strictObject({ relatedChannelId: z.uuid(), relationshipType })
export const linkChannelsInput = relationshipBody.extend({ channelId: z.uuid() })

/** POST /channels/{id}/read: how far to mark read (a message of the channel); absent, its latest message. */
export const markChannelReadInput = z.strictObject({ upTo: z.uuid().optional() })
