import { api } from './client'
import type { BatonEvent } from './types'
import { getState, setState, type State } from '../state/store'
import { reduce } from '../state/reducer'

type Extra = (e: BatonEvent, before: State) => void
/** A frame that is not a stored event: `voice.*`, `error`, and `socket.open` / `socket.closed` (made here). */
export interface ControlFrame { type: string; data?: Record<string, unknown>; code?: string; message?: string; details?: unknown }
type FrameListener = (frame: ControlFrame) => void

/**
 * The live connection: `/api/v1/ws?token=…&lastEventId=…`. Reconnects with backoff and resumes
 * from the last event applied (none lost, duplicates dropped by id); reconnects at once when the
 * tab wakes up or the network comes back; refreshes the token when the server says it expired.
 */
export class LiveSocket {
  private ws: WebSocket | null = null
  private attempts = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private pingTimer: ReturnType<typeof setInterval> | null = null
  private stopped = true
  private extras = new Set<Extra>()
  private frames = new Set<FrameListener>()
  private lastSeen = 0

  start() {
    if (!this.stopped) return
    this.stopped = false
    window.addEventListener('online', this.wake)
    document.addEventListener('visibilitychange', this.wake)
    this.connect()
  }

  stop() {
    this.stopped = true
    window.removeEventListener('online', this.wake)
    document.removeEventListener('visibilitychange', this.wake)
    if (this.timer) clearTimeout(this.timer)
    if (this.pingTimer) clearInterval(this.pingTimer)
    this.ws?.close(1000, 'bye')
    if (this.ws) this.emitFrame({ type: 'socket.closed' })
    this.ws = null
    setState({ connection: 'offline' })
  }

  onEvent(fn: Extra) { this.extras.add(fn); return () => { this.extras.delete(fn) } }

  /** Voice-mode frames and errors; also `socket.closed` when this connection ends (its voice mode with it). */
  onFrame(fn: FrameListener) { this.frames.add(fn); return () => { this.frames.delete(fn) } }

  get open() { return this.ws?.readyState === WebSocket.OPEN }

  /** Returns whether the message went out (false while disconnected). */
  send(message: Record<string, unknown>) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false
    this.ws.send(JSON.stringify(message))
    return true
  }

  /** Binary frames carry the conversation mode's audio. */
  sendBinary(data: ArrayBuffer) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false
    this.ws.send(data)
    return true
  }

  private emitFrame(frame: ControlFrame) { for (const fn of this.frames) fn(frame) }

  /** Tells the server which channel this tab is looking at (presence "viewing"; its detail events). */
  viewing(channelId: string | null) {
    setState({ viewingChannel: channelId })
    this.send(channelId ? { type: 'subscribe', channelId } : { type: 'unsubscribe' })
  }

  private wake = () => {
    if (this.stopped) return
    this.send({ type: 'presence', status: document.visibilityState === 'hidden' ? 'away' : 'online' })
    if (document.visibilityState === 'hidden') return
    const stale = Date.now() - this.lastSeen > 45_000
    if (!this.ws || this.ws.readyState > WebSocket.OPEN || stale) { this.ws?.close(); this.reconnect(0) }
  }

  private connect() {
    const token = api.token
    if (!token || this.stopped) return
    const last = getState().lastEventId
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
    const url = `${proto}//${location.host}/api/v1/ws?token=${encodeURIComponent(token)}${last !== null ? `&lastEventId=${last}` : ''}`
    setState({ connection: this.attempts ? 'reconnecting' : 'connecting' })
    if (this.ws) this.emitFrame({ type: 'socket.closed' }) // replaced (a stale socket on wake-up)
    const ws = new WebSocket(url)
    this.ws = ws
    let expired = false
    ws.onopen = () => {
      this.attempts = 0
      this.lastSeen = Date.now()
      setState({ connection: 'live' })
      this.emitFrame({ type: 'socket.open' })
      const viewing = getState().viewingChannel
      if (viewing) this.send({ type: 'subscribe', channelId: viewing })
      void loadPresence()
      if (this.pingTimer) clearInterval(this.pingTimer)
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), 25_000)
    }
    ws.onmessage = (msg) => {
      this.lastSeen = Date.now()
      let data: any
      try { data = JSON.parse(String(msg.data)) } catch { return }
      for (const e of Array.isArray(data) ? data : [data]) {
        if (!e || typeof e.type !== 'string') continue
        if (e.type === 'error') { if (/EXPIRED/.test(String(e.code))) expired = true; this.emitFrame(e); continue }
        if (e.type.startsWith('voice.')) { this.emitFrame(e); continue }
        if (e.type === 'ready') {
          // nothing applied yet: resume later from where this connection started
          if (getState().lastEventId === null && typeof e.data?.lastEventId === 'number') setState({ lastEventId: e.data.lastEventId })
          continue
        }
        if (e.type === 'resync_required') {
          // too far behind to replay: refetch what pages show, then resume from the server's position
          setState((st) => ({ lastEventId: typeof e.data?.lastEventId === 'number' ? e.data.lastEventId : null, epoch: st.epoch + 1 }))
          continue
        }
        const stored = typeof e.id === 'number'
        if (!stored && e.type !== 'presence.changed' && e.type !== 'typing.started') continue // pong, subscribed, …
        const before = getState()
        const after = reduce(before, e as BatonEvent)
        if (after !== before) { setState(after); if (stored) for (const fn of this.extras) fn(e as BatonEvent, before) }
      }
    }
    ws.onclose = (ev) => {
      if (this.ws !== ws) return
      this.ws = null
      this.emitFrame({ type: 'socket.closed' })
      if (this.pingTimer) clearInterval(this.pingTimer)
      if (this.stopped) return
      if (expired || ev.code === 4001 || /EXPIRED/.test(ev.reason)) {
        setState({ connection: 'reconnecting' })
        void api.refresh().then((ok) => { if (ok) this.reconnect(0) })
        return
      }
      this.reconnect()
    }
  }

  private reconnect(delay?: number) {
    if (this.timer) clearTimeout(this.timer)
    this.attempts++
    setState({ connection: 'reconnecting' })
    const wait = delay ?? Math.min(15_000, 500 * 2 ** Math.min(this.attempts, 5)) * (0.7 + Math.random() * 0.6)
    this.timer = setTimeout(() => this.connect(), wait)
  }
}

export const live = new LiveSocket()

/** Who is online or away now (absent means offline). */
async function loadPresence() {
  try {
    const { presence } = await api.get<{ presence: Array<{ userId: string; status: 'online' | 'away' | 'offline'; viewingChannelId: string | null }> }>('/presence')
    setState({ presence: Object.fromEntries(presence.map((p) => [p.userId, { status: p.status, viewing: p.viewingChannelId }])) })
  } catch { /* presence is a nicety */ }
}
