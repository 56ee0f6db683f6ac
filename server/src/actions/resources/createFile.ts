import type { ActionContext } from '../context'
import { attachFile, type AttachedFile } from './attachFile'
import { createPendingUpload, typeFromName } from './createPendingUpload'
import { createResource } from './createResource'

export interface NewFile { name: string; description?: string; channelId?: string; taskId?: string }

/**
 * A new resource with its bytes, queued for processing: attached to a channel or task when one is
 * given (a pending upload there, filled at once), otherwise organization-wide.
 */
export async function createFile(ctx: ActionContext, input: NewFile, file: AttachedFile) {
  const { name, description, channelId, taskId } = input
  const created = channelId || taskId
    ? await createPendingUpload(ctx, { name, channelId, taskId, mimeType: file.mimeType, fileSize: file.size })
    : await createResource(ctx, { name, description, resourceType: typeFromName(file.fileName ?? name, file.mimeType), mimeType: file.mimeType, fileSize: file.size })
  return (await attachFile(ctx, created.id, file)).resource
}
