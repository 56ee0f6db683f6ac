import type { Database } from '../db/database'
import { AppError } from '../http/errors'
import { recordDenial } from '../audit/audit'
import type { ActionContext, Actor } from './context'

export interface RunOptions {
  actor: Actor
  requestId?: string
  ip?: string
  now?: Date
  /** Called after every commit that wrote events, so the relay publishes them at once. */
  onCommit?: () => void
}

/**
 * Runs `fn` in one transaction with an ActionContext. After commit, runs the queued after-commit
 * hooks; after a permission denial, records it in the audit log (outside the rolled-back work).
 */
export async function inTransaction<T>(db: Database, options: RunOptions, fn: (ctx: ActionContext) => Promise<T>): Promise<T> {
  const hooks: Array<() => void | Promise<void>> = []
  let result: T
  try {
    result = await db.transaction().execute(async (tx) => {
      const ctx: ActionContext = {
        tx,
        actor: options.actor,
        now: options.now ?? new Date(),
        requestId: options.requestId,
        ip: options.ip,
        afterCommit: (hook) => { hooks.push(hook) },
      }
      return fn(ctx)
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      await recordDenial(db, options, error.message).catch(() => undefined)
    }
    throw error
  }
  if (hooks.length) options.onCommit?.()
  for (const hook of hooks) {
    try { await hook() } catch { /* after-commit work must not turn a committed change into an error */ }
  }
  return result
}
