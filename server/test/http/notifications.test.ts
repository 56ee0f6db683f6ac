import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { setReminder } from '../../src/actions/notifications/setReminder'
import { updateTask } from '../../src/actions/tasks/updateTask'
import { createTask } from '../../src/actions/tasks/createTask'
import { inTransaction } from '../../src/actions/transaction'
import { deliverDueNotifications, runReminders, startReminderScheduler } from '../../src/jobs/reminders'
import { allPages, eventsOf, makeTask } from '../factories'
import { createTestContext, type TestContext } from '../harness'

type User = Actor & { password: string }
let t: TestContext
let manager: User
let staff: User
let other: User
const HOUR = 3600_000
const UNKNOWN = '7d7e7a10-0000-4000-8000-000000000000'

beforeAll(async () => {
  t = await createTestContext()
  manager = await t.createUser('manager', { name: 'Mike Ross' })
  staff = await t.createUser('staff', { name: 'Sarah Chen' })
  other = await t.createUser('staff', { name: 'Olga Other' })
})
afterAll(async () => { await t.close() })

const db = () => t.services.database.db
const remind = (actor: Actor, input: Parameters<typeof setReminder>[1], now = new Date()) =>
  inTransaction(db(), { actor, now }, (ctx) => setReminder(ctx, input))

describe('listing and reading', () => {
  it('lists my notifications newest first with unread filter, count and pagination without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++) await makeTask(t, { title: `Job ${i}`, assigneeIds: [staff.id] })
    const client = await t.as(staff)
    const list = await client.get('/api/v1/notifications')
    expect(list.status).toBe(200)
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['New task: Job 4', 'New task: Job 3', 'New task: Job 2', 'New task: Job 1', 'New task: Job 0'])
    expect(list.body.items[0]).toMatchObject({ userId: staff.id, type: 'task_assigned', entityType: 'task', read: false })
    expect(await allPages(client.get, '/api/v1/notifications', 2)).toEqual(list.body.items.map((n: { id: string }) => n.id))
    expect((await client.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 5 })
    // Nobody else's notifications show up.
    expect((await (await t.as(other)).get('/api/v1/notifications')).body.items).toEqual([])
    expect((await client.get('/api/v1/notifications?unread=maybe')).status).toBe(400)
    expect((await client.get('/api/v1/notifications?limit=0')).status).toBe(400)
  })

  it('marks one read (notification.read to me only), idempotently; someone else’s is 404', async () => {
    const client = await t.as(staff)
    const [first] = (await client.get('/api/v1/notifications?unread=true')).body.items
    expect((await (await t.as(other)).post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404)
    expect((await client.post(`/api/v1/notifications/${UNKNOWN}/read`)).status).toBe(404)
    expect((await client.post('/api/v1/notifications/zzz/read')).status).toBe(400)
    const { result: res, events } = await eventsOf(t, () => client.post(`/api/v1/notifications/${first.id}/read`))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: first.id, read: true })
    expect(events).toEqual([{ type: 'notification.read', scope: { kind: 'users', userIds: [staff.id] }, payload: { ids: [first.id], readAt: res.body.readAt } }])
    const again = await eventsOf(t, () => client.post(`/api/v1/notifications/${first.id}/read`))
    expect(again.result.status).toBe(200)
    expect(again.events).toEqual([])
    expect((await client.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 4 })
    expect((await client.get('/api/v1/notifications?unread=true')).body.items).toHaveLength(4)
    expect((await client.get('/api/v1/notifications?unread=false')).body.items.map((n: { id: string }) => n.id)).toEqual([first.id])
  })

  it('marks all read with one event; a second time changes nothing', async () => {
    const client = await t.as(staff)
    const { result: res, events } = await eventsOf(t, () => client.post('/api/v1/notifications/read-all'))
    expect(res.body).toEqual({ count: 4 })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'notification.read', scope: { kind: 'users', userIds: [staff.id] } })
    expect(events[0]!.payload.ids).toHaveLength(4)
    expect((await client.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 0 })
    const again = await eventsOf(t, () => client.post('/api/v1/notifications/read-all'))
    expect(again.result.body).toEqual({ count: 0 })
    expect(again.events).toEqual([])
  })
})

