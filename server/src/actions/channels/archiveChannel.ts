import type { ActionContext } from '../context'
import { updateChannel } from './updateChannel'

/**
 * Archives a channel (DELETE /channels/{id} and the ARCHIVE_CHANNEL command): same permission
 * as editing it. Already archived: nothing changes and no event is emitted. Emits channel.archived.
 */
export async function archiveChannel(ctx: ActionContext, channelId: string, options: { version?: number } = {}) {
  return updateChannel(ctx, channelId, { status: 'archived', version: options.version })
}
