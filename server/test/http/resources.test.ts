import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { createPendingUpload } from '../../src/actions/resources/createPendingUpload'
import { inTransaction } from '../../src/actions/transaction'
import { allPages, eventsOf, makeChannel, makeTask } from '../factories'
import { createTestContext, type Client, type TestContext } from '../harness'

type User = Actor & { password: string }
let t: TestContext
let ceo: Client
let manager: User
let member: User
let outsider: User
let publicChannel: string
let privateChannel: string
const UNKNOWN = '7d7e7a10-0000-4000-8000-000000000000'

beforeAll(async () => {
  t = await createTestContext()
  ceo = await t.as(t.ceo)
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  member = await t.createUser('staff', { name: 'Sarah Chen' })
  outsider = await t.createUser('staff', { name: 'Olga Outside' })
  publicChannel = (await makeChannel(t, { name: 'General' })).id
  privateChannel = (await makeChannel(t, { name: 'Secret Launch', privacy: 'private', memberIds: [member.id, manager.id] })).id
})
afterAll(async () => { await t.close() })

const doc = (name: string, extra: Record<string, unknown> = {}) => ({ name, resourceType: 'document', ...extra })

describe('creating, reading, updating and deleting resources', () => {
  it('creates a resource (201) with resource.created to the organization', async () => {
    const client = await t.as(member)
    const { result: res, events } = await eventsOf(t, () => client.post('/api/v1/resources', {
      name: 'Brand guide', description: 'Logos and colours', resourceType: 'document', contentUrl: 'https://example.com/guide.pdf',
      mimeType: 'application/pdf', fileSize: 12345, metadata: { pages: 12 }, contentData: { outline: ['a', 'b'] },
    }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Brand guide', resourceType: 'document', status: 'ready', fileSize: 12345, uploadedBy: member.id,
      metadata: { pages: 12 }, contentData: { outline: ['a', 'b'] }, links: [], version: 1 })
    expect(events).toEqual([{ type: 'resource.created', scope: { kind: 'org' }, payload: res.body }])
    expect((await ceo.get(`/api/v1/resources/${res.body.id}`)).body.name).toBe('Brand guide')
  })

  it('refuses bad input', async () => {
    const client = await t.as(member)
    expect((await client.post('/api/v1/resources', { name: 'x', resourceType: 'spreadsheet' })).status).toBe(400)
    expect((await client.post('/api/v1/resources', { name: '', resourceType: 'link' })).status).toBe(400)
    expect((await client.post('/api/v1/resources', { name: 'x', resourceType: 'link', contentUrl: 'not a url' })).status).toBe(400)
    expect((await client.post('/api/v1/resources', { name: 'x', resourceType: 'link', owner: 'me' })).status).toBe(400)
    expect((await client.post('/api/v1/resources', { name: 'x', resourceType: 'link', fileSize: -1 })).status).toBe(400)
    expect((await client.get('/api/v1/resources/nope')).status).toBe(400)
    expect((await client.get(`/api/v1/resources/${UNKNOWN}`)).status).toBe(404)
    expect((await client.get('/api/v1/resources?type=spreadsheet')).status).toBe(400)
  })

  it('lets the uploader, a manager or the CEO update and delete; other staff get 403; stale versions 409', async () => {
    const mine = (await (await t.as(member)).post('/api/v1/resources', doc('Roadmap'))).body
    const out = await t.as(outsider)
    expect((await out.patch(`/api/v1/resources/${mine.id}`, { name: 'Mine now' })).status).toBe(403)
    expect((await out.delete(`/api/v1/resources/${mine.id}`)).status).toBe(403)
    const { result: updated, events } = await eventsOf(t, async () => (await t.as(member)).patch(`/api/v1/resources/${mine.id}`, { name: 'Roadmap 2026', version: 1 }))
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ name: 'Roadmap 2026', version: 2 })
    expect(events.map((e) => [e.type, e.scope])).toEqual([['resource.updated', { kind: 'org' }]])
    expect((await (await t.as(manager)).patch(`/api/v1/resources/${mine.id}`, { description: 'by the manager' })).status).toBe(200)
    const stale = await (await t.as(member)).patch(`/api/v1/resources/${mine.id}`, { name: 'late' }, { 'if-match': '1' })
    expect(stale.status).toBe(409)
    expect(stale.body.error.details.current.version).toBe(3)
    const del = await eventsOf(t, () => ceo.delete(`/api/v1/resources/${mine.id}`))
    expect(del.result.status).toBe(204)
    expect(del.events).toEqual([{ type: 'resource.deleted', scope: { kind: 'org' }, payload: { id: mine.id } }])
    expect((await (await t.as(member)).get(`/api/v1/resources/${mine.id}`)).status).toBe(404)
    const row = await t.services.database.db.selectFrom('sharedResources').select('deletedAt').where('id', '=', mine.id).executeTakeFirstOrThrow()
    expect(row.deletedAt).not.toBeNull()
  })
})

