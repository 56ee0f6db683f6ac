import type { z } from 'zod'
import { requireChannel } from '../../access/channels'
import { permissionMatrix } from '../../access/permissions'
import { audit } from '../../audit/audit'
import type { Channel } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentOneChannel } from '../../queries/channelFacts'
import { requireCategory } from '../categories/categoryRules'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { AppError } from '../../http/errors'
import { updateChannelInput } from './channelSchemas'

/**
 * Edits a channel (who manages it: the CEO, its creator, its owners/admins), with optimistic
 * concurrency: a stale `version` is 409 VERSION_CONFLICT carrying the current channel.
 * Archiving sets archived_at (leaving archived clears it). Emits channel.archived when this
 * archives the channel, channel.updated otherwise (channel scope). When a public channel becomes
 * private or restricted, the people who just lost sight of it (non-members other than the CEO)
 * get the same event with scope `{kind:'users'}`, so their clients drop it.
 */
export async function updateChannel(ctx: ActionContext, channelId: string, raw: z.input<typeof updateChannelInput>) {
  const input = parseInput(updateChannelInput, raw)
  const channel = await requireChannel(ctx.tx, ctx.actor, channelId, 'manage')
  if (input.version !== undefined && input.version !== channel.version) {
    const current = await presentOneChannel(ctx.tx, channel, ctx.actor.id)
    checkVersion(channel, input.version, () => current)
  }
  if (input.categoryId) await requireCategory(ctx.tx, input.categoryId)

  const changes: Partial<Record<keyof Channel, unknown>> = {}
  for (const key of ['name', 'description', 'categoryId', 'channelType', 'privacy', 'status'] as const) {
    if (input[key] !== undefined && input[key] !== channel[key]) changes[key] = input[key]
  }
  if (input.metadata !== undefined) changes.metadata = JSON.stringify({ ...channel.metadata, ...input.metadata })
  if (changes.status !== undefined) changes.archivedAt = changes.status === 'archived' ? ctx.now : null
  if (!Object.keys(changes).length) return channel

  const updated = await ctx.tx.updateTable('channels')
    .set((eb) => ({ ...(changes as object), version: eb('version', '+', 1), updatedAt: ctx.now }))
    .where('id', '=', channel.id).where('version', '=', channel.version).returningAll().executeTakeFirst()
  if (!updated) throw await lostRace(ctx, channel.id)
  const archived = changes.status === 'archived'
  const [before, after] = [await presentOneChannel(ctx.tx, channel), await presentOneChannel(ctx.tx, updated)]
  const type = archived ? 'channel.archived' : 'channel.updated'
  await emit(ctx, type, { kind: 'channel', channelId: channel.id }, after)
  if (channel.privacy === 'public' && updated.privacy !== 'public') {
    const lostSight = await ctx.tx.selectFrom('users').select('id')
      .where('organizationId', '=', ctx.actor.organizationId).where('deletedAt', 'is', null).where('role', 'not in', [...permissionMatrix['channel.see_all_private']])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('channelMembers').select('channelMembers.userId')
        .whereRef('channelMembers.userId', '=', 'users.id').where('channelMembers.channelId', '=', channel.id))))
      .execute()
    if (lostSight.length) await emit(ctx, type, { kind: 'users', userIds: lostSight.map((u) => u.id) }, after)
  }
  await audit(ctx, { action: archived ? 'channel.archive' : 'channel.update', entityType: 'channel', entityId: channel.id, before, after })
  return updated
}

/** Another transaction changed the row between our read and our write (its lock made us wait). */
async function lostRace(ctx: ActionContext, channelId: string) {
  const current = await requireChannel(ctx.tx, ctx.actor, channelId, 'see')
  return new AppError('VERSION_CONFLICT', `Someone else changed this channel at the same time (it is now version ${current.version}).`,
    { current: await presentOneChannel(ctx.tx, current, ctx.actor.id) })
}
