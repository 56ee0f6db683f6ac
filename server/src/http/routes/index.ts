import type { FastifyInstance } from 'fastify'
import { authRoutes } from './auth/auth.routes'
import { healthRoutes } from './health/health.routes'
import { userRoutes } from './users/users.routes'
import type { RouteDeps } from './types'

/** Every route module, registered in this order by buildApp. */
export const routeModules: Array<(app: FastifyInstance, deps: RouteDeps) => void | Promise<void>> = [
  healthRoutes,
  authRoutes,
  userRoutes,
]
