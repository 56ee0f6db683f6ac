/** ElevenLabs text-to-speech (`/v1/text-to-speech/{voice}`), multilingual model by default. */
import { voiceUnavailable } from '../errors'
import type { Language, ProviderStatus } from '../stt/types'
import type { SpeechAudio, TextToSpeech } from './types'

export interface ElevenLabsOptions { apiKey?: string; baseUrl?: string; voice?: string; model?: string; timeoutMs?: number }

/** "Rachel", one of the premade voices every account has. */
const DEFAULT_VOICE = '21m00Tcm4TlvDq8ikWAM'

export class ElevenLabsTts implements TextToSpeech {
  readonly name = 'elevenlabs'
  constructor(private readonly options: ElevenLabsOptions = {}) {}

  async status(): Promise<ProviderStatus> {
    return this.options.apiKey ? { available: true } : { available: false, reason: 'ELEVENLABS_API_KEY is not set.' }
  }

  async synthesize(text: string, opts: { language: Language; voice?: string }): Promise<SpeechAudio> {
    if (!this.options.apiKey) throw voiceUnavailable('ELEVENLABS_API_KEY is not set.', 'set ELEVENLABS_API_KEY')
    const base = (this.options.baseUrl || 'https://api.elevenlabs.io').replace(/\/+$/, '')
    const voice = encodeURIComponent(opts.voice || this.options.voice || DEFAULT_VOICE)
    const response = await fetch(`${base}/v1/text-to-speech/${voice}?output_format=mp3_44100_128`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'audio/mpeg', 'xi-api-key': this.options.apiKey },
      body: JSON.stringify({ text, model_id: this.options.model || 'eleven_multilingual_v2', language_code: opts.language }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    }).catch((error: Error) => { throw voiceUnavailable(`ElevenLabs could not be reached (${error.message}).`, 'check ELEVENLABS_BASE_URL') })
    if (!response.ok) throw voiceUnavailable(`ElevenLabs answered ${response.status}: ${(await response.text()).slice(0, 300)}`, 'check ELEVENLABS_API_KEY and ELEVENLABS_VOICE')
    return { audio: Buffer.from(await response.arrayBuffer()), mimeType: response.headers.get('content-type')?.split(';')[0] || 'audio/mpeg' }
  }
}
