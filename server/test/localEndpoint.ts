/** A local stand-in for an HTTP JSON API (OpenAI-compatible endpoints in tests): each test sets how it answers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LocalEndpoint {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string
  /** How the next requests are answered (the parsed JSON body, with `path` and `auth`). */
  respond: (body: any, res: ServerResponse) => void
  /** Every request so far, parsed. */
  requests: any[]
  close(): Promise<void>
}

export async function startLocalEndpoint(): Promise<LocalEndpoint> {
  const endpoint: LocalEndpoint = { baseUrl: '', respond: () => {}, requests: [], close: async () => {} }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      const body = { path: req.url, auth: req.headers.authorization, ...(raw ? JSON.parse(raw) : {}) }
      endpoint.requests.push(body)
      endpoint.respond(body, res)
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  endpoint.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  endpoint.close = () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()) })
  return endpoint
}
