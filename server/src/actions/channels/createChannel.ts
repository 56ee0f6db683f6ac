import type { z } from 'zod'
import { can } from '../../access/permissions'
import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import type { Category, ChannelRelationship } from '../../db/schema'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentOneChannel } from '../../queries/channelFacts'
import { createCategory } from '../categories/createCategory'
import { findCategoryByName, requireCategory } from '../categories/categoryRules'
import { notify } from '../notifications/notify'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { othersThanActor, requireActiveUsers } from './channelRules'
import { createChannelInput } from './channelSchemas'
import { linkChannels } from './linkChannels'

/**
 * Creates a channel (CEO and managers). The creator becomes its owner; `memberIds` join as members
 * and get a channel_invite notification. `categoryName` finds a category case-insensitively or
 * creates it (category.created); `parentChannelId` links the new channel as its child.
 * Emits channel.created (channel scope: members of a private channel, everyone for a public one).
 * The initial members are part of channel.created (memberCount), not separate member_added events.
 */
export async function createChannel(ctx: ActionContext, raw: z.input<typeof createChannelInput>) {
  const input = parseInput(createChannelInput, raw)
  if (!can(ctx.actor, 'channel.create')) throw forbidden(`A ${ctx.actor.role} cannot create channels.`)

  let category: (Category & { created: boolean }) | null = null
  if (input.categoryId) category = { ...await requireCategory(ctx.tx, input.categoryId), created: false }
  else if (input.categoryName) {
    const found = await findCategoryByName(ctx.tx, input.categoryName)
    category = found ? { ...found, created: false } : { ...await createCategory(ctx, { name: input.categoryName }), created: true }
  }
  const memberIds = othersThanActor(ctx.actor, input.memberIds ?? [])
  await requireActiveUsers(ctx.tx, ctx.actor, memberIds)
  if (input.parentChannelId) await requireChannel(ctx.tx, ctx.actor, input.parentChannelId, 'see')

  const channel = await ctx.tx.insertInto('channels').values({
    name: input.name,
    description: input.description ?? null,
    categoryId: category?.id ?? null,
    createdBy: ctx.actor.id,
    channelType: input.channelType,
    privacy: input.privacy,
    metadata: input.metadata ? JSON.stringify(input.metadata) : undefined,
    archivedAt: null,
    deletedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const members = await ctx.tx.insertInto('channelMembers').values([
    { channelId: channel.id, userId: ctx.actor.id, role: 'owner' as const, addedBy: ctx.actor.id, lastReadAt: null, createdAt: ctx.now, updatedAt: ctx.now },
    ...memberIds.map((userId) => ({ channelId: channel.id, userId, role: 'member' as const, addedBy: ctx.actor.id, lastReadAt: null, createdAt: ctx.now, updatedAt: ctx.now })),
  ]).returningAll().execute()

  const dto = await presentOneChannel(ctx.tx, channel)
  await emit(ctx, 'channel.created', { kind: 'channel', channelId: channel.id }, dto)
  let relationship: ChannelRelationship | null = null
  if (input.parentChannelId) {
    relationship = await linkChannels(ctx, { channelId: input.parentChannelId, relatedChannelId: channel.id, relationshipType: 'parent_child' })
  }
  await notify(ctx, {
    userIds: memberIds, type: 'channel_invite', title: `You were added to ${channel.name}`,
    content: `${ctx.actor.name} added you to the channel ${channel.name}.`, entityType: 'channel', entityId: channel.id,
  })
  await audit(ctx, { action: 'channel.create', entityType: 'channel', entityId: channel.id, after: dto, metadata: { memberIds } })
  return { channel, category, members, relationship }
}
