/**
 * Any OpenAI-compatible `/v1/audio/transcriptions` endpoint (OpenAI, faster-whisper and whisper.cpp
 * servers, LocalAI): the clip is uploaded as a 16 kHz WAV in a multipart form.
 */
import { encodeWav } from '../audio/wav'
import { voiceUnavailable } from '../errors'
import type { Language, ProviderStatus, SpeechToText, Transcript } from './types'

export interface OpenAiSttOptions {
  /** Base URL with or without `/v1` (default https://api.openai.com/v1). */
  baseUrl?: string
  apiKey?: string
  model?: string
  timeoutMs?: number
}

/** `${base}/v1/<path>`, whether or not the configured base already ends in /v1. */
export function openAiUrl(baseUrl: string | undefined, path: string) {
  const base = (baseUrl || 'https://api.openai.com/v1').replace(/\/+$/, '')
  return `${/\/v\d+$/.test(base) ? base : `${base}/v1`}/${path}`
}

const isOfficial = (baseUrl?: string) => !baseUrl || /(^|\/\/)api\.openai\.com/.test(baseUrl)

export class OpenAiStt implements SpeechToText {
  readonly name = 'openai'
  constructor(private readonly options: OpenAiSttOptions = {}) {}

  async status(): Promise<ProviderStatus> {
    if (isOfficial(this.options.baseUrl) && !this.options.apiKey) return { available: false, reason: 'OPENAI_API_KEY is not set.' }
    return { available: true }
  }

  async transcribe(pcm: Int16Array, opts: { language: Language }): Promise<Transcript> {
    const status = await this.status()
    if (!status.available) throw voiceUnavailable(status.reason!, 'set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)')
    const started = performance.now()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(encodeWav(pcm))], { type: 'audio/wav' }), 'audio.wav')
    form.append('model', this.options.model || 'whisper-1')
    form.append('language', opts.language)
    form.append('response_format', 'json')
    const response = await fetch(openAiUrl(this.options.baseUrl, 'audio/transcriptions'), {
      method: 'POST',
      headers: this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {},
      body: form,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    }).catch((error: Error) => { throw voiceUnavailable(`The speech-to-text service could not be reached (${error.message}).`, 'check OPENAI_BASE_URL') })
    if (!response.ok) {
      const body = (await response.text()).slice(0, 300)
      throw voiceUnavailable(`The speech-to-text service answered ${response.status}: ${body}`, 'check OPENAI_BASE_URL, OPENAI_API_KEY and STT_MODEL')
    }
    const json = (await response.json()) as { text?: string; segments?: { avg_logprob?: number }[] }
    const logprobs = (json.segments ?? []).map((s) => s.avg_logprob).filter((x): x is number => typeof x === 'number')
    // A neural model on open speech: trust it unless it reports otherwise (verbose_json servers do).
    const confidence = logprobs.length ? Math.exp(logprobs.reduce((a, b) => a + b, 0) / logprobs.length) : 0.9
    return { text: (json.text ?? '').trim(), confidence: Math.round(confidence * 1000) / 1000, language: opts.language, ms: performance.now() - started }
  }
}
