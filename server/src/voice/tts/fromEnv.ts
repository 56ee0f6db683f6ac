/** Chooses the text-to-speech provider from the environment (`TTS_PROVIDER`, default espeak-ng). */
import { ElevenLabsTts } from './elevenlabs'
import { EspeakTts } from './espeak'
import { OpenAiTts } from './openai'
import type { TextToSpeech } from './types'

export const TTS_PROVIDERS = ['espeak-ng', 'openai', 'elevenlabs'] as const

export function ttsFromEnv(env: NodeJS.ProcessEnv = process.env): TextToSpeech {
  const provider = (env.TTS_PROVIDER || 'espeak-ng').toLowerCase()
  switch (provider) {
    case 'espeak-ng': case 'espeak':
      return new EspeakTts({ env })
    case 'openai':
      return new OpenAiTts({ baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY, model: env.TTS_MODEL, voice: env.TTS_VOICE })
    case 'elevenlabs':
      return new ElevenLabsTts({ apiKey: env.ELEVENLABS_API_KEY, baseUrl: env.ELEVENLABS_BASE_URL, voice: env.ELEVENLABS_VOICE || env.TTS_VOICE, model: env.TTS_MODEL })
    default:
      throw new Error(`Unknown TTS_PROVIDER "${env.TTS_PROVIDER}": use one of ${TTS_PROVIDERS.join(', ')}.`)
  }
}
