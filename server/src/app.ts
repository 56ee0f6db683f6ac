import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { LoggerOptions } from 'pino'
import { randomUUID } from 'node:crypto'
import { ActorDirectory } from './auth/actors'
import { createActionRunner } from './http/actionRunner'
import { installErrorHandler } from './http/errorHandler'
import { installAuth } from './http/plugins/auth'
import { routeModules } from './http/routes'
import type { RouteDeps } from './http/routes/types'
import type { Services } from './services'

export interface BuildOptions { logger?: LoggerOptions | boolean }

/** Builds the HTTP application (no listen): plugins, routes and the one error handler. */
export async function buildApp(services: Services, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: services.config.bodyLimitBytes,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 64
      ? req.headers['x-request-id'] : randomUUID()),
    requestIdHeader: false,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => { reply.header('x-request-id', req.id) })

  await app.register(swagger, {
    openapi: {
      info: { title: 'Baton API', version: '1.0.0', description: 'The voice-first command center. Errors: {"error":{code,message,details?}}.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  installErrorHandler(app)
  const actors = new ActorDirectory(services.database.db, services.tokens, services.bus)
  installAuth(app, actors)
  const deps: RouteDeps = { services, actors, run: createActionRunner(services) }
  for (const register of routeModules) await register(app, deps)
  return app
}
