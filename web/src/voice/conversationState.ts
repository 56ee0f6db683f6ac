/**
 * What the conversation panel shows, as a pure function of the voice-mode frames the server sends
 * (docs/voice.md, "Voice mode on the WebSocket") and of the player's start/stop. Kept apart from
 * the microphone and the socket so it can be tested without a browser.
 */
import type { ControlFrame } from '../api/socket'
import type { Command } from '../api/types'

export type ConversationStatus = 'off' | 'starting' | 'listening' | 'hearing' | 'thinking' | 'speaking' | 'stopping' | 'reconnecting'

export interface Turn {
  responseId: string
  /** The server heard the end of this utterance. */
  ended: boolean
  transcript: string | null
  lowConfidence: boolean
  /** The spoken reply, sentence by sentence as it arrives. */
  reply: string[]
  command: Command | null
  error: { code: string; message: string } | null
  /** Replaced by newer speech (barge-in) or cancelled: nothing more comes for it. */
  dropped: boolean
  done: boolean
}

export interface ConversationState {
  status: ConversationStatus
  sessionId: string | null
  turns: Turn[]
  /** A problem with the mode itself (unavailable, connection lost, microphone refused). */
  error: { code: string; message: string } | null
  /** The player is speaking a reply. */
  playing: boolean
}

export type ConversationInput =
  | ControlFrame
  | { type: 'local.starting' } | { type: 'local.stopping' }
  | { type: 'local.failed'; code: string; message: string }
  | { type: 'player.playing' } | { type: 'player.idle' }

export const initialConversation: ConversationState = { status: 'off', sessionId: null, turns: [], error: null, playing: false }

/** How many turns the panel keeps. */
const KEEP = 8

const str = (v: unknown) => (typeof v === 'string' ? v : null)

export function reduceConversation(state: ConversationState, input: ConversationInput): ConversationState {
  const data = ('data' in input && input.data) || {}
  const id = str(data.responseId)
  const turn = (fn: (t: Turn) => Turn): ConversationState =>
    id === null || !state.turns.some((t) => t.responseId === id) ? state : settle({ ...state, turns: state.turns.map((t) => (t.responseId === id ? fn(t) : t)) })

  switch (input.type) {
    case 'local.starting':
      return { ...initialConversation, status: 'starting' }
    case 'local.stopping':
      return state.status === 'off' ? state : { ...state, status: 'stopping' }
    case 'local.failed':
      return { ...state, status: 'off', playing: false, error: { code: input.code ?? 'ERROR', message: input.message ?? '' } }
    case 'voice.started':
      return { ...state, status: 'listening', sessionId: str(data.sessionId), error: null }
    case 'voice.speech_started': {
      if (id === null) return state
      const fresh: Turn = { responseId: id, ended: false, transcript: null, lowConfidence: false, reply: [], command: null, error: null, dropped: false, done: false }
      // The player stops on barge-in (see VoiceConversation), so nothing is playing any more.
      return settle({ ...state, playing: false, turns: [...state.turns.filter((t) => t.responseId !== id), fresh].slice(-KEEP) })
    }
    case 'voice.speech_ended':
      return turn((t) => ({ ...t, ended: true }))
    case 'voice.transcript':
      return turn((t) => ({ ...t, transcript: str(data.text) ?? '', lowConfidence: data.lowConfidence === true }))
    case 'voice.response':
      return turn((t) => ({ ...t, command: (data.command as Command | undefined) ?? null, transcript: t.transcript ?? str(data.transcript) }))
    case 'voice.audio':
      return turn((t) => ({ ...t, reply: str(data.text) ? [...t.reply, str(data.text)!] : t.reply }))
    case 'voice.error':
      return turn((t) => ({ ...t, error: { code: str(data.code) ?? 'ERROR', message: str(data.message) ?? '' } }))
    case 'voice.dropped':
      return turn((t) => ({ ...t, dropped: true, done: true }))
    case 'voice.done':
      return turn((t) => ({ ...t, done: true }))
    case 'voice.stopped':
      return { ...state, status: 'off', playing: false }
    case 'socket.closed':
      // The server's voice mode went with the socket. A conversation the user is in resumes when the
      // socket is back (VoiceConversation starts it again); one being stopped just ends.
      if (state.status === 'off') return state
      if (state.status === 'stopping' || state.status === 'starting') {
        return { ...state, status: 'off', playing: false, error: { code: 'DISCONNECTED', message: 'The connection dropped; the conversation ended.' } }
      }
      return {
        ...state, status: 'reconnecting', playing: false,
        turns: state.turns.map((t) => (t.done ? t : { ...t, done: true, dropped: true })),
      }
    case 'socket.open':
      return state.status === 'reconnecting' ? { ...state, status: 'starting', error: null } : state
    case 'error':
      // Errors of the mode itself (VOICE_UNAVAILABLE, a refused frame); others belong to other features.
      if (state.status === 'off' || !input.code) return state
      if (state.status === 'starting' || input.code === 'VOICE_UNAVAILABLE') {
        return { ...state, status: 'off', playing: false, error: { code: input.code, message: input.message ?? '' } }
      }
      return { ...state, error: { code: input.code, message: input.message ?? '' } }
    case 'player.playing':
      return settle({ ...state, playing: true })
    case 'player.idle':
      return settle({ ...state, playing: false })
    default:
      return state
  }
}

/** The status follows the newest turn: still being heard, being answered, or nothing pending. */
function settle(state: ConversationState): ConversationState {
  if (state.status === 'off' || state.status === 'starting' || state.status === 'stopping' || state.status === 'reconnecting') return state
  const last = state.turns.at(-1)
  const status: ConversationStatus = state.playing ? 'speaking'
    : last && !last.ended && !last.done ? 'hearing'
      : state.turns.some((t) => !t.done) ? 'thinking' : 'listening'
  return status === state.status ? state : { ...state, status }
}
