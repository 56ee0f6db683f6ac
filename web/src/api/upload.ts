/**
 * File uploads: XMLHttpRequest, the one browser API that reports upload progress, with the
 * user's token (retried once after a silent refresh). Resolves with the resource the server returns.
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
