/** OpenAI-compatible `/v1/audio/speech`. */
import { voiceUnavailable } from '../errors'
import { openAiUrl } from '../stt/openai'
import type { Language, ProviderStatus } from '../stt/types'
import type { SpeechAudio, TextToSpeech } from './types'

export interface OpenAiTtsOptions { baseUrl?: string; apiKey?: string; model?: string; voice?: string; format?: 'mp3' | 'wav' | 'opus'; timeoutMs?: number }

const MIME = { mp3: 'audio/mpeg', wav: 'audio/wav', opus: 'audio/ogg' } as const

export class OpenAiTts implements TextToSpeech {
  readonly name = 'openai'
  constructor(private readonly options: OpenAiTtsOptions = {}) {}

  async status(): Promise<ProviderStatus> {
    const official = !this.options.baseUrl || /api\.openai\.com/.test(this.options.baseUrl)
    return official && !this.options.apiKey ? { available: false, reason: 'OPENAI_API_KEY is not set.' } : { available: true }
  }

  async synthesize(text: string, opts: { language: Language; voice?: string }): Promise<SpeechAudio> {
    const status = await this.status()
    if (!status.available) throw voiceUnavailable(status.reason!, 'set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)')
    const format = this.options.format ?? 'mp3'
    const response = await fetch(openAiUrl(this.options.baseUrl, 'audio/speech'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
      body: JSON.stringify({ model: this.options.model || 'tts-1', input: text, voice: opts.voice || this.options.voice || 'alloy', response_format: format }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    }).catch((error: Error) => { throw voiceUnavailable(`The text-to-speech service could not be reached (${error.message}).`, 'check OPENAI_BASE_URL') })
    if (!response.ok) throw voiceUnavailable(`The text-to-speech service answered ${response.status}: ${(await response.text()).slice(0, 300)}`, 'check OPENAI_BASE_URL, OPENAI_API_KEY and TTS_MODEL')
    const mimeType = response.headers.get('content-type')?.split(';')[0] || MIME[format]
    return { audio: Buffer.from(await response.arrayBuffer()), mimeType }
  }
}
