import type { Transaction } from 'kysely'
import type { DB, Role } from '../db/schema'

/** Who is acting. Loaded from the access token and checked against the database per request. */
export interface Actor {
  id: string
  organizationId: string
  role: Role
  name: string
  email: string
}

/**
 * What every action receives. Actions never open or commit the transaction: the caller owns it,
 * which is what lets a command plan run many actions all-or-nothing.
 */
export interface ActionContext {
  tx: Transaction<DB>
  actor: Actor
  now: Date
  requestId?: string
  ip?: string
  /** Runs after a successful commit (never on rollback): publishing, side effects. */
  afterCommit(fn: () => void | Promise<void>): void
}

/** Baton itself, acting for an organization (jobs): events and audit rows carry no user (actor_id null). */
export function systemActor(organizationId: string): Actor {
  return { id: null as unknown as string, organizationId, role: 'staff', name: 'Baton', email: '' }
}