describe('links and visibility', () => {
  it('shares into a channel (resource.shared, channel scope) and hides a privately linked resource from outsiders', async () => {
    const client = await t.as(member)
    const resource = (await client.post('/api/v1/resources', doc('Launch plan'))).body
    const { result: link, events } = await eventsOf(t, () => client.post(`/api/v1/resources/${resource.id}/links`,
      { entityType: 'channel', entityId: privateChannel, linkType: 'requirement' }))
    expect(link.status).toBe(201)
    expect(link.body).toMatchObject({ resourceId: resource.id, entityType: 'channel', entityId: privateChannel, linkType: 'requirement' })
    expect(events.map((e) => [e.type, e.scope])).toEqual([['resource.shared', { kind: 'channel', channelId: privateChannel }]])
    expect(events[0]!.payload.link).toEqual(link.body)

    const out = await t.as(outsider)
    expect((await out.get(`/api/v1/resources/${resource.id}`)).status).toBe(404)
    expect(await allPages(out.get, '/api/v1/resources', 100)).not.toContain(resource.id)
    expect((await out.get(`/api/v1/channels/${privateChannel}/resources`)).status).toBe(404)
    expect((await out.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: publicChannel })).status).toBe(404)
    // Members, the uploader and the CEO see it, with its link.
    for (const who of [await t.as(manager), client, ceo]) {
      const got = await who.get(`/api/v1/resources/${resource.id}`)
      expect(got.status).toBe(200)
      expect(got.body.links.map((l: { id: string }) => l.id)).toEqual([link.body.id])
    }
    const inChannel = await (await t.as(manager)).get(`/api/v1/channels/${privateChannel}/resources`)
    expect(inChannel.body.items.map((r: { id: string }) => r.id)).toEqual([resource.id])
    // The same link twice is a conflict; a channel the sharer cannot see is 404.
    expect((await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: privateChannel, linkType: 'requirement' })).status).toBe(409)
    expect((await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: UNKNOWN })).status).toBe(404)
    expect((await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'board', entityId: publicChannel })).status).toBe(400)
  })

  it('a resource also linked to a public place is visible to everyone, but its private links are not shown to outsiders', async () => {
    const client = await t.as(member)
    const resource = (await client.post('/api/v1/resources', doc('Shared deck'))).body
    await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: privateChannel })
    const open = (await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: publicChannel })).body
    const got = await (await t.as(outsider)).get(`/api/v1/resources/${resource.id}`)
    expect(got.status).toBe(200)
    expect(got.body.links.map((l: { id: string }) => l.id)).toEqual([open.id])
  })

  it('shares with tasks (task scope) and categories (managers and the CEO only), and unshares', async () => {
    const client = await t.as(member)
    const resource = (await client.post('/api/v1/resources', doc('Checklist', { resourceType: 'template' }))).body
    const orgTask = await makeTask(t, { title: 'Org task' })
    const secretTask = await makeTask(t, { title: 'Secret task', channelId: privateChannel })
    const onTask = await eventsOf(t, () => client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'task', entityId: secretTask.id, linkType: 'template' }))
    expect(onTask.result.status).toBe(201)
    expect(onTask.events.map((e) => [e.type, e.scope])).toEqual([['resource.shared', { kind: 'channel', channelId: privateChannel }]])
    expect((await client.get(`/api/v1/tasks/${secretTask.id}/resources`)).body.items.map((r: { id: string }) => r.id)).toEqual([resource.id])
    expect((await (await t.as(outsider)).get(`/api/v1/tasks/${secretTask.id}/resources`)).status).toBe(404)
    const onOrgTask = await eventsOf(t, () => client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'task', entityId: orgTask.id }))
    expect(onOrgTask.events.map((e) => [e.type, e.scope])).toEqual([['resource.shared', { kind: 'org' }]])

    const category = (await ceo.post('/api/v1/categories', { name: `Ops ${Date.now()}` })).body
    expect((await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'category', entityId: category.id })).status).toBe(403)
    const onCategory = await (await t.as(manager)).post(`/api/v1/resources/${resource.id}/links`, { entityType: 'category', entityId: category.id })
    expect(onCategory.status).toBe(201)

    // Unsharing: whoever linked it, the uploader, managers and the CEO; others 403.
    const link = onTask.result.body
    expect((await (await t.as(outsider)).delete(`/api/v1/resources/${resource.id}/links/${link.id}`)).status).toBe(404) // cannot see the task
    const removed = await eventsOf(t, () => client.delete(`/api/v1/resources/${resource.id}/links/${link.id}`))
    expect(removed.result.status).toBe(204)
    expect(removed.events).toEqual([{ type: 'resource.unshared', scope: { kind: 'channel', channelId: privateChannel }, payload: link }])
    expect((await client.delete(`/api/v1/resources/${resource.id}/links/${link.id}`)).status).toBe(404)
    expect((await client.delete(`/api/v1/resources/${resource.id}/links/nope`)).status).toBe(400)
    const other = await t.createUser('staff', { name: 'Otto Other' })
    expect((await (await t.as(other)).delete(`/api/v1/resources/${resource.id}/links/${onOrgTask.result.body.id}`)).status).toBe(403)
  })

  it('updates of a linked resource go to the scopes it is linked to', async () => {
    const client = await t.as(member)
    const resource = (await client.post('/api/v1/resources', doc('Scoped'))).body
    await client.post(`/api/v1/resources/${resource.id}/links`, { entityType: 'channel', entityId: privateChannel })
    const { events } = await eventsOf(t, () => client.patch(`/api/v1/resources/${resource.id}`, { description: 'now private' }))
    expect(events.map((e) => [e.type, e.scope])).toEqual([['resource.updated', { kind: 'channel', channelId: privateChannel }]])
  })

  it('creates a pending upload already attached to its channel', async () => {
    const { result: resource, events } = await eventsOf(t, () => inTransaction(t.services.database.db, { actor: member },
      (ctx) => createPendingUpload(ctx, { name: 'photo.JPG', channelId: privateChannel })))
    expect(resource).toMatchObject({ status: 'pending_upload', resourceType: 'image', uploadedBy: member.id })
    expect(events.map((e) => [e.type, e.scope])).toEqual([
      ['resource.created', { kind: 'channel', channelId: privateChannel }], ['resource.shared', { kind: 'channel', channelId: privateChannel }]])
    expect((await (await t.as(outsider)).get(`/api/v1/resources/${resource.id}`)).status).toBe(404)
    await expect(inTransaction(t.services.database.db, { actor: outsider }, (ctx) => createPendingUpload(ctx, { name: 'x.pdf', channelId: privateChannel })))
      .rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('listing', () => {
  it('filters by q and type and pages newest first without gaps or repeats', async () => {
    const client = await t.as(outsider)
    const made: string[] = []
    for (let i = 0; i < 7; i++) made.push((await client.post('/api/v1/resources', doc(`Zebra note ${i}`, { resourceType: i % 2 ? 'link' : 'video' }))).body.id)
    const all = await allPages(client.get, '/api/v1/resources?q=zebra', 3)
    expect(all).toEqual([...made].reverse())
    const links = await allPages(client.get, '/api/v1/resources?q=ZEBRA&type=link', 2)
    expect(links).toEqual(made.filter((_, i) => i % 2).reverse())
    expect(await allPages(client.get, '/api/v1/resources?q=100%25', 5)).toEqual([])
  })
})
