/**
 * The voice front door, shared by `POST /api/v1/commands/voice`, the WebSocket voice mode and the
 * speech endpoints: one recognizer and one synthesizer per node, the organization's names taught to
 * the recognizer, and "spoken command → the same runCommand as its text".
 */
import type { Actor } from '../actions/context'
import { runCommand, type CommandDeps, type CommandRequest } from '../commands/service'
import type { CommandResponse } from '../commands/presentCommand'
import type { Database } from '../db/database'
import type { EventBus } from '../events/bus'
import { AppError } from '../http/errors'
import { recognizeSpeech, transcribeRecording, transcribeSamples, type RecognizedSpeech, type RecordingTranscript } from './recognize'
import type { AudioLimits } from './audio/decode'
import { voiceStatus } from './status'
import { VOICE_INSTALL_COMMAND, voiceUnavailable } from './errors'
import { sttFromEnv } from './stt/fromEnv'
import { canLearnVocabulary, type Language, type SpeechToText, type Vocabulary } from './stt/types'
import { ttsFromEnv } from './tts/fromEnv'
import type { SpeechAudio, TextToSpeech } from './tts/types'

export type VoiceCommandRequest = Omit<CommandRequest, 'text' | 'source' | 'sttMs' | 'requireConfirmation' | 'transcriptMeta'> & { language?: Language }

export type VoiceCommandResponse = CommandResponse & {
  transcript: string
  confidence: number
  provider: string
  lowConfidence: boolean
}

/** Events whose names the recognizer should learn (debounced). */
const NAMING_EVENT = /^(user|channel|task|resource|category)\.(created|updated|deleted|archived)$/

export class VoiceService {
  readonly stt: SpeechToText
  readonly tts: TextToSpeech
  private learning = false
  private refreshTimer?: NodeJS.Timeout
  private readonly commands: CommandDeps

  constructor(private readonly deps: { db: Database; bus: EventBus; onCommit?: () => void; env?: NodeJS.ProcessEnv }) {
    this.stt = sttFromEnv(deps.env ?? process.env)
    this.tts = ttsFromEnv(deps.env ?? process.env)
    this.commands = { db: deps.db, onCommit: deps.onCommit }
  }

  status() { return voiceStatus(this.stt, this.tts) }

  /** Throws VOICE_UNAVAILABLE (503, with the install command) when speech input does not work here. */
  async requireInput() {
    const status = await this.stt.status()
    if (!status.available) {
      throw new AppError('VOICE_UNAVAILABLE', `Speech recognition is not installed on this server. Install it with: ${status.installCommand ?? VOICE_INSTALL_COMMAND}`,
        { installCommand: status.installCommand ?? VOICE_INSTALL_COMMAND })
    }
    this.learnNames()
  }

  async requireOutput() {
    const status = await this.tts.status()
    if (!status.available) throw voiceUnavailable('Speech output is not installed.', status.installCommand ?? VOICE_INSTALL_COMMAND)
  }

  /** The user's language setting, for recognition and replies when the client does not say. */
  async languageOf(userId: string): Promise<Language> {
    const row = await this.deps.db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst()
    return row?.language === 'es' ? 'es' : 'en'
  }

  /** Recognizes an uploaded clip (any container) or 16 kHz samples (the streaming mode). */
  async recognize(input: { audio: Uint8Array } | { pcm: Int16Array }, language: Language): Promise<RecognizedSpeech> {
    await this.requireInput()
    return 'audio' in input ? recognizeSpeech(this.stt, input.audio, { language }) : transcribeSamples(this.stt, input.pcm, { language })
  }

  /** A whole recording (an uploaded file), transcribed utterance by utterance. */
  async transcribeRecording(audio: Uint8Array, language: Language, limits?: Partial<AudioLimits>): Promise<RecordingTranscript> {
    await this.requireInput()
    return transcribeRecording(this.stt, audio, { language, limits })
  }

  /**
   * A recognized utterance through the one command path. A low-confidence transcript is only ever
   * planned for confirmation (runCommand also holds destructive voice plans for confirmation).
   */
  async command(actor: Actor, heard: RecognizedSpeech, request: VoiceCommandRequest): Promise<VoiceCommandResponse> {
    const response = await runCommand(this.commands, actor, {
      ...request, text: heard.text, source: 'voice', sttMs: heard.ms, requireConfirmation: heard.lowConfidence,
      transcriptMeta: { stt: { provider: heard.provider, confidence: heard.confidence } },
    })
    return { ...response, transcript: heard.text, confidence: heard.confidence, provider: heard.provider, lowConfidence: heard.lowConfidence }
  }

  async speak(text: string, language: Language, voice?: string): Promise<SpeechAudio> {
    await this.requireOutput()
    return this.tts.synthesize(text, { language, voice })
  }

  async close() {
    clearTimeout(this.refreshTimer)
    await (this.stt as { close?: () => Promise<void> }).close?.()
  }

  /** Starts keeping the recognizer's names in step with the organization, on first use only (servers that never hear speech start no decoders). */
  private learnNames() {
    if (this.learning || !canLearnVocabulary(this.stt)) return
    this.learning = true
    const stt = this.stt
    const refresh = () => { void vocabulary(this.deps.db).then((v) => stt.setVocabulary(v)).catch(() => undefined) }
    refresh()
    this.deps.bus.subscribe((events) => {
      if (!events.some((e) => NAMING_EVENT.test(e.type))) return
      clearTimeout(this.refreshTimer)
      this.refreshTimer = setTimeout(refresh, 1000).unref()
    })
  }
}

/** Org-wide names for the recognizer's grammar, most recently active first. */
async function vocabulary(db: Database): Promise<Vocabulary> {
  const [users, channels, tasks, resources, categories] = await Promise.all([
    db.selectFrom('users').select('name').where('deactivatedAt', 'is', null).orderBy('lastActiveAt', 'desc').execute(),
    db.selectFrom('channels').select('name').where('status', '!=', 'archived').where('deletedAt', 'is', null).orderBy('updatedAt', 'desc').execute(),
    db.selectFrom('tasks').select('title').where('deletedAt', 'is', null).where('status', 'in', ['pending', 'in_progress', 'review']).orderBy('updatedAt', 'desc').limit(200).execute(),
    db.selectFrom('sharedResources').select('name').where('deletedAt', 'is', null).orderBy('updatedAt', 'desc').limit(100).execute(),
    db.selectFrom('categories').select('name').where('deletedAt', 'is', null).execute(),
  ])
  return { users: users.map((u) => u.name), channels: channels.map((c) => c.name), tasks: tasks.map((t) => t.title),
    resources: resources.map((r) => r.name), categories: categories.map((c) => c.name) }
}
