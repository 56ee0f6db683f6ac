/**
 * Files: uploads (new, completing a pending upload, replacing), downloads, the processing
 * pipeline with its live progress, and every refusal — through the real HTTP interface.
 */
import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { attachFile } from '../../src/actions/resources/attachFile'
import { createPendingUpload } from '../../src/actions/resources/createPendingUpload'
import { inTransaction } from '../../src/actions/transaction'
import { FilePipeline } from '../../src/files/pipeline'
import { eventsOf, makeChannel, makeTask } from '../factories'
import { createTestContext, type TestContext } from '../harness'

type User = Actor & { password: string }
let t: TestContext
let manager: User
let staff: User
let outsider: User
let channelId: string
const MAX = 64 * 1024

const REPORT = [
  'The quarterly report shows revenue growth of twelve percent across every region.',
  'Lunch was served at noon.',
  'Revenue growth came mostly from the new enterprise customers in the northern region.',
  'The weather was mild.',
  'Enterprise customers renewed their contracts early, which lifted quarterly revenue further.',
].join(' ')

/** A multipart/form-data body: fields first, then the file (as browsers send it). */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer | string }) {
  const boundary = `----baton${randomUUID()}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`))
    parts.push(Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data))
    parts.push(Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

async function send(user: User, method: 'POST' | 'PUT', url: string, body: ReturnType<typeof multipart> | { payload: unknown; headers: Record<string, string> }) {
  const { accessToken } = await t.login(user)
  const res = await t.app.inject({ method, url, payload: body.payload as never, headers: { ...body.headers, authorization: `Bearer ${accessToken}` } })
  return { status: res.statusCode, body: res.headers['content-type']?.toString().startsWith('application/json') ? res.json() : res.body, headers: res.headers, raw: res.rawPayload }
}

async function download(user: User, id: string, headers: Record<string, string> = {}) {
  const { accessToken } = await t.login(user)
  return t.app.inject({ method: 'GET', url: `/api/v1/resources/${id}/content`, headers: { ...headers, authorization: `Bearer ${accessToken}` } })
}

const storedFiles = async () => {
  const { readdir } = await import('node:fs/promises')
  const root = (t.services.storage as unknown as { root: string }).root
  const dirs = await readdir(root).catch(() => [] as string[])
  let n = 0
  for (const d of dirs) n += d.startsWith('.') ? 1 : (await readdir(`${root}/${d}`)).length
  return n
}

beforeAll(async () => {
  t = await createTestContext({ BATON_MAX_UPLOAD_BYTES: String(MAX) })
  manager = { ...(await t.createUser('manager', { name: 'Mona Manager' })) }
  staff = await t.createUser('staff', { name: 'Sam Staff' })
  outsider = await t.createUser('staff', { name: 'Olga Outsider' })
  channelId = (await makeChannel(t, { name: 'Finance', privacy: 'private', memberIds: [manager.id, staff.id], actor: t.ceo })).id
})
afterAll(async () => { await t.close() })

describe('uploading a file', () => {
  it('stores it in a channel, processes it with live progress, and tells the uploader', async () => {
    const { result: res, events } = await eventsOf(t, async () => {
      const r = await send(staff, 'POST', '/api/v1/resources', multipart({ channelId, description: 'Q3 numbers' }, { name: 'Quarterly report.txt', type: 'text/plain', data: REPORT }))
      await t.services.files.idle()
      return r
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      name: 'Quarterly report.txt', resourceType: 'document', status: 'processing', mimeType: 'text/plain', fileSize: Buffer.byteLength(REPORT),
      hasContent: true, sha256: createHash('sha256').update(REPORT).digest('hex'), links: [expect.objectContaining({ entityType: 'channel', entityId: channelId })],
    })
    const id = res.body.id
    const progress = events.filter((e) => e.type === 'resource.processing').map((e) => [e.payload.stage, e.payload.percent])
    expect(progress).toEqual([['reading', 10], ['extracting', 35], ['analyzing', 75]])
    expect(events.filter((e) => e.type === 'resource.processing').every((e) => e.scope.kind === 'channel' && e.scope.channelId === channelId)).toBe(true)
    const updates = events.filter((e) => e.type === 'resource.updated').map((e) => e.payload.status)
    expect(updates).toEqual(['processing', 'ready'])
    const notice = events.find((e) => e.type === 'notification.created')
    expect(notice?.scope).toEqual({ kind: 'users', userIds: [staff.id] })
    expect(notice?.payload).toMatchObject({ title: 'Ready: Quarterly report.txt', type: 'system', entityType: 'channel', entityId: channelId })

    const client = await t.as(staff)
    const ready = (await client.get(`/api/v1/resources/${id}`)).body
    expect(ready.status).toBe('ready')
    expect(ready.metadata.analysis).toMatchObject({ kind: 'text', language: 'en', wordCount: 45 })
    expect(ready.metadata.analysis.summary).toContain('The quarterly report shows revenue growth')
    expect(ready.metadata.analysis.summary).not.toContain('weather')
    expect(ready.metadata.analysis.keywords).toContain('revenue')
    expect(ready.metadata.processing).toBeUndefined()
  })

  it('downloads the same bytes, with caching and safe headers, to people who can see it only', async () => {
    const id = (await (await t.as(staff)).get(`/api/v1/channels/${channelId}/resources`)).body.items[0].id
    const res = await download(manager, id)
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe(REPORT)
    expect(res.headers).toMatchObject({ 'content-type': 'text/plain', 'x-content-type-options': 'nosniff', 'content-length': String(Buffer.byteLength(REPORT)) })
    expect(res.headers['content-disposition']).toBe(`inline; filename="Quarterly report.txt"; filename*=UTF-8''Quarterly%20report.txt`)
    expect((await download(manager, id, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304)
    expect((await download(outsider, id)).statusCode).toBe(404) // not in the private channel
    expect((await download(manager, randomUUID())).statusCode).toBe(404)
  })

  it('completes a pending upload (the command engine\'s UPLOAD_FILE) and replaces a file, removing the old bytes', async () => {
    const pending = await inTransaction(t.services.database.db, { actor: manager }, (ctx) => createPendingUpload(ctx, { name: 'Brand guidelines', channelId }))
    const waiting = await download(manager, pending.id)
    expect(waiting.statusCode).toBe(404)
    expect(waiting.json().error.message).toBe('"Brand guidelines" is waiting for its file to be uploaded.')
    // Staff did not upload it and are not managers: not theirs to fill.
    expect((await send(staff, 'PUT', `/api/v1/resources/${pending.id}/content`, multipart({}, { name: 'x.txt', type: 'text/plain', data: 'x' }))).status).toBe(403)

    const filesBefore = await storedFiles()
    const first = await send(manager, 'PUT', `/api/v1/resources/${pending.id}/content`, multipart({}, { name: 'brand.md', type: 'application/octet-stream', data: '# Brand\n\nUse the blue logo on light backgrounds.' }))
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ name: 'Brand guidelines', status: 'processing', mimeType: 'text/markdown', metadata: { fileName: 'brand.md' } })
    await t.services.files.idle()
    expect(await storedFiles()).toBe(filesBefore + 1)

    const second = await send(manager, 'PUT', `/api/v1/resources/${pending.id}/content`, multipart({}, { name: 'brand-v2.txt', type: 'text/plain', data: 'Use the green logo everywhere.' }))
    expect(second.status).toBe(200)
    await t.services.files.idle()
    expect(await storedFiles()).toBe(filesBefore + 1) // the first file's bytes are gone
    expect((await download(manager, pending.id)).body).toBe('Use the green logo everywhere.')
    const now = (await (await t.as(manager)).get(`/api/v1/resources/${pending.id}`)).body
    expect(now).toMatchObject({ status: 'ready', metadata: { fileName: 'brand-v2.txt', analysis: { summary: 'Use the green logo everywhere.' } } })
  })

  it('refuses bad uploads clearly and keeps nothing of them', async () => {
    const before = await storedFiles()
    const tooBig = await send(staff, 'POST', '/api/v1/resources', multipart({ channelId }, { name: 'big.txt', type: 'text/plain', data: Buffer.alloc(MAX + 1, 97) }))
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Files are limited to 64 KB.' })
    const empty = await send(staff, 'POST', '/api/v1/resources', multipart({ channelId }, { name: 'empty.txt', type: 'text/plain', data: '' }))
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toBe('The file is empty.')
    expect((await send(staff, 'POST', '/api/v1/resources', multipart({ channelId }))).body.error.message).toBe('Attach the file as the `file` field.')
    const both = await send(staff, 'POST', '/api/v1/resources', multipart({ channelId, taskId: randomUUID() }, { name: 'a.txt', type: 'text/plain', data: 'a' }))
    expect(both.status).toBe(400)
    // Someone outside the private channel cannot put a file there; the bytes are removed.
    expect((await send(outsider, 'POST', '/api/v1/resources', multipart({ channelId }, { name: 'a.txt', type: 'text/plain', data: 'a' }))).status).toBe(404)
    const notMultipart = await send(staff, 'PUT', `/api/v1/resources/${randomUUID()}/content`, { payload: 'raw', headers: { 'content-type': 'text/plain' } })
    expect(notMultipart.status).toBe(415)
    expect((await send(staff, 'POST', '/api/v1/resources', { payload: '', headers: {} })).status).toBe(400)
    const link = (await (await t.as(staff)).post('/api/v1/resources', { name: 'Wiki', resourceType: 'link', contentUrl: 'https://example.com/wiki' })).body
    expect((await send(staff, 'PUT', `/api/v1/resources/${link.id}/content`, multipart({}, { name: 'a.txt', type: 'text/plain', data: 'a' }))).status).toBe(409)
    expect(await storedFiles()).toBe(before)
  })

  it('finds files by the words inside them, for people who can see them; a replaced file\'s old words no longer match', async () => {
    const up = await send(manager, 'POST', '/api/v1/resources', multipart({ channelId }, { name: 'minutes.txt', type: 'text/plain', data: 'The committee approved the zeppelin procurement budgets.' }))
    await t.services.files.idle()
    const search = async (user: User, q: string) => (await (await t.as(user)).get(`/api/v1/resources?q=${encodeURIComponent(q)}`)).body.items.map((r: { id: string }) => r.id)
    expect(await search(manager, 'zeppelin')).toEqual([up.body.id])
    expect(await search(manager, 'procurement budget')).toEqual([up.body.id]) // words, stemmed
    expect(await search(outsider, 'zeppelin')).toEqual([]) // not in the private channel
    await send(manager, 'PUT', `/api/v1/resources/${up.body.id}/content`, multipart({}, { name: 'minutes-v2.txt', type: 'text/plain', data: 'The committee approved the airship plan.' }))
    expect(await search(manager, 'zeppelin')).toEqual([])
    await t.services.files.idle()
    expect(await search(manager, 'airship')).toEqual([up.body.id])
  })

  it('attaches a file to a task: linked there, visible to those who see the task', async () => {
    const task = await makeTask(t, { title: 'Venue contract', channelId, actor: t.ceo })
    const res = await send(staff, 'POST', '/api/v1/resources', multipart({ taskId: task.id }, { name: 'contract.txt', type: 'text/plain', data: 'The venue contract runs for two days.' }))
    expect(res.status).toBe(201)
    expect(res.body.links).toEqual([expect.objectContaining({ entityType: 'task', entityId: task.id })])
    await t.services.files.idle()
    expect((await (await t.as(staff)).get(`/api/v1/tasks/${task.id}/resources`)).body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id])
    expect((await download(staff, res.body.id)).body).toBe('The venue contract runs for two days.')
    expect((await download(outsider, res.body.id)).statusCode).toBe(404) // the task is in a private channel
  })

  it('deletes the bytes with the file', async () => {
    const res = await send(manager, 'POST', '/api/v1/resources', multipart({ channelId }, { name: 'temp.txt', type: 'text/plain', data: 'Short lived.' }))
    await t.services.files.idle()
    const before = await storedFiles()
    expect((await (await t.as(manager)).delete(`/api/v1/resources/${res.body.id}`)).status).toBe(204)
    expect(await storedFiles()).toBe(before - 1)
    expect((await download(manager, res.body.id)).statusCode).toBe(404)
  })
})

