import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor } from '../../actions/context'
import type { ActorDirectory } from '../../auth/actors'
import { unauthenticated } from '../errors'

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
  interface FastifyContextConfig { public?: boolean }
}

/** Every /api/v1 route needs a valid access token unless it is declared `config: { public: true }`. */
export function installAuth(app: FastifyInstance, actors: ActorDirectory) {
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return
    if (!request.routeOptions.url) return // unknown route: let the 404 handler answer
    if (request.routeOptions.url === '/api/v1/ws') return // the socket authenticates itself
    const header = request.headers.authorization
    const match = header?.match(/^Bearer\s+(\S+)$/i)
    if (!match) throw unauthenticated('Send an access token: Authorization: Bearer <token>.')
    request.actor = await actors.fromToken(match[1]!)
  })
}

/** The signed-in actor of a protected route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated()
  return request.actor
}
