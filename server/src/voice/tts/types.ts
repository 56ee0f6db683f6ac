/** The text-to-speech seam. */
import type { Language, ProviderStatus } from '../stt/types'

export interface SpeechAudio {
  audio: Buffer
  mimeType: string
}

export interface TextToSpeech {
  readonly name: string
  status(): Promise<ProviderStatus>
  synthesize(text: string, opts: { language: Language; voice?: string }): Promise<SpeechAudio>
}
