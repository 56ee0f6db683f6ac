/**
 * The WebSocket voice mode (docs/realtime.md, "Voice mode"). After `voice.start` the client streams
 * 16 kHz mono s16le PCM as binary frames; a StreamingVad cuts utterances at ~0.4 s of silence. Each
 * utterance is one turn with a `responseId`: `voice.speech_started` → `voice.transcript` → the
 * command, through the same runCommand as text (its events reach every socket as usual) →
 * `voice.response` → the spoken reply as `voice.audio` chunks, one per sentence → `voice.done`.
 *
 * Barge-in: when speech starts again, earlier turns are dropped (`voice.dropped`) and send nothing
 * more; a dropped turn whose command had not started yet never runs it.
 */
import { randomUUID } from 'node:crypto'
import type { Actor } from '../actions/context'
import { AppError } from '../http/errors'
import { StreamingVad } from '../voice/audio/vad'
import type { VoiceService } from '../voice/service'
import type { Language } from '../voice/stt/types'
import { controlFrame, errorFrame, type ClientMessage } from './protocol'

export type VoiceStart = Extract<ClientMessage, { type: 'voice.start' }>
type Options = VoiceStart & { language: Language; sessionId: string }

/** What the voice mode needs from its socket. */
export interface VoiceHost {
  /** Sends one frame now (control frames bypass the event queue). */
  send(frame: string): void
  /** The speaker as they are now (role, active state); throws when they no longer may act. */
  actor(): Promise<Actor>
}

/** Turns waiting behind the one being answered; more means the client streams faster than we can answer. */
const MAX_QUEUED_TURNS = 3

interface Turn {
  id: string
  /** listening → recognizing → acting → replying → done. */
  stage: 'listening' | 'recognizing' | 'acting' | 'replying' | 'done'
  dropped: boolean
}

