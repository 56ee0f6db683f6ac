import { inTransaction } from '../actions/transaction'
import { createResource } from '../actions/resources/createResource'
import { addDependency } from '../actions/tasks/addDependency'
import { createTask } from '../actions/tasks/createTask'
import type { DemoContentSeeder } from './demo'
import { seedDemoChannels } from './demoChannels'

const day = 86_400_000
const at = (days: number) => new Date(Date.now() + days * day).toISOString()

/** Demo categories, channels, tasks with dependencies and a brand-guidelines document. */
export const demoContent: DemoContentSeeder = async (db, ceo, people, onCommit) => {
  await inTransaction(db, { actor: ceo, onCommit }, async (ctx) => {
    const channels = await seedDemoChannels(ctx, people)
    const id = (email: string) => people.get(email)!.id
    const [first, second] = [...channels.values()]
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
}
