/**
 * File bytes in and out. Uploads use XMLHttpRequest, the one browser API that reports upload
 * progress, with the user's token (retried once after a silent refresh) and resolve with the
 * resource the server returns; downloads fetch with the token too (the API is not cookie-based).
 */
import { api, ApiError } from './client'
import type { Resource } from './types'

export async function sendFile(method: 'POST' | 'PUT', url: string, body: FormData, onProgress: (percent: number) => void): Promise<Resource> {
  const attempt = () => new Promise<{ status: number; json: any }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, url)
    if (api.token) xhr.setRequestHeader('authorization', `Bearer ${api.token}`)
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)) }
    xhr.onload = () => { let json = null; try { json = JSON.parse(xhr.responseText) } catch { /* not JSON */ } resolve({ status: xhr.status, json }) }
    xhr.onerror = () => reject(new Error('The upload was interrupted.'))
    xhr.send(body)
  })
  let res = await attempt()
  if (res.status === 401 && await api.refresh()) res = await attempt()
  if (res.status >= 400) throw new ApiError(res.status, res.json?.error?.code ?? 'ERROR', res.json?.error?.message ?? `Upload failed (${res.status}).`)
  return res.json as Resource
}

/** Gives a waiting resource (a pending upload) its file. */
export function uploadContent(resourceId: string, file: File, onProgress: (percent: number) => void) {
  const form = new FormData()
  form.set('file', file, file.name)
  return sendFile('PUT', `/api/v1/resources/${resourceId}/content`, form, onProgress)
}

/** A new file in a channel or on a task. */
export function uploadNewFile(owner: { channelId: string } | { taskId: string }, file: File, onProgress: (percent: number) => void) {
  const form = new FormData()
  if ('channelId' in owner) form.set('channelId', owner.channelId)
  else form.set('taskId', owner.taskId)
  form.set('file', file, file.name)
  return sendFile('POST', '/api/v1/resources', form, onProgress)
}

/** A file's bytes; throws with the server's message when it cannot have them. */
export async function fetchContent(resourceId: string, opts: { download?: boolean } = {}): Promise<Blob> {
  const res = await fetch(`/api/v1/resources/${resourceId}/content${opts.download ? '?download' : ''}`, { headers: api.token ? { authorization: `Bearer ${api.token}` } : {} })
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? `Download failed (${res.status}).`)
  return res.blob()
}
