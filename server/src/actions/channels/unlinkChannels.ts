import { requireChannel } from '../../access/channels'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { notFound } from '../../http/errors'
import { presentRelationship } from '../../presenters/presentChannel'
import type { ActionContext } from '../context'
import { requireChannelPair } from './channelRules'

/**
 * Removes a relationship of `channelId` (either side). Same rule as linking: see both channels,
 * manage one. Emits channel.relationship_deleted with the scope of the relationship's channelId.
 */
export async function unlinkChannels(ctx: ActionContext, channelId: string, relationshipId: string) {
  await requireChannel(ctx.tx, ctx.actor, channelId, 'see')
  const rel = await ctx.tx.selectFrom('channelRelationships').selectAll().where('id', '=', relationshipId)
    .where((eb) => eb.or([eb('channelId', '=', channelId), eb('relatedChannelId', '=', channelId)])).executeTakeFirst()
  if (!rel) throw notFound('channel relationship', relationshipId)
  try {
    await requireChannel(ctx.tx, ctx.actor, rel.channelId === channelId ? rel.relatedChannelId : rel.channelId, 'see')
  } catch { throw notFound('channel relationship', relationshipId) }
  await requireChannelPair(ctx.tx, ctx.actor, rel.channelId, rel.relatedChannelId)
  const deleted = await ctx.tx.deleteFrom('channelRelationships').where('id', '=', rel.id).returningAll().executeTakeFirstOrThrow()
  const dto = presentRelationship(deleted)
  await emit(ctx, 'channel.relationship_deleted', { kind: 'channel', channelId: rel.channelId }, dto)
  await audit(ctx, { action: 'channel.unlink', entityType: 'channel', entityId: rel.channelId, before: dto })
  return deleted
}
