import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { markAllNotificationsRead } from '../../../actions/notifications/markAllNotificationsRead'
import { markNotificationRead } from '../../../actions/notifications/markNotificationRead'
import { presentNotification } from '../../../presenters/presentNotification'
import { countUnreadNotifications, listNotifications, listNotificationsQuery } from '../../../queries/listNotifications'
import { actorOf } from '../../plugins/auth'
import { idParams } from '../common'
import type { RouteDeps } from '../types'

export function notificationsRoutes(app: FastifyInstance, { services, run }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const db = services.database.db
  const tags = ['notifications']

  r.get('/api/v1/notifications', { schema: { tags, summary: 'My notifications, newest first (unread=true for unread only)', querystring: listNotificationsQuery } },
    async (req) => listNotifications(db, actorOf(req), req.query))

  r.get('/api/v1/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread' } },
    async (req) => countUnreadNotifications(db, actorOf(req)))

  r.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read' } },
    async (req) => ({ count: (await run(req, (ctx) => markAllNotificationsRead(ctx))).count }))

  r.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: idParams } },
    async (req) => presentNotification(await run(req, (ctx) => markNotificationRead(ctx, req.params.id))))
}
