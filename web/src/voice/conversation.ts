/**
 * Hands-free conversation over the live socket's voice mode: `voice.start`, then the microphone
 * streamed as 16 kHz PCM binary frames; the server finds each utterance, runs it as a command and
 * speaks the reply, which plays here. When the user speaks again the reply stops (barge-in) and the
 * server drops what it had not said yet. One instance per page; the panel subscribes to its state.
 */
import { live, type ControlFrame } from '../api/socket'
import { micSupported, openMic, toPcm16, type MicCapture } from './micCapture'
import { ReplyPlayer } from './replyPlayer'
import { initialConversation, reduceConversation, type ConversationInput, type ConversationState } from './conversationState'

export interface ConversationOptions {
  sessionId: string
  timezone: string
  channelId?: string
  language?: string
}

type Listener = (state: ConversationState) => void

const HEADPHONES_KEY = 'baton.voice.headphones'

export class VoiceConversation {
  private state: ConversationState = initialConversation
  private listeners = new Set<Listener>()
  private mic: MicCapture | null = null
  private options: ConversationOptions | null = null
  private unsubscribe: (() => void) | null = null
  private player = new ReplyPlayer((playing) => this.apply({ type: playing ? 'player.playing' : 'player.idle' }))

  get current() { return this.state }

  /**
   * With headphones the reply cannot reach the microphone, so the signal goes to the recognizer
   * untouched. From speakers it would, and the assistant would interrupt itself: the browser's
   * echo cancellation removes it, at some cost in accuracy (measured with Chromium's fake
   * microphone: "create a task called press release" heard as "… file to press release", low
   * confidence, so it asks first). Remembered per browser; takes effect at once.
   */
  get headphones() { return localStorage.getItem(HEADPHONES_KEY) === '1' }

  setHeadphones(on: boolean) {
    localStorage.setItem(HEADPHONES_KEY, on ? '1' : '0')
    if (this.mic) void this.closeMic().then(() => { if (this.state.status !== 'off' && this.state.status !== 'stopping') return this.openMic() })
    for (const fn of this.listeners) fn(this.state)
  }

  subscribe(fn: Listener) {
    this.listeners.add(fn)
    fn(this.state)
    return () => { this.listeners.delete(fn) }
  }

  async start(options: ConversationOptions) {
    if (this.state.status !== 'off') return
    if (!micSupported()) return this.apply({ type: 'local.failed', code: 'MIC_UNSUPPORTED', message: 'This browser cannot record audio.' })
    this.apply({ type: 'local.starting' })
    this.options = options
    this.unsubscribe = live.onFrame(this.onFrame)
    if (!this.sendStart()) this.fail('DISCONNECTED', 'Not connected to the server; try again in a moment.')
  }

  private sendStart() {
    const o = this.options
    if (!o) return false
    return live.send({
      type: 'voice.start', reply: 'audio', sessionId: o.sessionId, timezone: o.timezone,
      ...(o.channelId ? { channelId: o.channelId } : {}), ...(o.language ? { language: o.language } : {}),
    })
  }

  /** Ends the mode: the server answers an utterance in progress, then says `voice.stopped`. */
  stop() {
    if (this.state.status === 'off') return
    void this.closeMic()
    this.player.stop()
    if (!live.send({ type: 'voice.stop' })) this.finish()
    else this.apply({ type: 'local.stopping' })
  }

  /** Silences the reply and tells the server to drop what it has not said yet. */
  hush() {
    this.player.stop()
    live.send({ type: 'voice.cancel' })
  }

  private onFrame = (frame: ControlFrame) => {
    const id = typeof frame.data?.responseId === 'string' ? frame.data.responseId : null
    switch (frame.type) {
      case 'voice.started':
        void this.openMic()
        break
      case 'voice.speech_started':
        this.player.stop() // barge-in: the user talks over the reply
        break
      case 'voice.audio':
        if (id && typeof frame.data?.audio === 'string') this.player.enqueue(id, frame.data.audio)
        break
      case 'voice.dropped':
        if (id) this.player.drop(id)
        break
      case 'socket.closed':
        // Keep listening through a dropped connection: the microphone pauses until the socket is back.
        this.player.stop()
        void this.closeMic()
        break
    }
    const before = this.state.status
    this.apply(frame)
    if (frame.type === 'socket.open' && before === 'reconnecting' && !this.sendStart()) this.fail('DISCONNECTED', 'Not connected to the server.')
    if (this.state.status === 'off') this.finish() // stopped, unavailable, or the socket dropped
  }

  private async openMic() {
    await this.closeMic() // one microphone at a time, whatever order the frames came in
    try {
      const mic = await openMic((chunk) => { live.sendBinary(toPcm16(chunk)) }, { echoCancellation: !this.headphones, blockSize: 2048 })
      // The mode may have ended, or the socket dropped, while the browser was opening the device.
      if (this.state.status === 'off' || this.state.status === 'stopping' || this.state.status === 'reconnecting' || this.mic) { await mic.close(); return }
      this.mic = mic
    } catch {
      live.send({ type: 'voice.stop' })
      this.fail('MIC_DENIED', 'Microphone access was refused.')
    }
  }

  private fail(code: string, message: string) {
    this.apply({ type: 'local.failed', code, message })
    this.finish()
  }

  /** Releases the microphone and the frame subscription (the player keeps its context for next time). */
  private finish() {
    void this.closeMic()
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.state.status !== 'off') this.apply({ type: 'voice.stopped' })
  }

  private async closeMic() {
    const mic = this.mic
    this.mic = null
    await mic?.close()
  }

  private apply(input: ConversationInput) {
    const next = reduceConversation(this.state, input)
    if (next === this.state) return
    this.state = next
    for (const fn of this.listeners) fn(next)
  }
}

export const conversation = new VoiceConversation()
