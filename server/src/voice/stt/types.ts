/** The speech-to-text seam: every provider turns 16 kHz mono s16 samples into text. */

export type Language = 'en' | 'es'

export interface ProviderStatus {
  available: boolean
  reason?: string
  installCommand?: string
}

export interface Transcript {
  text: string
  /** 0..1. Below `LOW_CONFIDENCE` the caller must confirm before acting. */
  confidence: number
  language: Language
  ms: number
  /** Provider-specific evidence (pocketsphinx: both passes and their agreement). */
  details?: Record<string, unknown>
}

export interface SpeechToText {
  readonly name: string
  status(): Promise<ProviderStatus>
  transcribe(pcm: Int16Array, opts: { language: Language }): Promise<Transcript>
}

/** Names of the organization, as the UI shows them; the recognizer learns to hear them. */
export interface Vocabulary {
  users: string[]
  channels: string[]
  tasks: string[]
  resources: string[]
  categories: string[]
}

/** A provider that can be taught the organization's names (pocketsphinx). */
export interface VocabularyAware {
  setVocabulary(vocabulary: Partial<Vocabulary>): void
}

export const canLearnVocabulary = (stt: SpeechToText): stt is SpeechToText & VocabularyAware =>
  typeof (stt as Partial<VocabularyAware>).setVocabulary === 'function'
