import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { login, logout, refresh } from '../../../auth/sessions'
import { presentSelf } from '../../../presenters/presentUser'
import { actorOf } from '../../plugins/auth'
import type { RouteDeps } from '../types'

const loginBody = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) })
const refreshBody = z.strictObject({ refreshToken: z.string().min(10).max(200) })

export function authRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const deps = { db: services.database.db, tokens: services.tokens, limiter: services.limiter }
  const client = (req: { ip: string; headers: Record<string, unknown>; id: string }) =>
    ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), requestId: req.id })

  r.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign in with email and password', body: loginBody },
  }, async (req) => {
    const session = await login(deps, req.body.email, req.body.password, client(req))
    return { accessToken: session.accessToken, refreshToken: session.refreshToken, user: presentSelf(session.user) }
  })

  r.post('/api/v1/auth/refresh', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Rotate the token pair; reuse revokes the family', body: refreshBody },
  }, async (req) => {
    const session = await refresh(deps, req.body.refreshToken, client(req))
    return { accessToken: session.accessToken, refreshToken: session.refreshToken, user: presentSelf(session.user) }
  })

  r.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the session of a refresh token', body: refreshBody },
  }, async (req, reply) => {
    await logout(deps, req.body.refreshToken, actorOf(req).id, client(req))
    return reply.code(204).send()
  })
}
