import type { z } from 'zod'
import { can } from '../../access/permissions'
import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { presentMember } from '../../presenters/presentChannel'
import { presentOneChannel } from '../../queries/channelFacts'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { removeMembersInput } from './channelSchemas'

/**
 * Removes people from a channel. Whoever manages the channel removes anyone; anybody may remove
 * themselves (leave). Ids that are not members are ignored; returns the memberships removed.
 *
 * Events: fan-out checks membership after commit, so people removed from a private or restricted
 * channel no longer see that channel's events. We therefore emit two channel.member_removed
 * events with the same payload: one with scope `{kind:'channel'}` (whoever can still see the
 * channel), and, for a non-public channel, one with scope `{kind:'users'}` naming the removed
 * people who lost sight of it (not the CEO, who sees every channel and gets the first one).
 * One event listing current members instead would miss the CEO and anyone who joins later.
 */
export async function removeChannelMembers(ctx: ActionContext, channelId: string, raw: z.input<typeof removeMembersInput>) {
  const input = parseInput(removeMembersInput, raw)
  const userIds = [...new Set(input.userIds)]
  const leaving = userIds.length === 1 && userIds[0] === ctx.actor.id
  const channel = await requireChannel(ctx.tx, ctx.actor, channelId, leaving ? 'see' : 'manage')
  const removed = await ctx.tx.deleteFrom('channelMembers')
    .where('channelId', '=', channel.id).where('userId', 'in', userIds).returningAll().execute()
  if (!removed.length) return removed

  const removedIds = removed.map((m) => m.userId)
  const payload = { channelId: channel.id, channel: await presentOneChannel(ctx.tx, channel), userIds: removedIds }
  await emit(ctx, 'channel.member_removed', { kind: 'channel', channelId: channel.id }, payload)
  if (channel.privacy !== 'public') {
    const people = await ctx.tx.selectFrom('users').select(['id', 'role']).where('id', 'in', removedIds).execute()
    const lostSight = people.filter((p) => !can(p, 'channel.see_all_private')).map((p) => p.id)
    if (lostSight.length) await emit(ctx, 'channel.member_removed', { kind: 'users', userIds: lostSight }, payload)
  }
  await audit(ctx, { action: 'channel.remove_members', entityType: 'channel', entityId: channel.id, before: removed.map((m) => presentMember(m)) })
  return removed
}
