import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { inTransaction } from '../../src/actions/transaction'
import { emit } from '../../src/events/outbox'
import { createTestContext, type TestContext } from '../harness'

let t: TestContext
beforeAll(async () => { t = await createTestContext() })
afterAll(async () => { await t?.close() })

/**
 * Event ids follow commit order. Many transactions emit concurrently, each holding its id for a
 * random while before committing; a reader keeps resuming from the highest id it has seen. If an
 * id could commit after a higher one, the reader would skip it forever; here it must see every id
 * exactly once, each batch continuing right after the last. (PGlite runs transactions one at a
 * time; against PostgreSQL, TEST_DATABASE_URL, they truly overlap.)
 */
describe('event ids follow commit order', () => {
  it('a reader resuming from the highest id seen never misses one, under concurrent writers', async () => {
    const db = t.services.database.db
    const org = t.ceo.organizationId
    const base = (await db.selectFrom('eventCounters').select('lastId').where('organizationId', '=', org).executeTakeFirst())?.lastId ?? 0
    const WRITERS = 12
    const PER_WRITER = 8
    let done = false
    const seen: number[] = []
    const reader = (async () => {
      let cursor = base
      for (;;) {
        const finished = done
        const rows = await db.selectFrom('events').select('id').where('organizationId', '=', org).where('id', '>', cursor).orderBy('id').execute()
        for (const { id } of rows) {
          expect(id).toBe(cursor + 1) // a gap now would be an id committing later, below the cursor
          cursor = id
          seen.push(id)
        }
        if (finished) return
        await new Promise((r) => setTimeout(r, 1))
      }
    })()
    await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) {
        await inTransaction(db, { actor: t.ceo }, async (ctx) => {
          await emit(ctx, 'task.updated', { kind: 'org' }, { w, i })
          await sql`select pg_sleep(${Math.random() * 0.01})`.execute(ctx.tx)
          if ((w + i) % 5 === 0) await emit(ctx, 'task.updated', { kind: 'org' }, { w, i, second: true })
        })
      }
    }))
    done = true
    await reader
    const total = (await db.selectFrom('eventCounters').select('lastId').where('organizationId', '=', org).executeTakeFirstOrThrow()).lastId - base
    expect(total).toBeGreaterThanOrEqual(WRITERS * PER_WRITER)
    expect(seen).toEqual(Array.from({ length: total }, (_, k) => base + k + 1))
  })
})
