import type { z } from 'zod'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { AppError } from '../../http/errors'
import { presentRelationship } from '../../presenters/presentChannel'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { requireChannelPair } from './channelRules'
import { linkChannelsInput } from './channelSchemas'

/**
 * Relates two channels. The actor must see both and manage at least one. A channel is never
 * related to itself, a pair holds each kind once (in either direction), and parent_child stays a
 * forest: a child has one parent and no channel becomes its own ancestor (all 409).
 * Emits channel.relationship_created with the scope of `channelId` (for parent_child, the parent).
 */
export async function linkChannels(ctx: ActionContext, raw: z.input<typeof linkChannelsInput>) {
  const input = parseInput(linkChannelsInput, raw)
  if (input.channelId === input.relatedChannelId) throw new AppError('CONFLICT', 'A channel cannot be related to itself.')
  const [a, b] = await requireChannelPair(ctx.tx, ctx.actor, input.channelId, input.relatedChannelId)

  const existing = await ctx.tx.selectFrom('channelRelationships').select('id')
    .where('relationshipType', '=', input.relationshipType)
    .where((eb) => eb.or([
      eb.and([eb('channelId', '=', a.id), eb('relatedChannelId', '=', b.id)]),
      eb.and([eb('channelId', '=', b.id), eb('relatedChannelId', '=', a.id)]),
    ])).executeTakeFirst()
  if (existing) throw new AppError('DUPLICATE', `${a.name} and ${b.name} are already related as ${input.relationshipType}.`, { relationshipId: existing.id })

  if (input.relationshipType === 'parent_child') {
    const parent = await ctx.tx.selectFrom('channelRelationships').select('channelId')
      .where('relationshipType', '=', 'parent_child').where('relatedChannelId', '=', b.id).executeTakeFirst()
    if (parent) throw new AppError('CONFLICT', `${b.name} already has a parent channel.`)
    let cursor: string | undefined = a.id
    for (let depth = 0; cursor && depth < 100; depth++) {
      if (cursor === b.id) throw new AppError('CONFLICT', `${b.name} is already an ancestor of ${a.name}.`)
      const up: { channelId: string } | undefined = await ctx.tx.selectFrom('channelRelationships').select('channelId')
        .where('relationshipType', '=', 'parent_child').where('relatedChannelId', '=', cursor).executeTakeFirst()
      cursor = up?.channelId
    }
  }

  const relationship = await ctx.tx.insertInto('channelRelationships').values({
    channelId: a.id, relatedChannelId: b.id, relationshipType: input.relationshipType,
    createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentRelationship(relationship)
  await emit(ctx, 'channel.relationship_created', { kind: 'channel', channelId: a.id }, dto)
  await audit(ctx, { action: 'channel.link', entityType: 'channel', entityId: a.id, after: dto })
  return relationship
}
