import { randomUUID } from 'node:crypto'
import type { WebSocket } from 'ws'
import type { Actor } from '../actions/context'
import type { ActorDirectory } from '../auth/actors'
import type { VoiceService } from '../voice/service'
import { AppError } from '../http/errors'
import { Audience, type Viewer } from './audience'
import type { HubConnection, RealtimeHub } from './hub'
import { VoiceMode } from './voiceMode'
import { CloseCode, controlFrame, errorFrame, parseClientMessage, type ClientMessage, type ErrorCode } from './protocol'
import type { VoiceStart } from './voiceMode'

const AUTH_TIMEOUT_MS = 10_000
const TYPING_EVERY_MS = 2_000

/**
 * One socket: authentication (query token or first `auth` frame; re-authentication later), the
 * resume handshake, client messages, back-pressure and heartbeats. Client frames are handled one
 * at a time, in order.
 */
export class Connection implements HubConnection {
  readonly key = randomUUID()
  organizationId = ''
  viewer: Viewer = { id: '', role: 'staff' }
  status: 'online' | 'away' = 'online'
  viewingChannelId: string | null = null
  presenceUpdatedAt = Date.now()

  private actor: Actor | null = null
  private state: 'authenticating' | 'resuming' | 'live' | 'closed' = 'authenticating'
  private pending: Array<{ id: number; frame: Buffer }> = []
  private lastSentId = 0
  private alive = true
  private chain: Promise<void> = Promise.resolve()
  private expiry?: NodeJS.Timeout
  private readonly authTimer: NodeJS.Timeout
  private readonly typedAt = new Map<string, number>()
  private voiceMode: VoiceMode | null = null

  constructor(private readonly ws: WebSocket, private readonly hub: RealtimeHub, private readonly actors: ActorDirectory, private readonly voice?: VoiceService) {
    this.authTimer = setTimeout(() => this.close(CloseCode.UNAUTHENTICATED, 'UNAUTHENTICATED', 'Authenticate within 10 seconds.'), AUTH_TIMEOUT_MS)
    ws.on('message', (raw: Buffer, isBinary: boolean) => {
      this.serially(() => (isBinary ? this.onAudio(raw) : this.onMessage(raw.toString())))
    })
    ws.on('pong', () => { this.alive = true })
    ws.on('close', () => this.onClosed())
    ws.on('error', () => undefined)
  }

  /** Starts with a token from the query string, as if it had come in an `auth` frame. */
  start(token?: string, lastEventId?: string) {
    if (!token) return
    const from = lastEventId === undefined || lastEventId === '' ? undefined : Number(lastEventId)
    if (from !== undefined && !(Number.isInteger(from) && from >= 0)) {
      this.close(CloseCode.UNAUTHENTICATED, 'BAD_MESSAGE', 'lastEventId must be a non-negative integer.')
      return
    }
    this.serially(() => this.authenticate(token, from))
  }

  isOpen() { return this.state !== 'closed' && this.ws.readyState === this.ws.OPEN }

  // ---- the hub's side ----

  deliver(id: number, frame: Buffer) {
    if (id <= this.lastSentId || this.state === 'closed') return
    if (this.state !== 'live') {
      this.pending.push({ id, frame })
      if (this.pending.length > this.hub.options.maxPendingEvents) this.slowConsumer()
      return
    }
    this.lastSentId = id
    this.send(frame)
  }

  signal(frame: Buffer) { if (this.state === 'live') this.send(frame) }

  /** Replay writes: paced by the socket, so a large replay never piles up in memory. */
  write(id: number, frame: Buffer): Promise<void> {
    if (!this.isOpen()) return Promise.resolve()
    this.lastSentId = Math.max(this.lastSentId, id)
    return new Promise((resolve) => this.ws.send(frame, { binary: false }, () => resolve()))
  }

