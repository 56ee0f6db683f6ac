import websocket from '@fastify/websocket'
import type { FastifyInstance } from 'fastify'
import { Connection } from '../../../realtime/connection'
import { actorOf } from '../../plugins/auth'
import type { RouteDeps } from '../types'

/**
 * GET /api/v1/ws: the real-time socket (protocol in docs/realtime.md); it authenticates itself.
 * GET /api/v1/presence: who is online or away now.
 */
export async function realtimeRoutes(app: FastifyInstance, { services, actors }: RouteDeps) {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } })

  app.get('/api/v1/ws', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const query = request.query as { token?: string; lastEventId?: string }
    new Connection(socket, services.hub, actors, services.voice).start(query.token, query.lastEventId)
  })

  app.get('/api/v1/presence', {
    schema: { tags: ['realtime'], summary: 'Presence snapshot: users online or away (absent means offline), and the channel each is viewing' },
  }, async (request) => ({ presence: await services.hub.presenceSnapshot(actorOf(request)) }))
}
