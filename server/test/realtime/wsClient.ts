import WebSocket from 'ws'

/** A frame from the server: a stored event (with id), an ephemeral event, or a control frame. */
export interface Frame { type: string; id?: number; at?: string; actor?: string; data?: any; code?: string; message?: string }

export interface ConnectOptions {
  token?: string
  lastEventId?: number
  /** Send the token in a first `auth` frame rather than the query string. */
  authInMessage?: boolean
  /** Wait for `ready` (default) before resolving. */
  waitReady?: boolean
  autoPong?: boolean
}

/**
 * A small WebSocket client for tests, benches and scripts: connects to /api/v1/ws, collects every
 * frame, and waits for frames by type and predicate. Tracks the highest event id seen, which is
 * what a client passes back as lastEventId when it reconnects.
 */
export class WsClient {
  readonly frames: Frame[] = []
  lastEventId = 0
  closed: { code: number; reason: string } | null = null
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = []
  private closeWaiters: Array<(c: { code: number; reason: string }) => void> = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame
      this.frames.push(frame)
      if (typeof frame.id === 'number' && frame.id > this.lastEventId) this.lastEventId = frame.id
      if (frame.type === 'ready' || frame.type === 'resync_required') this.lastEventId = Math.max(this.lastEventId, frame.data?.lastEventId ?? 0)
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true))
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() }
      for (const w of this.closeWaiters.splice(0)) w(this.closed)
    })
    ws.on('error', () => undefined)
  }

  static async connect(baseUrl: string, options: ConnectOptions = {}): Promise<WsClient> {
    const url = new URL('/api/v1/ws', baseUrl.replace(/^http/, 'ws'))
    if (options.token && !options.authInMessage) url.searchParams.set('token', options.token)
    if (options.lastEventId !== undefined && !options.authInMessage) url.searchParams.set('lastEventId', String(options.lastEventId))
    const ws = new WebSocket(url, { autoPong: options.autoPong ?? true })
    const client = new WsClient(ws)
    await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject) })
    if (options.token && options.authInMessage) {
      client.send({ type: 'auth', token: options.token, ...(options.lastEventId !== undefined ? { lastEventId: options.lastEventId } : {}) })
    }
    if (options.token && options.waitReady !== false) {
      await Promise.race([client.waitFor('ready'), client.waitForClose().then((c) => { throw new Error(`closed before ready: ${c.code} ${JSON.stringify(client.frames)}`) })])
    }
    return client
  }

  send(message: unknown) { this.ws.send(JSON.stringify(message)) }

  /** Resolves with the first frame (already received or future) of this type matching the predicate. */
  waitFor(type: string, predicate: (f: Frame) => boolean = () => true, timeoutMs = 5_000): Promise<Frame> {
    const match = (f: Frame) => f.type === type && predicate(f)
    const seen = this.frames.find(match)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}; got ${this.frames.map((f) => f.type).join(',')}`)), timeoutMs)
      this.waiters.push({ match, resolve: (f) => { clearTimeout(timer); resolve(f) } })
    })
  }

  /** Waits until some stored event has an id >= this one. */
  waitForId(id: number, timeoutMs = 5_000) { return this.waitAny((f) => (f.id ?? 0) >= id, timeoutMs) }

  waitAny(predicate: (f: Frame) => boolean, timeoutMs = 5_000): Promise<Frame> {
    const seen = this.frames.find(predicate)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; got ${this.frames.map((f) => f.type).join(',')}`)), timeoutMs)
      this.waiters.push({ match: predicate, resolve: (f) => { clearTimeout(timer); resolve(f) } })
    })
  }

  waitForClose(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs)
      this.closeWaiters.push((c) => { clearTimeout(timer); resolve(c) })
    })
  }

  /** Stored events received (frames with an id), in arrival order. */
  events(type?: string) { return this.frames.filter((f) => typeof f.id === 'number' && (!type || f.type === type)) }

  async close() {
    if (this.closed) return
    this.ws.close()
    await this.waitForClose().catch(() => this.ws.terminate())
  }
}
