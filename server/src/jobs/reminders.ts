import { sql } from 'kysely'
import { systemActor, type ActionContext } from '../actions/context'
import { notify } from '../actions/notifications/notify'
import type { Database } from '../db/database'
import type { Notification } from '../db/schema'
import { emit } from '../events/outbox'
import { presentNotification } from '../presenters/presentNotification'
import type { Services } from '../services'

/**
 * The reminder scheduler. Every tick it
 * 1. delivers scheduled notifications that have come due: claims them with
 *    `update … where sent_at is null … for update skip locked`, so with several nodes each row is
 *    delivered exactly once, sets sent_at and emits notification.created to the recipient;
 * 2. reminds the assignees of open tasks due within 24 hours (`deadline_reminder`), once per
 *    assignee and due date: the notifications themselves are the record (entity_id = task,
 *    metadata.dueDate), and a transaction-scoped advisory lock keeps two nodes from both sending.
 * The clock is injected so tests drive it without waiting.
 */
export interface ReminderOptions {
  intervalMs?: number
  now?: () => Date
  batchSize?: number
  onError?: (error: unknown) => void
}

export const DEADLINE_WINDOW_MS = 24 * 60 * 60 * 1000
const DEADLINE_LOCK = 0x0ba7_0001 // pg_try_advisory_xact_lock key of the deadline scan

/** Starts the scheduler; returns a function that stops it (waiting for a tick in flight). */
export function startReminderScheduler(services: Pick<Services, 'database' | 'relay'>, options: ReminderOptions = {}): () => Promise<void> {
  const interval = options.intervalMs ?? 60_000
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = runReminders(services.database.db, { now: (options.now ?? (() => new Date()))(), batchSize: options.batchSize,
      onCommit: () => { void services.relay.kick() } })
      .catch((error) => options.onError?.(error))
      .finally(() => { running = null })
  }
  const timer = setInterval(tick, interval)
  timer.unref()
  setImmediate(tick)
  return async () => { clearInterval(timer); await running }
}

/** One pass of the scheduler at `now`. */
export async function runReminders(db: Database, options: { now: Date; batchSize?: number; onCommit?: () => void }) {
  const delivered = await deliverDueNotifications(db, options)
  const deadlineReminders = await remindDeadlines(db, options)
  return { delivered, deadlineReminders }
}

/** Delivers scheduled notifications whose time has come. */
export async function deliverDueNotifications(db: Database, { now, batchSize = 500, onCommit }: { now: Date; batchSize?: number; onCommit?: () => void }) {
  return inSystemTransaction(db, now, onCommit, async (ctxFor, tx) => {
    const claimed = await tx.updateTable('notifications').set({ sentAt: now, updatedAt: now })
      .where('id', 'in', (eb) => eb.selectFrom('notifications').select('id')
        .where('sentAt', 'is', null).where('scheduledFor', '<=', now)
        .orderBy('scheduledFor').limit(batchSize).forUpdate().skipLocked())
      .where('sentAt', 'is', null)
      .returningAll().execute()
    const orgs = await organizationsOf(tx, claimed.map((n) => n.userId))
    for (const n of sortByDue(claimed)) {
      const org = orgs.get(n.userId)
      if (org) await emit(ctxFor(org), 'notification.created', { kind: 'users', userIds: [n.userId] }, presentNotification(n))
    }
    return claimed.length
  })
}

/** Creates deadline_reminder notifications for assignees of open tasks due within the next 24 hours. */
export async function remindDeadlines(db: Database, { now, batchSize = 500, onCommit }: { now: Date; batchSize?: number; onCommit?: () => void }) {
  return inSystemTransaction(db, now, onCommit, async (ctxFor, tx) => {
    const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${DEADLINE_LOCK}) as ok`.execute(tx)
    if (!rows[0]?.ok) return 0 // another node is on it
    const tasks = await tx.selectFrom('tasks').select(['id', 'title', 'dueDate', 'assignedTo', 'priority'])
      .where('deletedAt', 'is', null).where('status', 'in', ['pending', 'in_progress', 'review'])
      .where('dueDate', '>', now).where('dueDate', '<=', new Date(now.getTime() + DEADLINE_WINDOW_MS))
      .where(sql<boolean>`cardinality(assigned_to) > 0`)
      .orderBy('dueDate').limit(batchSize).execute()
    if (!tasks.length) return 0
    const sent = await tx.selectFrom('notifications').select(['entityId', 'userId', 'metadata'])
      .where('type', '=', 'deadline_reminder').where('entityId', 'in', tasks.map((t) => t.id)).execute()
    const already = new Set(sent.map((n) => `${n.entityId}|${n.userId}|${String(n.metadata.dueDate)}`))
    const orgs = await organizationsOf(tx, tasks.flatMap((t) => t.assignedTo))
    let created = 0
    for (const task of tasks) {
      const due = task.dueDate!.toISOString()
      const pending = task.assignedTo.filter((id) => !already.has(`${task.id}|${id}|${due}`))
      for (const org of new Set(pending.map((id) => orgs.get(id)).filter((o): o is string => Boolean(o)))) {
        const ids = await notify(ctxFor(org), {
          userIds: pending.filter((id) => orgs.get(id) === org), type: 'deadline_reminder', title: `Due soon: ${task.title}`,
          content: `"${task.title}" is due ${due}.`, entityType: 'task', entityId: task.id,
          priority: task.priority === 'urgent' || task.priority === 'critical' ? 'urgent' : 'high', metadata: { dueDate: due },
        })
        created += ids.length
      }
    }
    return created
  })
}

type Tx = ActionContext['tx']

async function inSystemTransaction<T>(db: Database, now: Date, onCommit: (() => void) | undefined,
  fn: (ctxFor: (organizationId: string) => ActionContext, tx: Tx) => Promise<T>): Promise<T> {
  let wrote = false
  const result = await db.transaction().execute((tx) => fn((organizationId) => ({
    tx, actor: systemActor(organizationId), now, afterCommit: () => { wrote = true },
  }), tx))
  if (wrote) onCommit?.()
  return result
}

async function organizationsOf(tx: Tx, userIds: string[]) {
  if (!userIds.length) return new Map<string, string>()
  const rows = await tx.selectFrom('users').select(['id', 'organizationId']).where('id', 'in', [...new Set(userIds)])
    .where('deactivatedAt', 'is', null).where('deletedAt', 'is', null).execute()
  return new Map(rows.map((r) => [r.id, r.organizationId]))
}

function sortByDue(rows: Notification[]) {
  return [...rows].sort((a, b) => (a.scheduledFor?.getTime() ?? 0) - (b.scheduledFor?.getTime() ?? 0) || a.id.localeCompare(b.id))
}
