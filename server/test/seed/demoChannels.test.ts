import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/actions/context'
import { inTransaction } from '../../src/actions/transaction'
import { createUser } from '../../src/actions/users/createUser'
import { demoPeople, DEMO_PASSWORD } from '../../src/seed/demo'
import { seedDemoChannels } from '../../src/seed/demoChannels'
import { createTestContext, type TestContext } from '../harness'

let t: TestContext
beforeAll(async () => { t = await createTestContext() })
afterAll(async () => { await t.close() })

describe('demo channels', () => {
  it('seeds categories, public and private channels with members and relationships, through the actions', async () => {
    const db = t.services.database.db
    const people = new Map<string, Actor>()
    await inTransaction(db, { actor: t.ceo }, async (ctx) => {
      for (const person of demoPeople) {
        const u = await createUser(ctx, { ...person, password: DEMO_PASSWORD })
        people.set(person.email, { id: u.id, organizationId: u.organizationId, role: u.role, name: u.name, email: u.email })
      }
    })
    const ids = await inTransaction(db, { actor: t.ceo }, (ctx) => seedDemoChannels(ctx, people))
    expect(ids.size).toBeGreaterThanOrEqual(8)
    const sarah = people.get('sarah@baton.demo')!
    const launch = await db.selectFrom('channelMembers').select(['userId', 'role']).where('channelId', '=', ids.get('Q3 Product Launch')!).execute()
    expect(launch).toContainEqual({ userId: sarah.id, role: 'owner' })
    const priya = await t.as({ email: 'priya@baton.demo', password: DEMO_PASSWORD })
    const visible = (await priya.get('/api/v1/channels?limit=100')).body.items.map((c: { name: string }) => c.name)
    expect(visible).toContain('General')
    expect(visible).not.toContain('Leadership')
    expect((await db.selectFrom('channelRelationships').select('id').execute()).length).toBe(4)
  })
})
