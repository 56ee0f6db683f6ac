import type { FastifyInstance } from 'fastify'
import { auditRoutes } from './audit/audit.routes'
import { authRoutes } from './auth/auth.routes'
import { categoriesRoutes } from './categories/categories.routes'
import { channelsRoutes } from './channels/channels.routes'
import { commandsRoutes } from './commands/commands.routes'
import { healthRoutes } from './health/health.routes'
import { messagesRoutes } from './messages/messages.routes'
import { notificationsRoutes } from './notifications/notifications.routes'
import { realtimeRoutes } from './realtime/realtime.routes'
import { resourcesRoutes } from './resources/resources.routes'
import { tasksRoutes } from './tasks/tasks.routes'
import { userRoutes } from './users/users.routes'
import { voiceRoutes } from './voice/voice.routes'
import { webRoutes } from './web/web.routes'
import type { RouteDeps } from './types'

/** Every route module, registered in this order by buildApp. */
export const routeModules: Array<(app: FastifyInstance, deps: RouteDeps) => void | Promise<void>> = [
  healthRoutes,
  authRoutes,
  userRoutes,
  categoriesRoutes,
  channelsRoutes,
  tasksRoutes,
  messagesRoutes,
  resourcesRoutes,
  notificationsRoutes,
  auditRoutes,
  realtimeRoutes,
  commandsRoutes,
  voiceRoutes,
  webRoutes, // the web app and its SPA fallback: last, after every API route
]
