import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { inTransaction } from '../../src/actions/transaction'
import { addDependency } from '../../src/actions/tasks/addDependency'
import { createTask } from '../../src/actions/tasks/createTask'
import { AppError } from '../../src/http/errors'
import { createTestContext, type Client, type TestContext } from '../harness'

let t: TestContext
let manager: Actor & { password: string }
let staff: Actor & { password: string }
let outsider: Actor & { password: string }
let ceo: Client
let publicChannel: string
let privateChannel: string

/** A channel row with members, inserted directly: these tests are about tasks, not channels. */
async function channel(name: string, privacy: 'public' | 'private', members: string[]) {
  const db = t.services.database.db
  const row = await db.insertInto('channels').values({ name, privacy, createdBy: t.ceo.id, description: null, categoryId: null, archivedAt: null, deletedAt: null })
    .returning('id').executeTakeFirstOrThrow()
  if (members.length) await db.insertInto('channelMembers').values(members.map((userId) => ({ channelId: row.id, userId, addedBy: t.ceo.id, lastReadAt: null }))).execute()
  return row.id
}

const lastEvents = (n: number) => t.services.database.db.selectFrom('events').selectAll().orderBy('id', 'desc').limit(n).execute()
const count = async (table: 'tasks' | 'events' | 'taskDependencies' | 'notifications') =>
  Number((await t.services.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

beforeAll(async () => {
  t = await createTestContext()
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  staff = await t.createUser('staff', { name: 'Sarah Chen' })
  outsider = await t.createUser('staff', { name: 'Olga Outside' })
  ceo = await t.as(t.ceo)
  publicChannel = await channel('General', 'public', [manager.id])
  privateChannel = await channel('Secret Launch', 'private', [manager.id, staff.id])
})
afterAll(async () => { await t.close() })

describe('creating and reading tasks', () => {
  it('creates a task with every field, notifies assignees and records task.created', async () => {
    const res = await ceo.post('/api/v1/tasks', {
      title: 'Budget review', description: 'Review the Q1 budget', channelId: privateChannel, priority: 'high',
      dueDate: '2026-03-03T17:00:00-05:00', assigneeIds: [staff.id], tags: ['finance', 'q1', 'finance'], estimatedHours: 4, complexity: 3,
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      title: 'Budget review', channelId: privateChannel, priority: 'high', status: 'pending', assigneeIds: [staff.id],
      tags: ['finance', 'q1'], estimatedHours: 4, complexity: 3, dueDate: '2026-03-03T22:00:00.000Z', version: 1, completedAt: null,
    })
    const [notification, created] = await lastEvents(2)
    expect(created).toMatchObject({ type: 'task.created', scope: { kind: 'channel', channelId: privateChannel } })
    expect((created!.payload as { id: string }).id).toBe(res.body.id)
    expect(notification).toMatchObject({ type: 'notification.created', scope: { kind: 'users', userIds: [staff.id] } })
  })

  it('refuses bad input with field details', async () => {
    const bad = await ceo.post('/api/v1/tasks', { title: '', channelId: 'nope', dueDate: 'tomorrow', priority: 'huge', extra: 1 })
    expect(bad.status).toBe(400)
    const fields = bad.body.error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.channelId', 'body.dueDate', 'body.priority']))
    expect((await ceo.post('/api/v1/tasks', { title: 'x', assigneeIds: ['7d7e7a10-0000-4000-8000-000000000000'] })).status).toBe(404)
    expect((await ceo.get('/api/v1/tasks/123')).status).toBe(400)
  })

  it('hides tasks of a private channel from non-members (404, and absent from lists)', async () => {
    const task = (await ceo.post('/api/v1/tasks', { title: 'Launch secret', channelId: privateChannel })).body
    const out = await t.as(outsider)
    expect((await out.get(`/api/v1/tasks/${task.id}`)).status).toBe(404)
    expect((await out.patch(`/api/v1/tasks/${task.id}`, { title: 'x' })).status).toBe(404)
    expect((await out.post('/api/v1/tasks', { title: 'sneak', channelId: privateChannel })).status).toBe(404)
    const list = await out.get('/api/v1/tasks?limit=100')
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(task.id)
    expect((await (await t.as(staff)).get(`/api/v1/tasks/${task.id}`)).status).toBe(200)
    expect((await ceo.get(`/api/v1/tasks/${task.id}`)).status).toBe(200)
  })

  it('lets staff edit only tasks they created or are assigned to', async () => {
    const mine = (await ceo.post('/api/v1/tasks', { title: 'Assigned to staff', channelId: publicChannel, assigneeIds: [staff.id] })).body
    const notMine = (await ceo.post('/api/v1/tasks', { title: 'Not for staff', channelId: publicChannel })).body
    const client = await t.as(staff)
    expect((await client.patch(`/api/v1/tasks/${mine.id}`, { status: 'in_progress' })).status).toBe(200)
    const refused = await client.patch(`/api/v1/tasks/${notMine.id}`, { status: 'in_progress' })
    expect(refused.status).toBe(403)
    expect((await (await t.as(manager)).patch(`/api/v1/tasks/${notMine.id}`, { priority: 'low' })).status).toBe(200)
  })
})

describe('updates', () => {
  it('sets and clears completed_at with the status', async () => {
    const task = (await ceo.post('/api/v1/tasks', { title: 'Ship it' })).body
    const done = await ceo.patch(`/api/v1/tasks/${task.id}`, { status: 'completed' })
    expect(done.body.completedAt).not.toBeNull()
    const [completed] = await lastEvents(1)
    expect(completed!.type).toBe('task.completed')
    const reopened = await ceo.patch(`/api/v1/tasks/${task.id}`, { status: 'in_progress' })
    expect(reopened.body).toMatchObject({ status: 'in_progress', completedAt: null, version: 3 })
  })

  it('refuses a stale version with the current task (body or If-Match)', async () => {
    const task = (await ceo.post('/api/v1/tasks', { title: 'Contested' })).body
    expect((await ceo.patch(`/api/v1/tasks/${task.id}`, { title: 'First edit', version: 1 })).status).toBe(200)
    const stale = await (await t.as(manager)).patch(`/api/v1/tasks/${task.id}`, { title: 'Second edit', version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    expect(stale.body.error.details.current).toMatchObject({ title: 'First edit', version: 2 })
    expect((await ceo.patch(`/api/v1/tasks/${task.id}`, { title: 'x' }, { 'if-match': '"1"' })).status).toBe(409)
    expect((await ceo.patch(`/api/v1/tasks/${task.id}`, { title: 'Third edit' }, { 'if-match': '2' })).status).toBe(200)
  })

  it('derives a parent task’s progress from its subtasks', async () => {
    const parent = (await ceo.post('/api/v1/tasks', { title: 'Campaign', channelId: publicChannel })).body
    const subs = []
    for (const title of ['Copy', 'Design', 'Legal', 'Dropped']) subs.push((await ceo.post('/api/v1/tasks', { title, channelId: publicChannel, parentTaskId: parent.id })).body)
    await ceo.patch(`/api/v1/tasks/${subs[0].id}`, { status: 'completed' })
    await ceo.patch(`/api/v1/tasks/${subs[3].id}`, { status: 'cancelled' })
    const detail = (await ceo.get(`/api/v1/tasks/${parent.id}`)).body
    expect(detail.subtasks).toHaveLength(4)
    expect(detail.progress).toEqual({ total: 3, completed: 1, percent: 33 })
    expect((await ceo.post('/api/v1/tasks', { title: 'Elsewhere', parentTaskId: parent.id })).status).toBe(400)
    expect((await ceo.patch(`/api/v1/tasks/${parent.id}`, { parentTaskId: subs[1].id })).status).toBe(409)
  })

  it('deletes a task with its subtasks and dependency links', async () => {
    const parent = (await ceo.post('/api/v1/tasks', { title: 'Doomed' })).body
    const child = (await ceo.post('/api/v1/tasks', { title: 'Doomed child', parentTaskId: parent.id })).body
    const other = (await ceo.post('/api/v1/tasks', { title: 'Survivor' })).body
    await ceo.post(`/api/v1/tasks/${other.id}/dependencies`, { dependsOnTaskId: child.id })
    expect((await ceo.delete(`/api/v1/tasks/${parent.id}`)).status).toBe(204)
    expect((await ceo.get(`/api/v1/tasks/${child.id}`)).status).toBe(404)
    const survivor = (await ceo.get(`/api/v1/tasks/${other.id}`)).body
    expect(survivor.dependsOn).toEqual([])
    expect(survivor.blocked).toBe(false)
  })
})

describe('dependencies', () => {
  it('blocks starting or completing until the blocker is done; managers may force', async () => {
    const budget = (await ceo.post('/api/v1/tasks', { title: 'Budget review', channelId: publicChannel, assigneeIds: [manager.id] })).body
    const content = (await ceo.post('/api/v1/tasks', { title: 'Content creation', channelId: publicChannel, assigneeIds: [staff.id] })).body
    const dep = await ceo.post(`/api/v1/tasks/${content.id}/dependencies`, { dependsOnTaskId: budget.id, dependencyType: 'blocks' })
    expect(dep.status).toBe(201)
    expect((await lastEvents(1))[0]).toMatchObject({ type: 'dependency.created', scope: { kind: 'channel', channelId: publicChannel } })

    const staffClient = await t.as(staff)
    const blocked = await staffClient.patch(`/api/v1/tasks/${content.id}`, { status: 'completed' })
    expect(blocked.status).toBe(409)
    expect(blocked.body.error.code).toBe('BLOCKED_BY_DEPENDENCY')
    expect(blocked.body.error.message).toContain('Budget review')
    expect((await staffClient.patch(`/api/v1/tasks/${content.id}`, { status: 'in_progress' })).status).toBe(409)
    expect((await staffClient.patch(`/api/v1/tasks/${content.id}`, { status: 'in_progress', force: true })).status).toBe(403)

    const detail = (await ceo.get(`/api/v1/tasks/${content.id}`)).body
    expect(detail.dependsOn).toEqual([expect.objectContaining({ dependencyType: 'blocks', task: expect.objectContaining({ id: budget.id }) })])
    expect(detail.blocked).toBe(true)
    expect((await ceo.get(`/api/v1/tasks/${budget.id}`)).body.dependents).toEqual([expect.objectContaining({ task: expect.objectContaining({ id: content.id }) })])

    // Completing the blocker unblocks the dependent and tells its assignee.
    const before = await count('notifications')
    expect((await (await t.as(manager)).patch(`/api/v1/tasks/${budget.id}`, { status: 'completed' })).status).toBe(200)
    const unblocked = await t.services.database.db.selectFrom('notifications').selectAll().where('type', '=', 'dependency_unblocked').where('userId', '=', staff.id).execute()
    expect(unblocked).toHaveLength(1)
    expect(await count('notifications')).toBeGreaterThan(before)
    expect((await staffClient.patch(`/api/v1/tasks/${content.id}`, { status: 'completed' })).status).toBe(200)

    const forced = (await ceo.post('/api/v1/tasks', { title: 'Forced', channelId: publicChannel })).body
    await ceo.post(`/api/v1/tasks/${forced.id}/dependencies`, { dependsOnTaskId: (await ceo.post('/api/v1/tasks', { title: 'Open blocker', channelId: publicChannel })).body.id, dependencyType: 'requires' })
    expect((await (await t.as(manager)).patch(`/api/v1/tasks/${forced.id}`, { status: 'completed', force: true })).status).toBe(200)
  })

  it('refuses cycles, naming them, and self-dependencies and duplicates', async () => {
    const [a, b, c] = await Promise.all(['Alpha', 'Bravo', 'Charlie'].map(async (title) => (await ceo.post('/api/v1/tasks', { title })).body))
    expect((await ceo.post(`/api/v1/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id })).status).toBe(201)
    expect((await ceo.post(`/api/v1/tasks/${c.id}/dependencies`, { dependsOnTaskId: b.id })).status).toBe(201)
    const cycle = await ceo.post(`/api/v1/tasks/${a.id}/dependencies`, { dependsOnTaskId: c.id })
    expect(cycle.status).toBe(409)
    expect(cycle.body.error.code).toBe('DEPENDENCY_CYCLE')
    expect(cycle.body.error.message).toBe('That would create a cycle: "Alpha" → "Charlie" → "Bravo" → "Alpha".')
    const self = await ceo.post(`/api/v1/tasks/${a.id}/dependencies`, { dependsOnTaskId: a.id })
    expect(self.status).toBe(409)
    expect(self.body.error.code).toBe('DEPENDENCY_CYCLE')
    expect((await ceo.post(`/api/v1/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id, dependencyType: 'follows' })).status).toBe(409)
    expect((await ceo.post(`/api/v1/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id, dependencyType: 'sideways' })).status).toBe(400)
  })

  it('keeps any random graph acyclic and refuses exactly the edges that would close a cycle', async () => {
    const ids: string[] = []
    for (let i = 0; i < 7; i++) ids.push((await inTransaction(t.services.database.db, { actor: t.ceo }, (ctx) => createTask(ctx, { title: `Node ${i}` }))).id)
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { minLength: 1, maxLength: 14 }),
      async (pairs) => {
        await t.services.database.db.deleteFrom('taskDependencies').where('taskId', 'in', ids).execute()
        const edges = new Map<string, Set<string>>()
        const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
          from === to || [...(edges.get(from) ?? [])].some((n) => !seen.has(n) && (seen.add(n), reaches(n, to, seen)))
        for (const [i, j] of pairs) {
          const [task, on] = [ids[i]!, ids[j]!]
          const wouldCycle = reaches(on, task)
          const duplicate = edges.get(task)?.has(on) ?? false
          let outcome = 'created'
          try {
            await inTransaction(t.services.database.db, { actor: t.ceo }, (ctx) => addDependency(ctx, task, { dependsOnTaskId: on }))
            edges.set(task, new Set([...(edges.get(task) ?? []), on]))
          } catch (e) { outcome = (e as AppError).code }
          expect(outcome).toBe(wouldCycle ? 'DEPENDENCY_CYCLE' : duplicate ? 'DUPLICATE' : 'created')
        }
      }), { numRuns: 25 })
  })

  it('computes the critical path of a channel', async () => {
    const ch = await channel('Roadmap', 'public', [])
    const mk = async (title: string, estimatedHours: number) => (await ceo.post('/api/v1/tasks', { title, channelId: ch, estimatedHours })).body.id as string
    const [spec, build, test, docs, launch] = [await mk('Spec', 2), await mk('Build', 8), await mk('Test', 3), await mk('Docs', 1), await mk('Launch', 1)]
    for (const [task, on] of [[build, spec], [test, build], [docs, spec], [launch, test], [launch, docs]]) {
      expect((await ceo.post(`/api/v1/tasks/${task}/dependencies`, { dependsOnTaskId: on, dependencyType: 'blocks' })).status).toBe(201)
    }
    const path = (await ceo.get(`/api/v1/channels/${ch}/critical-path`)).body
    expect(path.tasks.map((x: { title: string }) => x.title)).toEqual(['Spec', 'Build', 'Test', 'Launch'])
    expect(path.totalHours).toBe(14)
    expect((await (await t.as(outsider)).get(`/api/v1/channels/${privateChannel}/critical-path`)).status).toBe(404)
  })
})

describe('listing', () => {
  let ch: string
  beforeAll(async () => {
    ch = await channel('Listing', 'public', [])
    const base = Date.parse('2026-03-01T12:00:00Z')
    for (let i = 0; i < 25; i++) {
      await ceo.post('/api/v1/tasks', {
        title: i % 5 === 0 ? `Quarterly budget budget report ${i}` : i % 5 === 1 ? `Budget note ${i}` : `Ordinary task ${i}`,
        description: i % 5 === 0 ? 'The budget, the whole budget' : null,
        channelId: ch, priority: (['low', 'medium', 'high', 'urgent', 'critical'] as const)[i % 5],
        assigneeIds: i % 2 ? [staff.id] : [manager.id], dueDate: new Date(base + i * 86_400_000).toISOString(), tags: i % 3 ? [] : ['ops'],
      })
    }
  })

  it('filters by assignee, status, priority, channel, tag and due range', async () => {
    const q = async (query: string) => (await ceo.get(`/api/v1/tasks?channelId=${ch}&limit=100&${query}`)).body.items as Array<Record<string, any>>
    expect((await q(`assignee=${staff.id}`)).every((x) => x.assigneeIds.includes(staff.id))).toBe(true)
    expect(await q(`assignee=${staff.id}`)).toHaveLength(12)
    expect(await q('priority=high,urgent')).toHaveLength(10)
    expect(await q('priority=high&priority=urgent')).toHaveLength(10)
    expect(await q('status=completed')).toHaveLength(0)
    expect(await q('tag=ops')).toHaveLength(9)
    expect(await q('dueFrom=2026-03-05T00:00:00Z&dueTo=2026-03-10T00:00:00Z')).toHaveLength(5)
    const mine = await (await t.as(staff)).get(`/api/v1/tasks?channelId=${ch}&assignee=me&limit=100`)
    expect(mine.body.items).toHaveLength(12)
    expect((await ceo.get('/api/v1/tasks?status=someday')).status).toBe(400)
    expect((await ceo.get('/api/v1/tasks?limit=0')).status).toBe(400)
  })

  it('finds overdue tasks', async () => {
    const overdue = await ceo.get(`/api/v1/tasks?channelId=${ch}&overdue=true&limit=100`)
    // Every seeded task was due in March 2026: all are overdue today.
    expect(overdue.body.items).toHaveLength(25)
    expect(overdue.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true)
  })

  it('ranks full-text matches', async () => {
    const res = await ceo.get(`/api/v1/tasks?channelId=${ch}&q=budget&limit=100`)
    const titles = res.body.items.map((x: { title: string }) => x.title)
    expect(titles).toHaveLength(10)
    expect(titles.slice(0, 5).every((x: string) => x.startsWith('Quarterly budget'))).toBe(true)
    expect(titles.slice(5).every((x: string) => x.startsWith('Budget note'))).toBe(true)
  })

  it('paginates every sort order without gaps or repeats', async () => {
    for (const sort of ['-created', 'due', '-due', 'priority', '-priority', 'updated', 'rank']) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const extra = sort === 'rank' ? '&q=budget' : ''
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await ceo.get(`/api/v1/tasks?channelId=${ch}&sort=${sort}&limit=4${extra}${cursor ? `&cursor=${cursor}` : ''}`)
        expect(res.status).toBe(200)
        seen.push(...res.body.items.map((x) => x.id))
        cursor = res.body.nextCursor
      } while (cursor)
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toHaveLength(sort === 'rank' ? 10 : 25)
    }
    const due = (await ceo.get(`/api/v1/tasks?channelId=${ch}&sort=due&limit=100`)).body.items.map((x: { dueDate: string }) => x.dueDate)
    expect(due).toEqual([...due].sort())
  })
})

describe('atomicity', () => {
  it('a failure in the middle of a multi-row write leaves nothing behind', async () => {
    const [a, b] = await Promise.all(['Left', 'Right'].map(async (title) => (await ceo.post('/api/v1/tasks', { title })).body))
    await ceo.post(`/api/v1/tasks/${b.id}/dependencies`, { dependsOnTaskId: a.id })
    const before = { tasks: await count('tasks'), events: await count('events'), deps: await count('taskDependencies'), notes: await count('notifications') }
    await expect(inTransaction(t.services.database.db, { actor: t.ceo }, async (ctx) => {
      await createTask(ctx, { title: 'Half-written', assigneeIds: [staff.id] })
      await addDependency(ctx, a.id, { dependsOnTaskId: b.id }) // closes a cycle: fails
    })).rejects.toMatchObject({ code: 'DEPENDENCY_CYCLE' })
    expect({ tasks: await count('tasks'), events: await count('events'), deps: await count('taskDependencies'), notes: await count('notifications') }).toEqual(before)
  })
})
