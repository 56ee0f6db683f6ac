import type { Actor } from '../src/actions/context'
import { createChannel } from '../src/actions/channels/createChannel'
import { createTask } from '../src/actions/tasks/createTask'
import { inTransaction } from '../src/actions/transaction'
import type { TestContext } from './harness'

/**
 * Fixtures for tests of messages, resources, notifications and audit, made through the real
 * actions (so they carry the same rows and events production makes), plus outbox helpers.
 */
export async function makeChannel(t: TestContext, o: { name?: string; privacy?: 'public' | 'private' | 'restricted'; memberIds?: string[]; actor?: Actor } = {}) {
  const { channel } = await inTransaction(t.services.database.db, { actor: o.actor ?? t.ceo }, (ctx) => createChannel(ctx, {
    name: o.name ?? `Channel ${Math.random().toString(36).slice(2, 8)}`, privacy: o.privacy ?? 'public', memberIds: o.memberIds ?? [],
  }))
  return channel
}

export async function makeTask(t: TestContext, o: { title?: string; channelId?: string | null; assigneeIds?: string[]; dueDate?: string; actor?: Actor } = {}) {
  return inTransaction(t.services.database.db, { actor: o.actor ?? t.ceo }, (ctx) => createTask(ctx, {
    title: o.title ?? `Task ${Math.random().toString(36).slice(2, 8)}`, channelId: o.channelId ?? undefined,
    assigneeIds: o.assigneeIds, dueDate: o.dueDate,
  }))
}

export async function lastEventId(t: TestContext): Promise<number> {
  const row = await t.services.database.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** Runs `fn` and returns the outbox events it left, in order, as {type, scope, payload}. */
export async function eventsOf<T>(t: TestContext, fn: () => Promise<T>): Promise<{ result: T; events: Array<{ type: string; scope: any; payload: any }> }> {
  const before = await lastEventId(t)
  const result = await fn()
  const rows = await t.services.database.db.selectFrom('events').select(['type', 'scope', 'payload']).where('id', '>', before).orderBy('id').execute()
  return { result, events: rows as Array<{ type: string; scope: any; payload: any }> }
}

/** Pages through a list endpoint with `limit` and returns every id in order. */
export async function allPages(get: (url: string) => Promise<{ status: number; body: any }>, url: string, limit: number): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  for (let i = 0; i < 1000; i++) {
    const sep = url.includes('?') ? '&' : '?'
    const res = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(res.body)}`)
    ids.push(...res.body.items.map((i: { id: string }) => i.id))
    cursor = res.body.nextCursor
    if (!cursor) break
  }
  return ids
}
