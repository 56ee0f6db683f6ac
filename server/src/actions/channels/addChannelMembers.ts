import type { z } from 'zod'
import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { presentMember } from '../../presenters/presentChannel'
import { presentOneChannel } from '../../queries/channelFacts'
import { notify } from '../notifications/notify'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { requireActiveUsers } from './channelRules'
import { addMembersInput } from './channelSchemas'

/**
 * Adds people to a channel (who manages it: the CEO, its creator, its owners/admins), with `role`
 * (default member). People already in it are left as they are; returns only the new memberships.
 * New members get a channel_invite notification.
 *
 * Event: one channel.member_added with scope `{kind:'channel'}`. Fan-out checks membership when
 * it delivers, after commit, so the people just added to a private channel already count as
 * members and receive it (with the channel itself in the payload, to show it at once).
 */
export async function addChannelMembers(ctx: ActionContext, channelId: string, raw: z.input<typeof addMembersInput>) {
  const input = parseInput(addMembersInput, raw)
  const channel = await requireChannel(ctx.tx, ctx.actor, channelId, 'manage')
  const userIds = [...new Set(input.userIds)]
  const users = await requireActiveUsers(ctx.tx, ctx.actor, userIds)
  const added = await ctx.tx.insertInto('channelMembers').values(userIds.map((userId) => ({
    channelId: channel.id, userId, role: input.role ?? 'member', addedBy: ctx.actor.id, lastReadAt: null, createdAt: ctx.now, updatedAt: ctx.now,
  }))).onConflict((oc) => oc.columns(['channelId', 'userId']).doNothing()).returningAll().execute()
  if (!added.length) return added

  const members = added.map((m) => presentMember(m, users.find((u) => u.id === m.userId)))
  await emit(ctx, 'channel.member_added', { kind: 'channel', channelId: channel.id },
    { channelId: channel.id, channel: await presentOneChannel(ctx.tx, channel), members })
  await notify(ctx, {
    userIds: added.map((m) => m.userId), type: 'channel_invite', title: `You were added to ${channel.name}`,
    content: `${ctx.actor.name} added you to the channel ${channel.name}.`, entityType: 'channel', entityId: channel.id,
  })
  await audit(ctx, { action: 'channel.add_members', entityType: 'channel', entityId: channel.id, after: members })
  return added
}