export class VoiceMode {
  private options: Options | null = null
  private vad = new StreamingVad()
  private leftover: Buffer | null = null
  private current: Turn | null = null
  private readonly turns: Turn[] = []
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly voice: VoiceService, private readonly host: VoiceHost) {}

  get active() { return this.options !== null }

  async start(message: VoiceStart, actor: Actor) {
    try {
      await this.voice.requireInput()
    } catch (error) {
      const e = error as AppError
      this.host.send(errorFrame('VOICE_UNAVAILABLE', e.message, e.details))
      return
    }
    this.dropAll('restarted')
    // A voice conversation is one command session: "undo that", clarifications and "yes" refer to it.
    const sessionId = message.sessionId ?? `voice-${randomUUID()}`
    this.options = { ...message, language: message.language ?? await this.voice.languageOf(actor.id), sessionId }
    this.vad = new StreamingVad()
    this.leftover = null
    const output = message.reply === 'audio' ? await this.voice.tts.status() : { available: false }
    this.host.send(controlFrame('voice.started', {
      sessionId, language: this.options.language, format: 'pcm_s16le', sampleRate: 16_000, provider: this.voice.stt.name,
      reply: output.available ? 'audio' : 'text', endOfSpeechMs: 400,
    }))
  }

  /** One binary frame of PCM. Frames may split a sample; the odd byte waits for the next frame. */
  audio(bytes: Buffer) {
    if (!this.options) {
      this.host.send(errorFrame('BAD_MESSAGE', 'Send {"type":"voice.start"} before audio frames.'))
      return
    }
    const data = this.leftover ? Buffer.concat([this.leftover, bytes]) : bytes
    const whole = data.length - (data.length % 2)
    this.leftover = whole < data.length ? Buffer.from(data.subarray(whole)) : null
    const pcm = new Int16Array(whole / 2)
    for (let i = 0; i < pcm.length; i++) pcm[i] = data.readInt16LE(i * 2)
    for (const event of this.vad.push(pcm)) {
      if (event.type === 'speechStart') this.speechStarted(event.atMs)
      else this.speechEnded(event.audio, event.truncated)
    }
  }

  /** Ends the stream: an utterance in progress is answered; turns already underway finish. */
  stop() {
    if (!this.options) return
    for (const event of this.vad.flush()) if (event.type === 'speechEnd') this.speechEnded(event.audio, event.truncated)
    this.options = null
    this.host.send(controlFrame('voice.stopped'))
  }

  /** The client stopped listening to replies (a stop button): nothing more is sent for earlier turns. */
  cancel() { this.dropAll('cancelled') }

  /** The socket closed. */
  close() {
    this.options = null
    this.current = null
    for (const turn of this.turns) turn.dropped = true
  }

  private speechStarted(atMs: number) {
    this.dropAll('barge_in')
    const turn: Turn = { id: randomUUID(), stage: 'listening', dropped: false }
    this.current = turn
    this.turns.push(turn)
    this.host.send(controlFrame('voice.speech_started', { responseId: turn.id, atMs }))
  }

  private speechEnded(audio: Int16Array, truncated: boolean) {
    const turn = this.current
    const options = this.options
    this.current = null
    if (!turn || !options) return
    turn.stage = 'recognizing'
    this.host.send(controlFrame('voice.speech_ended', { responseId: turn.id, durationMs: Math.round(audio.length / 16) }))
    const refusal = truncated
      ? new AppError('PAYLOAD_TOO_LARGE', 'That was too long for one command (15 s at most). Please pause between commands.')
      : this.turns.filter((t) => t.stage === 'recognizing').length > MAX_QUEUED_TURNS
        ? new AppError('RATE_LIMITED', 'Still answering your earlier commands; please wait a moment.')
        : null
    if (refusal) { void this.fail(turn, refusal, options).finally(() => this.end(turn)); return }
    this.queue = this.queue.then(() => this.answer(turn, audio, options)).catch(() => undefined)
  }

  private async answer(turn: Turn, audio: Int16Array, options: Options) {
    try {
      if (turn.dropped) return
      const heard = await this.voice.recognize({ pcm: audio }, options.language)
      if (turn.dropped) return
      this.host.send(controlFrame('voice.transcript', {
        responseId: turn.id, text: heard.text, confidence: heard.confidence, lowConfidence: heard.lowConfidence, provider: heard.provider, sttMs: heard.ms,
      }))
      // From here the command runs to its end even if the user barges in: only the reply is dropped.
      turn.stage = 'acting'
      const response = await this.voice.command(await this.host.actor(), heard, {
        sessionId: options.sessionId, channelId: options.channelId, timezone: options.timezone, dryRun: options.dryRun,
      })
      if (turn.dropped) return
      this.host.send(controlFrame('voice.response', { responseId: turn.id, ...response }))
      const { summary, confirmationRequired, status } = response.command
      const prompt = confirmationRequired || (status === 'planned' && options.dryRun)
        ? (options.language === 'es' ? ' ¿Lo hago? Di sí o no.' : ' Shall I go ahead? Say yes or no.') : ''
      await this.reply(turn, summary + prompt, options)
    } catch (error) {
      if (!turn.dropped) await this.fail(turn, error, options)
    } finally {
      this.end(turn)
    }
  }

  /** Speaks `text` sentence by sentence, so the first sentence plays while the next is made. */
  private async reply(turn: Turn, text: string, options: Options) {
    if (options.reply !== 'audio' || !text.trim() || !(await this.voice.tts.status()).available) return
    turn.stage = turn.stage === 'recognizing' ? turn.stage : 'replying'
    const sentences = [...new Intl.Segmenter(options.language, { granularity: 'sentence' }).segment(text)].map((s) => s.segment.trim()).filter(Boolean)
    for (const [seq, sentence] of sentences.entries()) {
      if (turn.dropped) return
      const speech = await this.voice.speak(sentence, options.language, options.voice)
      if (turn.dropped) return
      this.host.send(controlFrame('voice.audio', {
        responseId: turn.id, seq, final: seq === sentences.length - 1, text: sentence, mimeType: speech.mimeType, audio: speech.audio.toString('base64'),
      }))
    }
  }

  /** A turn that ends in an error: sent as `voice.error`, and spoken (but not "no speech", which is usually a cough). */
  private async fail(turn: Turn, error: unknown, options: Options) {
    const e = error instanceof AppError ? error : new AppError('INTERNAL', 'Something went wrong answering that; please try again.')
    this.host.send(controlFrame('voice.error', { responseId: turn.id, code: e.code, message: e.message }))
    if (e.code !== 'NO_SPEECH') await this.reply(turn, e.message, options).catch(() => undefined)
  }

  private end(turn: Turn) {
    const at = this.turns.indexOf(turn)
    if (at >= 0) this.turns.splice(at, 1)
    turn.stage = 'done'
    if (!turn.dropped) this.host.send(controlFrame('voice.done', { responseId: turn.id }))
  }

  /** Drops every turn (listening or answering): none of them sends anything more. */
  private dropAll(reason: 'barge_in' | 'cancelled' | 'restarted') {
    for (const turn of this.turns) {
      if (turn.dropped) continue
      turn.dropped = true
      this.host.send(controlFrame('voice.dropped', { responseId: turn.id, reason, commandStarted: turn.stage === 'acting' || turn.stage === 'replying' }))
    }
    this.current = null
  }
}
