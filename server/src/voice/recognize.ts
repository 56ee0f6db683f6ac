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

/** A recording's transcript, utterance by utterance (files: meetings, voice memos). */
export interface RecordingTranscript { text: string; utterances: number; seconds: number; provider: string }

/** Longest stretch decoded at once: the recognizers are made for command-length utterances. */
const MAX_CHUNK_MS = 15_000

/**
 * Transcribes a whole recording by cutting it at its pauses (the VAD's speech segments, joined up
 * to 15 s) and decoding each piece on its own; each becomes a sentence of the transcript, so the
 * file pipeline can summarize it. Silence throws NO_SPEECH.
 */
export async function transcribeRecording(stt: SpeechToText, input: Uint8Array, options: RecognizeOptions): Promise<RecordingTranscript> {
  const decoded = await decodeAudio(input, options.limits)
  const speech = analyzeSpeech(decoded.pcm, options.vad)
  if (!speech.hasSpeech) throw noSpeech()
  const chunks: { startMs: number; endMs: number }[] = []
  for (const segment of speech.segments) {
    const last = chunks[chunks.length - 1]
    if (last && segment.endMs - last.startMs <= MAX_CHUNK_MS && segment.startMs - last.endMs < 700) last.endMs = segment.endMs
    else chunks.push({ ...segment })
  }
  const pad = 0.3 * SAMPLE_RATE
  const sentences: string[] = []
  for (const chunk of chunks) {
    if (chunk.endMs - chunk.startMs < 200) continue // a click, not a word
    for (let at = chunk.startMs; at < chunk.endMs; at += MAX_CHUNK_MS) {
      const from = Math.max(0, Math.floor((at / 1000) * SAMPLE_RATE - pad))
      const to = Math.min(decoded.pcm.length, Math.ceil((Math.min(chunk.endMs, at + MAX_CHUNK_MS) / 1000) * SAMPLE_RATE + pad))
      const heard = (await stt.transcribe(decoded.pcm.subarray(from, to), { language: options.language })).text.trim()
      if (heard) sentences.push(`${heard[0]!.toUpperCase()}${heard.slice(1)}.`)
    }
  }
  if (!sentences.length) throw new AppError('NO_SPEECH', "I didn't catch any words in this recording.")
  return { text: sentences.join(' '), utterances: sentences.length, seconds: decoded.seconds, provider: stt.name }
}