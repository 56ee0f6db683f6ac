import type { FastifyInstance } from 'fastify'
import type { RouteDeps } from '../types'

export function auditRoutes(_app: FastifyInstance, _deps: RouteDeps) {
  // Routes of this area are registered here.
}
