import type { z } from 'zod'
import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { invalid } from '../../http/errors'
import { presentChannelRead } from '../../presenters/presentChannel'
import { channelFacts } from '../../queries/channelFacts'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { markChannelReadInput } from './channelSchemas'

/**
 * Moves the actor's read position in a channel forward: to the message `upTo` (which must be a
 * message of this channel, else VALIDATION_FAILED), or to the channel's latest message. It never
 * moves backwards: a position at or before the current one changes nothing, so reading again is a
 * no-op. Whoever can see the channel may call it (else 404); archived channels too. A non-member
 * (a public channel they did not join, the CEO in a private one) has no read position: nothing
 * changes and the answer has `lastReadAt` and `unreadCount` null.
 *
 * The position is copied from the message row in SQL, never through a JS Date, so a timestamp with
 * microseconds is not rounded below the message it stands for.
 *
 * Event: channel.read {channelId, userId, lastReadAt, unreadCount} to the actor only (their other
 * tabs and devices clear the badge), when the position moved.
 */
export async function markChannelRead(ctx: ActionContext, channelId: string, raw: z.input<typeof markChannelReadInput> = {}) {
  const input = parseInput(markChannelReadInput, raw)
  const channel = await requireChannel(ctx.tx, ctx.actor, channelId, 'see')
  if (input.upTo) {
    const message = await ctx.tx.selectFrom('messages').select('channelId').where('id', '=', input.upTo).executeTakeFirst()
    if (message?.channelId !== channel.id) {
      throw invalid('The request is not valid.', [{ field: 'upTo', message: `is not a message of channel ${channel.name}` }])
    }
  }
  const member = await ctx.tx.selectFrom('channelMembers').select('lastReadAt')
    .where('channelId', '=', channel.id).where('userId', '=', ctx.actor.id).executeTakeFirst()
  if (!member) return presentChannelRead({ channelId: channel.id, userId: ctx.actor.id, lastReadAt: null, unreadCount: null })

  const target = (db: ActionContext['tx']) => input.upTo
    ? db.selectFrom('messages').select('createdAt').where('id', '=', input.upTo)
    : db.selectFrom('messages').select((eb) => eb.fn.max('createdAt').as('createdAt'))
      .where('channelId', '=', channel.id).where('deletedAt', 'is', null)
  // one statement, so two tabs marking at once cannot move it back (the row lock orders them)
  const moved = await ctx.tx.updateTable('channelMembers')
    .set({ lastReadAt: target(ctx.tx), updatedAt: ctx.now })
    .where('channelId', '=', channel.id).where('userId', '=', ctx.actor.id)
    .where((eb) => eb(eb.fn.coalesce('lastReadAt', 'createdAt'), '<', target(ctx.tx)))
    .returning('lastReadAt').executeTakeFirst()

  const unreadCount = (await channelFacts(ctx.tx, [channel.id], ctx.actor.id)).get(channel.id)?.unreadCount ?? 0
  const read = presentChannelRead({ channelId: channel.id, userId: ctx.actor.id, lastReadAt: moved?.lastReadAt ?? member.lastReadAt, unreadCount })
  if (!moved) return read
  await emit(ctx, 'channel.read', { kind: 'users', userIds: [ctx.actor.id] }, read)
  await audit(ctx, { action: 'channel.read', entityType: 'channel', entityId: channel.id, metadata: { lastReadAt: read.lastReadAt, upTo: input.upTo ?? null } })
  return read
}
