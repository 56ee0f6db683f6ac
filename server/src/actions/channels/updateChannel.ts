import type { z } from 'zod'
import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import type { Channel } from '../../db/schema'
import { emit } from '../../events/outbox'
import { presentOneChannel } from '../../queries/channelFacts'
import { requireCategory } from '../categories/categoryRules'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { updateChannelInput } from './channelSchemas'

/**
 * Edits a channel (who manages it: the CEO, its creator, its owners/admins), with optimistic
 * concurrency: a stale `version` is 409 VERSION_CONFLICT carrying the current channel.
 * Archiving sets archived_at (leaving archived clears it). Emits channel.archived when this
 * archives the channel, channel.updated otherwise (channel scope).
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
    .where('id', '=', channel.id).returningAll().executeTakeFirstOrThrow()
  const archived = changes.status === 'archived'
  const [before, after] = [await presentOneChannel(ctx.tx, channel), await presentOneChannel(ctx.tx, updated)]
  await emit(ctx, archived ? 'channel.archived' : 'channel.updated', { kind: 'channel', channelId: channel.id }, after)
  await audit(ctx, { action: archived ? 'channel.archive' : 'channel.update', entityType: 'channel', entityId: channel.id, before, after })
  return updated
}