  /** Called by the hub's timer: false (and terminated) when the last ping went unanswered. */
  heartbeat(): boolean {
    if (this.state === 'closed') return false
    if (!this.alive) { this.ws.terminate(); return false }
    this.alive = false
    try { this.ws.ping() } catch { /* closing */ }
    return this.state !== 'authenticating'
  }

  close(code: number, errorCode: ErrorCode, message: string) {
    if (this.state === 'closed') return
    this.sendRaw(errorFrame(errorCode, message))
    this.state = 'closed'
    this.ws.close(code, errorCode)
    // A stalled peer never completes the closing handshake: drop it (and its buffers) soon after.
    setTimeout(() => this.ws.terminate(), 2_000).unref()
    void this.onClosed()
  }

  // ---- internals ----

  private send(frame: Buffer) {
    if (this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(frame, { binary: false })
    if (this.ws.bufferedAmount > this.hub.options.maxBufferedBytes) this.slowConsumer()
  }

  private sendRaw(text: string) {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text)
  }

  private slowConsumer() {
    this.close(CloseCode.SLOW_CONSUMER, 'SLOW_CONSUMER',
      `Too far behind; reconnect with lastEventId=${this.lastSentId} to resume.`)
  }

  private serially(task: () => Promise<void> | void) {
    this.chain = this.chain.then(task).catch(() => undefined)
  }

  private async onMessage(raw: string) {
    if (this.state === 'closed') return
    const message = parseClientMessage(raw)
    if ('error' in message) { this.sendRaw(errorFrame('BAD_MESSAGE', message.error)); return }
    if (message.type === 'auth') return this.authenticate(message.token, message.lastEventId)
    if (this.state === 'authenticating') {
      return this.close(CloseCode.UNAUTHENTICATED, 'UNAUTHENTICATED', 'Send {"type":"auth","token":...} first.')
    }
    await handlers[message.type](this, message as never)
  }

  /** Binary frames are voice-mode audio. */
  private onAudio(raw: Buffer) {
    if (this.state === 'closed') return
    if (this.state === 'authenticating') return this.close(CloseCode.UNAUTHENTICATED, 'UNAUTHENTICATED', 'Send {"type":"auth","token":...} first.')
    if (!this.voiceMode?.active) { this.sendRaw(errorFrame('BAD_MESSAGE', 'Binary frames are voice audio: send {"type":"voice.start"} first.')); return }
    this.voiceMode.audio(raw)
  }

  async startVoice(message: VoiceStart) {
    if (!this.voice || !this.actor) { this.sendRaw(errorFrame('VOICE_UNAVAILABLE', 'This server has no voice mode.')); return }
    this.voiceMode ??= new VoiceMode(this.voice, {
      send: (frame) => this.sendRaw(frame),
      actor: () => this.actors.current(this.viewer.id),
    })
    await this.voiceMode.start(message, this.actor)
  }

  stopVoice() { this.voiceMode?.stop() }
  cancelVoice() { this.voiceMode?.cancel() }

  private async authenticate(token: string, lastEventId?: number) {
    let actor: Actor
    try {
      actor = await this.actors.fromToken(token)
    } catch (error) {
      const code = error instanceof AppError && error.code === 'TOKEN_EXPIRED' ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED'
      return this.close(CloseCode.UNAUTHENTICATED, code, (error as Error).message)
    }
    if (this.actor && this.actor.id !== actor.id) {
      return this.close(CloseCode.FORBIDDEN, 'FORBIDDEN', 'A socket stays with the user who opened it.')
    }
    this.scheduleExpiry(token)
    const first = !this.actor
    this.actor = actor
    this.viewer = { id: actor.id, role: actor.role }
    if (!first) { this.sendRaw(controlFrame('authenticated', { userId: actor.id })); return }
    clearTimeout(this.authTimer)
    this.organizationId = actor.organizationId
    this.state = 'resuming'
    let result: Awaited<ReturnType<RealtimeHub['attach']>>
    try {
      result = await this.hub.attach(this, lastEventId)
    } catch {
      this.sendRaw(errorFrame('UNAVAILABLE', 'Could not start the event stream; reconnect with lastEventId.'))
      this.ws.close(1011, 'UNAVAILABLE')
      return
    }
    if (!this.isOpen()) return
    if (result.kind === 'resync') this.sendRaw(controlFrame('resync_required', { lastEventId: result.lastId, reason: result.reason }))
    this.lastSentId = Math.max(this.lastSentId, result.lastId)
    this.sendRaw(controlFrame('ready', {
      userId: actor.id, lastEventId: result.lastId, replayed: result.kind === 'resync' ? 0 : result.count, nodeId: this.hub.options.nodeId,
    }))
    this.state = 'live'
    const pending = this.pending
    this.pending = []
    for (const { id, frame } of pending) this.deliver(id, frame)
  }

