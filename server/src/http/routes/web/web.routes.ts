import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DEMO_CEO, DEMO_PASSWORD, demoPeople } from '../../../seed/demo'
import type { RouteDeps } from '../types'

const distDir = fileURLToPath(new URL('../../../../../dist/web', import.meta.url))

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Baton</title>
<body style="font:16px system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1>Baton is running</h1><p>The web app has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>,
which builds it when needed) and reload. The API is at <a href="/docs">/docs</a>.</p></body></html>`

/**
 * The web app: `dist/web` at `/` (hashed assets cached for a year), and index.html for any other
 * GET that wants HTML and is not an API or docs path, so client-side routes survive a reload.
 * `/app-config.json` tells the sign-in page whether the demo organization (and its logins) exist.
 */
export async function webRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const built = existsSync(`${distDir}/index.html`)
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir, prefix: '/', wildcard: false, index: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }

  app.get('/app-config.json', { config: { public: true }, schema: { hide: true } }, async () => {
    const demo = Boolean(services.config.demo)
    return demo
      ? { demo, password: DEMO_PASSWORD, logins: [{ email: DEMO_CEO.email, name: DEMO_CEO.name, role: 'ceo' }, ...demoPeople.map(({ email, name, role }) => ({ email, name, role }))] }
      : { demo }
  })

  const page = (req: FastifyRequest, reply: FastifyReply) => {
    // Browsers ask for text/html; curl and most tools send */* (or nothing): they get the page too.
    // A client that asks for JSON only gets the API's 404.
    const accept = req.headers.accept ?? ''
    const wantsHtml = !accept || /text\/html|\*\/\*/.test(accept)
    if (!wantsHtml || /^\/(api|docs)(\/|$)/.test(req.url)) return reply.callNotFound()
    reply.header('cache-control', 'no-cache')
    return built ? reply.sendFile('index.html') : reply.type('text/html').send(NOT_BUILT)
  }
  app.get('/', { config: { public: true }, schema: { hide: true } }, page)
  app.get('/*', { config: { public: true }, schema: { hide: true } }, page)
}
