/** Aggregate voice availability for `/readyz` and the web app (never fails: it reports). */
import { which } from './availability'
import { VOICE_INSTALL_COMMAND } from './errors'
import type { ProviderStatus, SpeechToText } from './stt/types'
import type { TextToSpeech } from './tts/types'

export interface VoiceStatus {
  /** Speech input works (the microphone can be offered). */
  available: boolean
  stt: ProviderStatus & { provider: string }
  tts: ProviderStatus & { provider: string }
  /** Non-WAV uploads (WebM/Opus, Ogg, MP3, M4A) need ffmpeg; WAV never does. */
  ffmpeg: boolean
  installCommand?: string
}

export async function voiceStatus(stt: SpeechToText, tts: TextToSpeech): Promise<VoiceStatus> {
  const settle = async (p: { status(): Promise<ProviderStatus> }): Promise<ProviderStatus> =>
    p.status().catch((error: Error) => ({ available: false, reason: error.message }))
  const [s, t] = await Promise.all([settle(stt), settle(tts)])
  const ffmpeg = which('ffmpeg') !== null
  const install = s.installCommand ?? t.installCommand ?? (ffmpeg ? undefined : VOICE_INSTALL_COMMAND)
  return { available: s.available, stt: { provider: stt.name, ...s }, tts: { provider: tts.name, ...t }, ffmpeg, ...(install ? { installCommand: install } : {}) }
}