  private scheduleExpiry(token: string) {
    clearTimeout(this.expiry)
    let exp = 0
    try { exp = Number((JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: number }).exp ?? 0) } catch { /* verified already */ }
    if (!exp) return
    const ms = Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1)
    this.expiry = setTimeout(() => this.close(CloseCode.UNAUTHENTICATED, 'TOKEN_EXPIRED',
      'Your access token expired; refresh it and reconnect with lastEventId (or re-authenticate before expiry).'), Math.max(ms, 0))
    this.expiry.unref()
  }

  private async onClosed() {
    const wasAttached = this.state !== 'authenticating' || this.actor !== null
    this.state = 'closed'
    this.pending = []
    clearTimeout(this.authTimer)
    clearTimeout(this.expiry)
    this.voiceMode?.close()
    if (wasAttached && this.actor) await this.hub.detach(this).catch(() => undefined)
  }

  /** Is the channel visible to this user now? Errors as NOT_FOUND otherwise, like the REST API. */
  async requireVisibleChannel(channelId: string) {
    const allows = await new Audience(this.hub.options.db).channel(channelId)
    if (allows(this.viewer)) return true
    this.sendRaw(errorFrame('NOT_FOUND', `Channel ${channelId} was not found.`))
    return false
  }

  setView(channelId: string | null) {
    this.viewingChannelId = channelId
    this.presenceUpdatedAt = Date.now()
    this.sendRaw(controlFrame(channelId ? 'subscribed' : 'unsubscribed', { channelId }))
    return this.hub.updatePresence(this)
  }

  setStatus(status: 'online' | 'away') {
    this.status = status
    this.presenceUpdatedAt = Date.now()
    return this.hub.updatePresence(this)
  }

  pong(nonce: unknown) { this.sendRaw(controlFrame('pong', nonce === undefined ? {} : { nonce })) }

  typingAllowed(channelId: string) {
    const last = this.typedAt.get(channelId) ?? 0
    if (Date.now() - last < TYPING_EVERY_MS) return false
    this.typedAt.set(channelId, Date.now())
    return true
  }

  typing(channelId: string) { return this.hub.typing(this, channelId) }
}

type Handlers = { [K in Exclude<ClientMessage['type'], 'auth'>]: (c: Connection, m: Extract<ClientMessage, { type: K }>) => Promise<void> | void }

/** One small handler per client message (no big switch). */
const handlers: Handlers = {
  subscribe: async (c, m) => { if (await c.requireVisibleChannel(m.channelId)) await c.setView(m.channelId) },
  unsubscribe: (c, m) => (m.channelId && m.channelId !== c.viewingChannelId ? undefined : c.setView(null)),
  presence: (c, m) => c.setStatus(m.status),
  typing: async (c, m) => { if (c.typingAllowed(m.channelId) && await c.requireVisibleChannel(m.channelId)) await c.typing(m.channelId) },
  ping: (c, m) => c.pong(m.nonce),
  'voice.start': (c, m) => c.startVoice(m),
  'voice.stop': (c) => c.stopVoice(),
  'voice.cancel': (c) => c.cancelVoice(),
}
