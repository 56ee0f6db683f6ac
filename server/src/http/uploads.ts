import { randomUUID } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { FileTooLargeError, type FileStorage } from '../storage/fileStorage'
import type { AttachedFile } from '../actions/resources/attachFile'
import { AppError, invalid } from './errors'

export interface ReceivedUpload { file: AttachedFile; fields: Record<string, string> }

/** Common types by extension, for browsers and tools that send application/octet-stream. */
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', txt: 'text/plain', md: 'text/markdown', csv: 'text/csv', json: 'application/json', html: 'text/html', htm: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
  gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', wav: 'audio/wav', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg',
  webm: 'audio/webm', mp4: 'video/mp4', mov: 'video/quicktime',
}

export function mimeTypeOf(declared: string | undefined, fileName: string) {
  const clean = declared?.split(';')[0]?.trim().toLowerCase()
  if (clean && clean !== 'application/octet-stream' && /^[\w.+-]+\/[\w.+-]+$/.test(clean)) return clean
  return BY_EXTENSION[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
}

/**
 * Reads a multipart upload: the `file` part streamed straight into storage (never held in memory),
 * the other fields as strings. Refuses a missing or empty file (400), one past `maxBytes` (413),
 * and anything that is not multipart (415). On refusal nothing stays in storage; after a later
 * failure the caller removes `file.storageKey`.
 */
export async function receiveUpload(req: FastifyRequest, storage: FileStorage, maxBytes: number): Promise<ReceivedUpload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with the file in a `file` field.')
  const fields: Record<string, string> = {}
  let file: AttachedFile | undefined
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 10_000 } })) {
      if (part.type !== 'file') { fields[part.fieldname] = String(part.value); continue }
      if (part.fieldname !== 'file' || file) { part.file.resume(); continue }
      const storageKey = randomUUID()
      const fileName = (part.filename || 'upload').slice(0, 300)
      const stored = await storage.write(storageKey, part.file, maxBytes)
      file = { storageKey, size: stored.size, sha256: stored.sha256, mimeType: mimeTypeOf(part.mimetype, fileName), fileName }
      if (stored.size === 0) {
        await storage.remove(storageKey)
        throw invalid('The file is empty.', [{ field: 'file', message: 'is empty' }])
      }
    }
  } catch (error) {
    if (file) await storage.remove(file.storageKey)
    if (error instanceof FileTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `Files are limited to ${formatBytes(maxBytes)}.`, { maxBytes })
    }
    throw error
  }
  if (!file) throw invalid('Attach the file as the `file` field.', [{ field: 'file', message: 'is required' }])
  return { file, fields }
}

function formatBytes(n: number) {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`
}
