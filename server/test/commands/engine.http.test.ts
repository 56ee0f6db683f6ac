import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { createTestContext, type Client, type TestContext } from '../harness'

let t: TestContext
let ceo: Client
let sarah: Actor & { password: string }
let staff: Actor & { password: string }
const when = { now: '2026-03-02T09:00:00Z', timezone: 'America/New_York' }
const SEED = 'Create a marketing channel for Q1 campaign, add Sarah and Mike, create three tasks: content creation due next Friday, social media strategy due Wednesday, and budget review due tomorrow. Make the budget review block the other two tasks. Also upload the brand guidelines document to this channel.'

const count = async (table: 'tasks' | 'events' | 'channels' | 'taskDependencies' | 'channelMembers') =>
  Number((await t.services.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const snapshot = async () => ({ tasks: await count('tasks'), events: await count('events'), channels: await count('channels'), deps: await count('taskDependencies'), members: await count('channelMembers') })

beforeAll(async () => {
  t = await createTestContext()
  sarah = await t.createUser('manager', { name: 'Sarah Chen' })
  await t.createUser('manager', { name: 'Mike Ross' })
  staff = await t.createUser('staff', { name: 'Sam Staff' })
  ceo = await t.as(t.ceo)
})
afterAll(async () => { await t.close() })

describe('POST /api/v1/commands', () => {
  it('plans and executes the seed example exactly as the spec says', async () => {
    const res = await ceo.post('/api/v1/commands', { text: SEED, ...when })
    expect(res.status).toBe(200)
    const { command } = res.body
    expect(command.status).toBe('completed')
    expect(command.plan.actions.map((a: { type: string }) => a.type)).toEqual(['CREATE_CHANNEL', 'ASSIGN_USER', 'CREATE_TASK', 'CREATE_TASK', 'CREATE_TASK', 'CREATE_DEPENDENCY', 'CREATE_DEPENDENCY', 'UPLOAD_FILE'])
    expect(command.plan.actions[0].params).toMatchObject({ name: 'Q1 Campaign', category: 'Marketing' })
    const channelId = command.results[0].entity.id
    const tasks = (await ceo.get(`/api/v1/tasks?channelId=${channelId}&sort=due&limit=10`)).body.items
    expect(tasks.map((x: { title: string; dueDate: string }) => [x.title, x.dueDate])).toEqual([
      ['Budget review', '2026-03-03T22:00:00.000Z'], ['Social media strategy', '2026-03-04T22:00:00.000Z'], ['Content creation', '2026-03-13T21:00:00.000Z']])
    const content = (await ceo.get(`/api/v1/tasks/${tasks[2].id}`)).body
    expect(content.dependsOn).toEqual([expect.objectContaining({ dependencyType: 'blocks', task: expect.objectContaining({ title: 'Budget review' }) })])
    const members = (await ceo.get(`/api/v1/channels/${channelId}/members`)).body
    expect(JSON.stringify(members)).toContain(sarah.id)
    expect(command.summary).toMatch(/Q1 Campaign/)
    const types = (await t.services.database.db.selectFrom('events').select('type').where('type', 'like', 'command.%').execute()).map((e) => e.type)
    expect(types).toEqual(['command.started', ...Array(8).fill('command.progress'), 'command.completed'])
  })

  it('dry-runs, then executes the stored plan unchanged; undo reverses it', async () => {
    const planned = (await ceo.post('/api/v1/commands', { text: 'Create a task called launch checklist due tomorrow', dryRun: true, ...when })).body.command
    expect(planned.status).toBe('planned')
    const before = await count('tasks')
    const done = (await ceo.post(`/api/v1/commands/${planned.id}/execute`)).body.command
    expect(done.status).toBe('completed')
    expect(await count('tasks')).toBe(before + 1)
    const undone = await ceo.post(`/api/v1/commands/${planned.id}/undo`)
    expect(undone.body.command.status).toBe('undone')
    expect((await ceo.get(`/api/v1/tasks/${done.results[0].entity.id}`)).status).toBe(404)
    expect((await ceo.post(`/api/v1/commands/${planned.id}/undo`)).status).toBe(422)
  })

  it('refuses to execute a stored plan when something it names changed meanwhile', async () => {
    const task = (await ceo.post('/api/v1/tasks', { title: 'Moving target' })).body
    const planned = (await ceo.post('/api/v1/commands', { text: 'Set the deadline of moving target to Friday', dryRun: true, ...when })).body.command
    expect(planned.status).toBe('planned')
    await ceo.patch(`/api/v1/tasks/${task.id}`, { priority: 'urgent' })
    const res = await ceo.post(`/api/v1/commands/${planned.id}/execute`)
    expect(res.status).toBe(409)
    expect(res.body.error.message).toContain('Moving target')
    expect((await ceo.get(`/api/v1/tasks/${task.id}`)).body.dueDate).toBeNull()
  })

  it('answers an Idempotency-Key retry with the first result', async () => {
    const headers = { 'idempotency-key': 'retry-1' }
    const first = await ceo.post('/api/v1/commands', { text: 'Create a task called idempotent thing', ...when }, headers)
    const before = await snapshot()
    const second = await ceo.post('/api/v1/commands', { text: 'Create a task called idempotent thing', ...when }, headers)
    expect(second.body.command.id).toBe(first.body.command.id)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses nonsense with 422 and stores it', async () => {
    const res = await ceo.post('/api/v1/commands', { text: 'purple elephants sing loudly', ...when })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('COMMAND_NOT_UNDERSTOOD')
  })

  it('rolls back everything when an action fails mid-plan, naming its ref', async () => {
    await ceo.post('/api/v1/commands', { text: 'Create a task called alpha task', ...when })
    await ceo.post('/api/v1/commands', { text: 'Create a task called beta task. Make alpha task block beta task.', ...when })
    const before = await snapshot()
    const res = await ceo.post('/api/v1/commands', { text: 'Create a task called gamma task. Make beta task block alpha task.', ...when })
    expect(res.status).toBe(200)
    expect(res.body.command.status).toBe('failed')
    expect(res.body.command.error).toMatchObject({ code: 'DEPENDENCY_CYCLE', ref: expect.stringMatching(/^a\d+$/) })
    const after = await snapshot()
    expect({ ...after, events: after.events - 1 }).toEqual(before) // only command.failed was added
  })

  it("rolls back a staff member's plan when one action is not theirs to do", async () => {
    const client = await t.as(staff)
    const before = await snapshot()
    const res = await client.post('/api/v1/commands', { text: 'Create a task called staff note, then create a channel called staff lounge', ...when })
    expect(res.body.command?.status ?? res.status).not.toBe('completed')
    const after = await snapshot()
    expect(after.tasks).toBe(before.tasks)
    expect(after.channels).toBe(before.channels)
  })

  it('asks when a name is ambiguous and completes the plan with the answer in the same session', async () => {
    await t.createUser('staff', { name: 'Sarah Lopez' })
    const session = { sessionId: 'session-1', ...when }
    const ask = (await ceo.post('/api/v1/commands', { text: 'Create a task called vendor audit and assign it to Sarah', ...session })).body.command
    expect(ask.status).toBe('needs_clarification')
    expect(ask.question).toMatch(/Sarah/)
    const answer = (await ceo.post('/api/v1/commands', { text: 'Sarah Chen', ...session })).body.command
    expect(answer.status).toBe('completed')
    const task = (await ceo.get(`/api/v1/tasks/${answer.results.find((r: { entity?: { type: string } }) => r.entity?.type === 'task').entity.id}`)).body
    expect(task.assigneeIds).toContain(sarah.id)
  })

  it('answers a waiting plan with "yes" or "no" in its session, and reads them as commands otherwise', async () => {
    const session = { sessionId: 'session-yes-no', ...when }
    const planned = (await ceo.post('/api/v1/commands', { text: 'Create a task called yes no check due friday', dryRun: true, ...session })).body.command
    const before = await count('tasks')
    const confirmed = (await ceo.post('/api/v1/commands', { text: 'Yes, please!', ...session })).body.command
    expect(confirmed).toMatchObject({ id: planned.id, status: 'completed' })
    expect(await count('tasks')).toBe(before + 1)
    // Nothing waits any more: "yes" is an ordinary (not understood) command.
    expect((await ceo.post('/api/v1/commands', { text: 'yes', ...session })).status).toBe(422)

    const second = (await ceo.post('/api/v1/commands', { text: 'Create a task called no check due friday', dryRun: true, ...session })).body.command
    const declined = (await ceo.post('/api/v1/commands', { text: 'No.', ...session })).body.command
    expect(declined).toMatchObject({ id: second.id, status: 'failed', error: { code: 'CANCELLED' } })
    expect(await count('tasks')).toBe(before + 1)
    // Another session's "yes" does not touch this session's plans.
    const third = (await ceo.post('/api/v1/commands', { text: 'Create a task called other session check', dryRun: true, ...session })).body.command
    expect((await ceo.post('/api/v1/commands', { text: 'yes', sessionId: 'another-session', ...when })).status).toBe(422)
    expect((await ceo.get(`/api/v1/commands/${third.id}`)).body.command.status).toBe('planned')
  })

  it('cancels a waiting plan (POST /commands/:id/cancel): nothing changes, a later "yes" runs nothing; only my plans, only while they wait', async () => {
    const session = { sessionId: 'session-cancel', ...when }
    const planned = (await ceo.post('/api/v1/commands', { text: 'Create a task called cancelled by click due friday', dryRun: true, ...session })).body.command
    const before = await snapshot()
    expect((await (await t.as(staff)).post(`/api/v1/commands/${planned.id}/cancel`)).status).toBe(404)
    const res = await ceo.post(`/api/v1/commands/${planned.id}/cancel`)
    expect(res.status).toBe(200)
    expect(res.body.command).toMatchObject({ id: planned.id, status: 'failed', error: { code: 'CANCELLED', message: 'Cancelled; nothing was changed.' } })
    expect((await ceo.post('/api/v1/commands', { text: 'yes', ...session })).status).toBe(422)
    expect(await snapshot()).toEqual(before)
    const again = await ceo.post(`/api/v1/commands/${planned.id}/cancel`)
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/waiting for confirmation.*failed/)
    // A late Confirm gets the command as it stands (as a retried confirm would), and changes nothing.
    expect((await ceo.post(`/api/v1/commands/${planned.id}/execute`)).body.command).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } })
    expect(await snapshot()).toEqual(before)
    expect((await ceo.post('/api/v1/commands/not-a-uuid/cancel')).status).toBe(400)
  })

  it('lists my command history', async () => {
    const list = await ceo.get('/api/v1/commands?limit=3')
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(3)
    expect(list.body.nextCursor).not.toBeNull()
    expect((await (await t.as(staff)).get(`/api/v1/commands/${list.body.items[0].id}`)).status).toBe(404)
  })
})