describe('reminders', () => {
  it('keeps a scheduled reminder hidden until due, then the scheduler delivers it exactly once', async () => {
    const now = Date.now()
    const setAt = new Date(now - 3 * HOUR)
    const ringAt = new Date(now - HOUR)
    const { result: ids, events } = await eventsOf(t, () => remind(staff, { at: ringAt.toISOString(), message: 'Call the supplier' }, setAt))
    expect(ids).toHaveLength(1)
    expect(events).toEqual([]) // nothing announced until it rings
    const future = await remind(staff, { at: new Date(now + HOUR).toISOString(), message: 'Later' })
    const client = await t.as(staff)
    const listed = () => allPages(client.get, '/api/v1/notifications', 100)
    expect(await listed()).not.toContain(future[0])
    expect((await client.post(`/api/v1/notifications/${future[0]}/read`)).status).toBe(404)

    // The scheduler at a time before it is due delivers nothing.
    expect(await runReminders(db(), { now: new Date(now - 2 * HOUR) })).toEqual({ delivered: 0, deadlineReminders: 0 })
    // Two nodes ticking at once after it is due: delivered once, one event.
    const tick = await eventsOf(t, () => Promise.all([
      deliverDueNotifications(db(), { now: new Date(now - HOUR / 2) }), deliverDueNotifications(db(), { now: new Date(now - HOUR / 2) })]))
    expect(tick.result.reduce((a, b) => a + b, 0)).toBe(1)
    expect(tick.events).toHaveLength(1)
    expect(tick.events[0]).toMatchObject({ type: 'notification.created', scope: { kind: 'users', userIds: [staff.id] },
      payload: { id: ids[0], type: 'reminder', title: 'Reminder: Call the supplier', read: false } })
    const row = await db().selectFrom('notifications').selectAll().where('id', '=', ids[0]!).executeTakeFirstOrThrow()
    expect(row.sentAt?.toISOString()).toBe(new Date(now - HOUR / 2).toISOString())
    expect((await eventsOf(t, () => deliverDueNotifications(db(), { now: new Date(now) }))).events).toEqual([])
    expect(await listed()).toContain(ids[0])
  })

  it('lets staff remind themselves and a visible task’s assignees; managers remind anyone', async () => {
    const task = await makeTask(t, { title: 'Assigned work', assigneeIds: [other.id] })
    const at = new Date(Date.now() + HOUR).toISOString()
    await expect(remind(staff, { at, message: 'x', userIds: [manager.id] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await remind(staff, { at, message: 'nudge', taskId: task.id, userIds: [other.id] })).toHaveLength(1)
    expect(await remind(manager, { at, message: 'team', userIds: [staff.id, other.id] })).toHaveLength(2)
    await expect(remind(manager, { at, message: 'x', userIds: [UNKNOWN] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(remind(manager, { at: 'tomorrow', message: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('reminds assignees of tasks due within 24 hours once per due date, honouring settings', async () => {
    const muted = await t.createUser('staff', { name: 'Muted Mo' })
    expect((await (await t.as(muted)).patch('/api/v1/users/me', { notificationSettings: { types: { deadline_reminder: false } } })).status).toBe(200)
    const base = Date.now() + 100 * 24 * HOUR // far from every other task of this file
    const soon = await makeTask(t, { title: 'Ship it', assigneeIds: [staff.id, muted.id], dueDate: new Date(base + 20 * HOUR).toISOString() })
    const later = await makeTask(t, { title: 'Not yet', assigneeIds: [staff.id], dueDate: new Date(base + 30 * HOUR).toISOString() })
    const done = await makeTask(t, { title: 'Already done', assigneeIds: [staff.id], dueDate: new Date(base + 2 * HOUR).toISOString() })
    await inTransaction(db(), { actor: t.ceo }, (ctx) => updateTask(ctx, done.id, { status: 'completed' }))

    await deliverDueNotifications(db(), { now: new Date(base + 8 * HOUR) }) // earlier tests' reminders ring first
    const first = await eventsOf(t, () => runReminders(db(), { now: new Date(base) }))
    expect(first.result.deadlineReminders).toBe(1)
    expect(first.events.map((e) => [e.type, e.scope])).toEqual([['notification.created', { kind: 'users', userIds: [staff.id] }]])
    expect(first.events[0]!.payload).toMatchObject({ type: 'deadline_reminder', entityId: soon.id, title: 'Due soon: Ship it' })
    expect((await eventsOf(t, () => runReminders(db(), { now: new Date(base + HOUR) }))).events).toEqual([])

    // Moving the deadline earns a fresh reminder; the later task comes into the window in time.
    await inTransaction(db(), { actor: t.ceo }, (ctx) => updateTask(ctx, soon.id, { dueDate: new Date(base + 22 * HOUR).toISOString() }))
    const next = await runReminders(db(), { now: new Date(base + 7 * HOUR) })
    expect(next.deadlineReminders).toBe(2)
    const reminders = await db().selectFrom('notifications').select(['entityId', 'userId']).where('type', '=', 'deadline_reminder').execute()
    expect(reminders.filter((r) => r.entityId === soon.id)).toHaveLength(2)
    expect(reminders.filter((r) => r.entityId === later.id)).toHaveLength(1)
    expect(reminders.filter((r) => r.userId === muted.id || r.entityId === done.id)).toHaveLength(0)
  })

  it('holds what arrives in quiet hours until they end (urgent ones and own reminders ring), then delivers it once', async () => {
    const quiet = await t.createUser('staff', { name: 'Quentin Quiet' })
    const client = await t.as(quiet)
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
    const now = Date.now()
    const quietHours = { start: hhmm(now - HOUR), end: hhmm(now + HOUR) } // around now, in UTC
    expect((await client.patch('/api/v1/users/me', { timezone: 'UTC', notificationSettings: { quietHours } })).status).toBe(200)
    expect((await client.patch('/api/v1/users/me', { notificationSettings: { quietHours: { start: '25:00', end: '7' } } })).status).toBe(400)

    const held = await eventsOf(t, () => makeTask(t, { title: 'Quiet work', assigneeIds: [quiet.id] }))
    expect(held.events.filter((e) => e.type === 'notification.created')).toEqual([])
    expect((await client.get('/api/v1/notifications')).body.items).toEqual([])
    const row = await db().selectFrom('notifications').selectAll().where('userId', '=', quiet.id).executeTakeFirstOrThrow()
    const ends = new Date(`${new Date(now + HOUR).toISOString().slice(0, 16)}:00.000Z`)
    expect(row.scheduledFor?.toISOString()).toBe(ends.toISOString())
    expect(row.metadata).toMatchObject({ quietHours: true })

    // Urgent work still rings at once; so does a reminder they set for a time inside the window.
    const urgent = await eventsOf(t, () => inTransaction(db(), { actor: t.ceo }, (ctx) => createTask(ctx, { title: 'Server down', priority: 'critical', assigneeIds: [quiet.id] })))
    expect(urgent.events.filter((e) => e.type === 'notification.created').map((e) => e.scope)).toEqual([{ kind: 'users', userIds: [quiet.id] }])
    const [own] = await remind(quiet, { at: new Date(now + HOUR / 2).toISOString(), message: 'Take the pills' })
    expect((await db().selectFrom('notifications').select('scheduledFor').where('id', '=', own!).executeTakeFirstOrThrow()).scheduledFor?.toISOString())
      .toBe(new Date(now + HOUR / 2).toISOString())

    // When the window ends the scheduler delivers the held one, once.
    expect((await eventsOf(t, () => deliverDueNotifications(db(), { now: new Date(ends.getTime() - 1000) }))).events
      .filter((e) => e.payload && (e.payload as { id?: string }).id === row.id)).toEqual([])
    const delivered = await eventsOf(t, () => deliverDueNotifications(db(), { now: ends }))
    expect(delivered.events.filter((e) => (e.payload as { id?: string }).id === row.id)).toHaveLength(1)
    expect((await db().selectFrom('notifications').select('sentAt').where('id', '=', row.id).executeTakeFirstOrThrow()).sentAt?.toISOString()).toBe(ends.toISOString())
    expect((await client.get('/api/v1/notifications')).body.items.map((n: { title: string }) => n.title)).toEqual(['New task: Server down']) // the API's clock is real: still an hour away
  })

  it('runs on an interval with an injected clock and stops cleanly', async () => {
    const base = Date.now()
    const [id] = await remind(other, { at: new Date(base + 5 * HOUR).toISOString(), message: 'Interval' }, new Date(base))
    const stop = startReminderScheduler(t.services, { intervalMs: 20, now: () => new Date(base + 6 * HOUR) })
    for (let i = 0; i < 100; i++) {
      const row = await db().selectFrom('notifications').select('sentAt').where('id', '=', id!).executeTakeFirstOrThrow()
      if (row.sentAt) break
      await new Promise((r) => setTimeout(r, 20))
    }
    await stop()
    expect((await db().selectFrom('notifications').select('sentAt').where('id', '=', id!).executeTakeFirstOrThrow()).sentAt).not.toBeNull()
  })
})
