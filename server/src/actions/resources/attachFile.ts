import { requireResource } from '../../access/resources'
import { audit } from '../../audit/audit'
import { conflict } from '../../http/errors'
import type { SharedResource } from '../../db/schema'
import type { ActionContext } from '../context'
import { typeFromName } from './createPendingUpload'
import { emitResourceUpdated } from './resourceEvents'

export interface AttachedFile {
  storageKey: string
  size: number
  sha256: string
  mimeType: string
  /** The uploaded file's own name; it names a resource that had no real name yet. */
  fileName?: string
}

/**
 * Gives a resource its bytes — completing a pending upload (the command engine's UPLOAD_FILE) or
 * replacing a file — and queues it for processing (status `processing`; the file pipeline takes it
 * from there). The uploader, a manager or the CEO. Emits resource.updated where it is linked.
 * Returns the previous storage key, for the caller to remove after commit.
 */
export async function attachFile(ctx: ActionContext, resourceId: string, file: AttachedFile) {
  const resource = await requireResource(ctx.tx, ctx.actor, resourceId, 'edit')
  if (resource.resourceType === 'link') throw conflict('CONFLICT', `"${resource.name}" is a link; it has no file to upload.`)
  const { analysis: _old, processing: _stale, ...metadata } = resource.metadata as Record<string, unknown>
  const updated = await ctx.tx.updateTable('sharedResources').set((eb) => ({
    storageKey: file.storageKey, fileSize: file.size, sha256: file.sha256, mimeType: file.mimeType,
    resourceType: resource.status === 'pending_upload' ? typeFromName(file.fileName ?? resource.name, file.mimeType) : resource.resourceType,
    status: 'processing', processingAttempts: 0, processingClaimedAt: null,
    metadata: JSON.stringify({ ...metadata, ...(file.fileName ? { fileName: file.fileName } : {}), processing: { stage: 'queued', percent: 0 } }),
    updatedAt: ctx.now, version: eb('version', '+', 1),
  })).where('id', '=', resource.id).returningAll().executeTakeFirstOrThrow()
  await ctx.tx.deleteFrom('resourceTexts').where('resourceId', '=', resource.id).execute() // the old file's text no longer matches
  await emitResourceUpdated(ctx, updated)
  await audit(ctx, { action: 'resource.upload', entityType: 'resource', entityId: resource.id,
    before: { status: resource.status, sha256: resource.sha256 }, after: { status: updated.status, sha256: file.sha256, size: file.size, mimeType: file.mimeType } })
  return { resource: updated, replacedKey: resource.storageKey }
}

/** The name a stored file was uploaded under (kept in metadata), or the resource's own name. */
export const fileNameOf = (r: SharedResource) => String((r.metadata as { fileName?: unknown }).fileName ?? r.name)
