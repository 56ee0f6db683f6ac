import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { inTransaction } from '../actions/transaction'
import { createFile } from '../actions/resources/createFile'
import { createResource } from '../actions/resources/createResource'
import { addDependency } from '../actions/tasks/addDependency'
import { createTask } from '../actions/tasks/createTask'
import type { DemoContentSeeder } from './demo'
import { seedDemoChannels } from './demoChannels'

const day = 86_400_000
const at = (days: number) => new Date(Date.now() + days * day).toISOString()

const BOARD_NOTES = `# Q4 board deck — notes

The board wants the Q4 deck two days before the meeting. Revenue grew eleven percent over the quarter,
mostly from enterprise renewals in the northern region. The deck needs the regional sales numbers
before it can be finalized. Hiring is behind plan by three engineers, which puts the billing migration
at risk. Catering and the room are booked. The board will also ask for the 2027 budget outline.
`

/** Demo categories, channels, tasks with dependencies, a brand-guidelines document and a file to process. */
export const demoContent: DemoContentSeeder = async (db, ceo, people, onCommit, storage) => {
  let boardChannel: string | undefined
  await inTransaction(db, { actor: ceo, onCommit }, async (ctx) => {
    const channels = await seedDemoChannels(ctx, people)
    const id = (email: string) => people.get(email)!.id
    const [first, second] = [...channels.values()]
    boardChannel = first
    const plan = [
      { title: 'Finalize Q4 board deck', priority: 'urgent', dueDate: at(2), assigneeIds: [id('sarah@baton.demo')], channelId: first, estimatedHours: 6 },
      { title: 'Collect regional sales numbers', priority: 'high', dueDate: at(1), assigneeIds: [id('priya@baton.demo')], channelId: first, estimatedHours: 3 },
      { title: 'Review hiring plan', priority: 'medium', dueDate: at(-2), assigneeIds: [id('mike@baton.demo')], channelId: second, estimatedHours: 2 },
      { title: 'Migrate billing service', priority: 'high', dueDate: at(9), assigneeIds: [id('james@baton.demo'), id('emma@baton.demo')], channelId: second, estimatedHours: 16 },
      { title: 'Preparar la presentación para clientes', priority: 'medium', dueDate: at(5), assigneeIds: [id('diego@baton.demo')], channelId: first, estimatedHours: 4 },
    ] as const
    const tasks = []
    for (const t of plan) tasks.push(await createTask(ctx, { ...t, assigneeIds: [...t.assigneeIds] }))
    await addDependency(ctx, tasks[0]!.id, { dependsOnTaskId: tasks[1]!.id, dependencyType: 'blocks' })
    await createResource(ctx, { name: 'Brand Guidelines', resourceType: 'document', description: 'Logos, colours and tone of voice' })
  })
  // A real file in the first channel: the pipeline summarizes it once the server runs.
  if (!storage || !boardChannel) return
  const key = randomUUID()
  const bytes = Buffer.from(BOARD_NOTES)
  const stored = await storage.write(key, Readable.from([bytes]), bytes.length)
  await inTransaction(db, { actor: ceo, onCommit }, async (ctx) => {
    await createFile(ctx, { name: 'Q4 board deck notes', channelId: boardChannel }, { storageKey: key, size: stored.size, sha256: stored.sha256, mimeType: 'text/markdown', fileName: 'q4-board-notes.md' })
  })
}
