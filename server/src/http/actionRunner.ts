import type { FastifyRequest } from 'fastify'
import type { ActionContext } from '../actions/context'
import { inTransaction } from '../actions/transaction'
import type { Services } from '../services'
import { actorOf } from './plugins/auth'

export type RunAction = <T>(request: FastifyRequest, fn: (ctx: ActionContext) => Promise<T>) => Promise<T>

/** Runs actions for a request: its actor, one transaction, the relay kicked after commit. */
export function createActionRunner(services: Services): RunAction {
  return (request, fn) => inTransaction(services.database.db, {
    actor: actorOf(request),
    requestId: request.id,
    ip: request.ip,
    onCommit: () => { void services.relay.kick() },
  }, fn)
}
