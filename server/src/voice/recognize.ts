/**
 * The voice pipeline up to text: bytes → 16 kHz mono samples → "is anyone speaking?" → transcript.
 * Routes and the WebSocket voice mode call these; errors are AppErrors with stable codes.
 */
import { decodeAudio, type AudioLimits, type DecodedAudio } from './audio/decode'
import { analyzeSpeech, type VadOptions } from './audio/vad'
import { SAMPLE_RATE } from './audio/wav'
import { AppError } from '../http/errors'
import { noSpeech } from './errors'
import { isLowConfidence } from './stt/confidence'
import type { Language, SpeechToText, Transcript } from './stt/types'

export interface RecognizedSpeech extends Transcript {
  /** The STT provider's name. */
  provider: string
  lowConfidence: boolean
  audio: { container: DecodedAudio['container'] | 'pcm'; seconds: number; decodeMs: number; via: DecodedAudio['via'] | 'pcm' }
}

export interface RecognizeOptions {
  language: Language
  limits?: Partial<AudioLimits>
  vad?: Partial<VadOptions>
}

/** An uploaded clip (WAV, WebM/Opus, Ogg, MP3, M4A) to text. Throws INVALID_AUDIO, UNSUPPORTED_AUDIO, PAYLOAD_TOO_LARGE, NO_SPEECH, VOICE_UNAVAILABLE. */
export async function recognizeSpeech(stt: SpeechToText, input: Uint8Array, options: RecognizeOptions): Promise<RecognizedSpeech> {
  const decoded = await decodeAudio(input, options.limits)
  return transcribeSamples(stt, decoded.pcm, options, { container: decoded.container, seconds: decoded.seconds, decodeMs: decoded.ms, via: decoded.via })
}

/** Samples already at 16 kHz mono (the streaming mode, after its VAD cut an utterance). */
export async function transcribeSamples(
  stt: SpeechToText, pcm: Int16Array, options: RecognizeOptions,
  audio: RecognizedSpeech['audio'] = { container: 'pcm', seconds: pcm.length / SAMPLE_RATE, decodeMs: 0, via: 'pcm' },
): Promise<RecognizedSpeech> {
  const speech = analyzeSpeech(pcm, options.vad)
  if (!speech.hasSpeech) throw noSpeech()
  // Decode only the speech, with a little silence around it (the decoders want some context).
  const pad = 0.3 * SAMPLE_RATE
  const from = Math.max(0, Math.floor((speech.segments[0]!.startMs / 1000) * SAMPLE_RATE - pad))
  const to = Math.min(pcm.length, Math.ceil((speech.segments[speech.segments.length - 1]!.endMs / 1000) * SAMPLE_RATE + pad))
  const transcript = await stt.transcribe(pcm.subarray(from, to), { language: options.language })
  if (!transcript.text.trim()) throw new AppError('NO_SPEECH', "I didn't catch any words. Please try again.")
  return { ...transcript, provider: stt.name, lowConfidence: isLowConfidence(transcript.confidence), audio }
}
