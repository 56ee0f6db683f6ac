import type { Database } from '../db/database'
import type { Actor } from '../actions/context'
import { inTransaction } from '../actions/transaction'
import { createUser } from '../actions/users/createUser'
import { bootstrapOrganization } from './bootstrap'
import type { FileStorage } from '../storage/fileStorage'

export const DEMO_PASSWORD = 'baton-demo-2026'
export const DEMO_CEO = { email: 'ceo@baton.demo', name: 'Alex Morgan', password: DEMO_PASSWORD }

export const demoPeople = [
  { email: 'sarah@baton.demo', name: 'Sarah Chen', role: 'manager' as const, timezone: 'America/New_York' },
  { email: 'mike@baton.demo', name: 'Mike Ross', role: 'manager' as const, timezone: 'America/Chicago' },
  { email: 'priya@baton.demo', name: 'Priya Patel', role: 'staff' as const, timezone: 'Europe/London' },
  { email: 'diego@baton.demo', name: 'Diego Alvarez', role: 'staff' as const, timezone: 'Europe/Madrid', language: 'es' as const },
  { email: 'emma@baton.demo', name: 'Emma Wilson', role: 'staff' as const, timezone: 'America/New_York' },
  { email: 'james@baton.demo', name: 'James Lee', role: 'staff' as const, timezone: 'America/Los_Angeles' },
]

/** Extra demo content (categories, channels, tasks) registered by the work-graph modules. */
export type DemoContentSeeder = (db: Database, ceo: Actor, people: Map<string, Actor>, onCommit?: () => void, storage?: FileStorage) => Promise<void>

/**
 * Seeds a realistic demo organization once (when the demo CEO does not exist yet), through the
 * same actions the API uses. Returns the logins to print.
 */
export async function seedDemo(db: Database, options: { organizationName: string; content?: DemoContentSeeder; onCommit?: () => void; storage?: FileStorage }) {
  const existing = await db.selectFrom('users').select('id').where('email', '=', DEMO_CEO.email).executeTakeFirst()
  const { ceo } = await bootstrapOrganization(db, { organizationName: options.organizationName, ceo: DEMO_CEO })
  if (!ceo) throw new Error('Demo seeding needs the demo CEO')
  const logins = [{ email: DEMO_CEO.email, name: DEMO_CEO.name, role: 'ceo' }, ...demoPeople.map(({ email, name, role }) => ({ email, name, role }))]
  if (existing) return { seeded: false, logins, password: DEMO_PASSWORD }

  const people = new Map<string, Actor>()
  await inTransaction(db, { actor: ceo, onCommit: options.onCommit }, async (ctx) => {
    for (const person of demoPeople) {
      const user = await createUser(ctx, { ...person, password: DEMO_PASSWORD })
      people.set(person.email, { id: user.id, organizationId: user.organizationId, role: user.role, name: user.name, email: user.email })
    }
  })
  if (options.content) await options.content(db, ceo, people, options.onCommit, options.storage)
  return { seeded: true, logins, password: DEMO_PASSWORD }
}
