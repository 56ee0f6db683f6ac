/** Chooses the speech-to-text provider from the environment (`STT_PROVIDER`, default pocketsphinx). */
import { OpenAiStt } from './openai'
import { PocketSphinxStt } from './pocketsphinx/provider'
import type { SpeechToText } from './types'
import { WhisperStt } from './whisper'

export const STT_PROVIDERS = ['pocketsphinx', 'openai', 'whisper'] as const

export function sttFromEnv(env: NodeJS.ProcessEnv = process.env): SpeechToText {
  const provider = (env.STT_PROVIDER || 'pocketsphinx').toLowerCase()
  switch (provider) {
    case 'pocketsphinx':
      return new PocketSphinxStt({ modelDir: env.POCKETSPHINX_MODEL_DIR || undefined, workDir: env.STT_WORK_DIR || undefined, env })
    case 'openai':
      return new OpenAiStt({ baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY, model: env.STT_MODEL })
    case 'whisper':
      return new WhisperStt({ modelPath: env.WHISPER_MODEL_PATH })
    default:
      throw new Error(`Unknown STT_PROVIDER "${env.STT_PROVIDER}": use one of ${STT_PROVIDERS.join(', ')}.`)
  }
}
