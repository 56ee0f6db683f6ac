/** Offline text-to-speech with espeak-ng (about 20 ms for a two-sentence reply); returns WAV. */
import { execFile } from 'node:child_process'
import { which } from '../availability'
import { fixStreamedWavSizes } from '../audio/wav'
import { VOICE_INSTALL_COMMAND, voiceUnavailable } from '../errors'
import type { Language, ProviderStatus } from '../stt/types'
import type { SpeechAudio, TextToSpeech } from './types'

const DEFAULT_VOICES: Record<Language, string> = { en: 'en-us', es: 'es' }
const MAX_CHARS = 5000

export class EspeakTts implements TextToSpeech {
  readonly name = 'espeak-ng'
  private readonly binary: string | null
  constructor(private readonly options: { speed?: number; env?: NodeJS.ProcessEnv } = {}) {
    this.binary = which('espeak-ng', options.env?.PATH ?? process.env.PATH)
  }

  async status(): Promise<ProviderStatus> {
    return this.binary ? { available: true } : { available: false, reason: 'espeak-ng is not installed.', installCommand: VOICE_INSTALL_COMMAND }
  }

  async synthesize(text: string, opts: { language: Language; voice?: string }): Promise<SpeechAudio> {
    if (!this.binary) throw voiceUnavailable('Speech output needs espeak-ng, which is not installed.')
    // A voice is a plain espeak-ng name ("en-us", "es-419", "en+m3"): nothing that could be an option.
    const voice = opts.voice && /^[a-z][a-z0-9+_-]{0,30}$/i.test(opts.voice) ? opts.voice : DEFAULT_VOICES[opts.language]
    const args = ['-v', voice, '-s', String(this.options.speed ?? 165), '--stdout', '--stdin']
    const audio = await new Promise<Buffer>((resolve, reject) => {
      const child = execFile(this.binary!, args, { encoding: 'buffer', timeout: 15_000, maxBuffer: 64 << 20 }, (error, stdout) => {
        if (error) reject(error)
        else resolve(stdout)
      })
      child.stdin!.end(text.slice(0, MAX_CHARS))
    })
    return { audio: fixStreamedWavSizes(audio), mimeType: 'audio/wav' }
  }
}