describe('the API document', () => {
  it('lists the file endpoints, tagged resources', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json()
    expect(doc.paths['/api/v1/resources/{id}/content'].put.tags).toEqual(['resources'])
    expect(doc.paths['/api/v1/resources/{id}/content'].get.summary).toBe('Download a resource\'s file')
    expect(doc.paths['/api/v1/resources'].post.summary).toMatch(/multipart\/form-data with a `file`/)
    expect(doc.paths['/api/v1/commands/{id}/cancel'].post.tags).toEqual(['commands'])
  })
})

describe('the pipeline', () => {
  it('retries a file that fails, then marks it failed and tells the uploader', async () => {
    const pending = await inTransaction(t.services.database.db, { actor: manager }, (ctx) => createPendingUpload(ctx, { name: 'Lost file', channelId }))
    // Bytes that are not in storage: every attempt to read them fails.
    await inTransaction(t.services.database.db, { actor: manager }, (ctx) => attachFile(ctx, pending.id, { storageKey: randomUUID(), size: 3, sha256: 'x', mimeType: 'text/plain' }))
    const errors: unknown[] = []
    const pipeline = new FilePipeline({ db: t.services.database.db, storage: t.services.storage, claimTimeoutMs: 0, maxAttempts: 2, onError: (e) => errors.push(e) })
    const { result: rounds, events } = await eventsOf(t, () => pipeline.drain())
    expect(rounds).toBe(2)
    expect(errors).toHaveLength(2)
    const failed = (await (await t.as(manager)).get(`/api/v1/resources/${pending.id}`)).body
    expect(failed.status).toBe('failed')
    expect(failed.metadata.processing.error).toMatch(/^Processing failed after 2 attempts: No stored file/)
    expect(events.filter((e) => e.type === 'notification.created').map((e) => e.payload.title)).toEqual(['Could not process: Lost file'])
  })

  it('gives up on a file whose last attempt was interrupted (its node died) instead of claiming it forever', async () => {
    const pending = await inTransaction(t.services.database.db, { actor: manager }, (ctx) => createPendingUpload(ctx, { name: 'Crashed file', channelId }))
    await inTransaction(t.services.database.db, { actor: manager }, (ctx) => attachFile(ctx, pending.id, { storageKey: randomUUID(), size: 3, sha256: 'x', mimeType: 'text/plain' }))
    // Three attempts were claimed and none finished.
    await t.services.database.db.updateTable('sharedResources').set({ processingAttempts: 3, processingClaimedAt: new Date(Date.now() - 3_600_000) })
      .where('id', '=', pending.id).execute()
    const pipeline = new FilePipeline({ db: t.services.database.db, storage: t.services.storage, maxAttempts: 3 })
    expect(await pipeline.drain()).toBe(1)
    const failed = (await (await t.as(manager)).get(`/api/v1/resources/${pending.id}`)).body
    expect(failed).toMatchObject({ status: 'failed', metadata: { processing: { error: 'Processing failed after 3 attempts: the last attempt was interrupted' } } })
    expect(await pipeline.drain()).toBe(0)
  })

  it('shares work between nodes: each file is processed once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const res = await send(manager, 'POST', '/api/v1/resources', multipart({ channelId }, { name: `note-${i}.txt`, type: 'text/plain', data: `Note number ${i} about the budget.` }))
      ids.push(res.body.id)
    }
    await t.services.files.idle()
    await inTransaction(t.services.database.db, { actor: manager }, async (ctx) => {
      for (const id of ids) await ctx.tx.updateTable('sharedResources').set({ status: 'processing', processingAttempts: 0, processingClaimedAt: null }).where('id', '=', id).execute()
    })
    const nodes = [0, 1].map(() => new FilePipeline({ db: t.services.database.db, storage: t.services.storage }))
    const { result, events } = await eventsOf(t, () => Promise.all(nodes.map((n) => n.drain())))
    expect(result[0]! + result[1]!).toBe(4)
    const ready = events.filter((e) => e.type === 'resource.updated' && e.payload.status === 'ready').map((e) => e.payload.id)
    expect(ready.sort()).toEqual([...ids].sort())
  })
})
