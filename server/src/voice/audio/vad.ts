/**
 * Energy-based voice-activity detection on 16 kHz mono s16, in 20 ms frames. A frame is speech when
 * its level is well above the noise floor and above an absolute minimum. `analyzeSpeech` judges a
 * whole clip (is there any speech?); `StreamingVad` follows a live stream and reports where each
 * utterance starts (barge-in) and ends (about 0.4 s of silence).
 */
import { SAMPLE_RATE } from './wav'

export interface VadOptions {
  frameMs: number
  /** Quietest level (dBFS RMS) that can count as speech. */
  minSpeechDb: number
  /** How far above the noise floor a frame must be. */
  marginDb: number
  /** A loud enough frame always counts, whatever the estimated floor. */
  loudDb: number
  /** Shortest speech that counts as an utterance. */
  minSpeechMs: number
  /** Silence that ends an utterance (streaming). */
  endSilenceMs: number
  /** Audio kept before the detected start, so the first phoneme is not clipped (streaming). */
  preRollMs: number
  /** An utterance is cut here even without a pause (streaming). */
  maxUtteranceMs: number
}

export const DEFAULT_VAD: VadOptions = {
  frameMs: 20, minSpeechDb: -50, marginDb: 12, loudDb: -30, minSpeechMs: 150, endSilenceMs: 400, preRollMs: 250, maxUtteranceMs: 15_000,
}

/** RMS level of a frame in dBFS (-100 for digital silence). */
export function levelDb(frame: Int16Array): number {
  if (frame.length === 0) return -100
  let sum = 0
  for (let i = 0; i < frame.length; i++) sum += frame[i]! * frame[i]!
  const rms = Math.sqrt(sum / frame.length) / 32768
  return rms > 0 ? Math.max(-100, 20 * Math.log10(rms)) : -100
}

const thresholdDb = (floorDb: number, o: VadOptions) => Math.max(o.minSpeechDb, Math.min(floorDb + o.marginDb, o.loudDb))

export interface SpeechAnalysis {
  hasSpeech: boolean
  speechMs: number
  noiseFloorDb: number
  peakDb: number
  /** Speech regions, with short gaps (< endSilenceMs) bridged. */
  segments: { startMs: number; endMs: number }[]
}

/** Whole-clip analysis: the noise floor is the 10th percentile of frame levels. */
export function analyzeSpeech(pcm: Int16Array, options: Partial<VadOptions> = {}): SpeechAnalysis {
  const o = { ...DEFAULT_VAD, ...options }
  const frame = Math.round((SAMPLE_RATE * o.frameMs) / 1000)
  const levels: number[] = []
  for (let i = 0; i + frame <= pcm.length; i += frame) levels.push(levelDb(pcm.subarray(i, i + frame)))
  if (levels.length === 0) return { hasSpeech: false, speechMs: 0, noiseFloorDb: -100, peakDb: -100, segments: [] }
  const sorted = [...levels].sort((a, b) => a - b)
  const noiseFloorDb = sorted[Math.floor(sorted.length * 0.1)]!
  const threshold = thresholdDb(noiseFloorDb, o)
  const segments: { startMs: number; endMs: number }[] = []
  let speechFrames = 0
  const gapFrames = Math.round(o.endSilenceMs / o.frameMs)
  levels.forEach((db, i) => {
    if (db < threshold) return
    speechFrames++
    const last = segments[segments.length - 1]
    if (last && i * o.frameMs - last.endMs <= gapFrames * o.frameMs) last.endMs = (i + 1) * o.frameMs
    else segments.push({ startMs: i * o.frameMs, endMs: (i + 1) * o.frameMs })
  })
  const speechMs = speechFrames * o.frameMs
  return { hasSpeech: speechMs >= o.minSpeechMs, speechMs, noiseFloorDb, peakDb: sorted[sorted.length - 1]!, segments }
}

export type VadEvent =
  | { type: 'speechStart'; atMs: number }
  | { type: 'speechEnd'; atMs: number; audio: Int16Array; durationMs: number; truncated: boolean }

/**
 * Incremental detector for streamed audio. Feed frames of any size with `push`; it returns the
 * events they complete. `speechStart` fires after `minSpeechMs` of speech (use it for barge-in);
 * `speechEnd` fires after `endSilenceMs` of silence and carries the utterance's samples.
 */
export class StreamingVad {
  private readonly o: VadOptions
  private readonly frame: number
  private pending = new Int16Array(0)
  private floorDb = -60
  private inSpeech = false
  private run = 0 // consecutive speech frames (while silent) or silent frames (while speaking)
  private preRoll: Int16Array[] = []
  private utterance: Int16Array[] = []
  private utteranceFrames = 0
  private frames = 0

  constructor(options: Partial<VadOptions> = {}) {
    this.o = { ...DEFAULT_VAD, ...options }
    this.frame = Math.round((SAMPLE_RATE * this.o.frameMs) / 1000)
  }

  get speaking() { return this.inSpeech }

  push(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = []
    const all = new Int16Array(this.pending.length + samples.length)
    all.set(this.pending); all.set(samples, this.pending.length)
    let i = 0
    for (; i + this.frame <= all.length; i += this.frame) {
      const event = this.step(all.slice(i, i + this.frame))
      if (event) events.push(event)
    }
    this.pending = all.slice(i)
    return events
  }

  /** Ends the stream: an utterance in progress is returned as finished. */
  flush(): VadEvent[] {
    if (!this.inSpeech) return []
    return [this.finish(false)]
  }

  private step(frame: Int16Array): VadEvent | undefined {
    const o = this.o
    this.frames++
    const db = levelDb(frame)
    const speech = db >= thresholdDb(this.floorDb, o)
    if (!this.inSpeech) {
      // Track the floor while silent: fall fast, rise slowly.
      this.floorDb = db < this.floorDb ? 0.5 * this.floorDb + 0.5 * db : this.floorDb + 0.02 * (db - this.floorDb)
      this.floorDb = Math.max(this.floorDb, -90)
      this.preRoll.push(frame)
      const keep = Math.ceil(o.preRollMs / o.frameMs) + Math.ceil(o.minSpeechMs / o.frameMs)
      if (this.preRoll.length > keep) this.preRoll.shift()
      this.run = speech ? this.run + 1 : 0
      if (this.run * o.frameMs >= o.minSpeechMs) {
        this.inSpeech = true
        this.utterance = this.preRoll
        this.utteranceFrames = this.preRoll.length
        this.preRoll = []
        this.run = 0
        return { type: 'speechStart', atMs: (this.frames - Math.ceil(o.minSpeechMs / o.frameMs)) * o.frameMs }
      }
      return undefined
    }
    this.utterance.push(frame)
    this.utteranceFrames++
    this.run = speech ? 0 : this.run + 1
    if (this.run * o.frameMs >= o.endSilenceMs) return this.finish(false)
    if (this.utteranceFrames * o.frameMs >= o.maxUtteranceMs) return this.finish(true)
    return undefined
  }

  private finish(truncated: boolean): VadEvent {
    // Keep ~200 ms of the trailing silence: the decoder likes a little context after the last word.
    const trailing = Math.max(0, this.run - Math.round(200 / this.o.frameMs))
    const frames = this.utterance.slice(0, this.utterance.length - trailing)
    const audio = new Int16Array(frames.reduce((n, f) => n + f.length, 0))
    let off = 0
    for (const f of frames) { audio.set(f, off); off += f.length }
    this.inSpeech = false
    this.utterance = []
    this.utteranceFrames = 0
    this.run = 0
    return { type: 'speechEnd', atMs: this.frames * this.o.frameMs, audio, durationMs: (audio.length / SAMPLE_RATE) * 1000, truncated }
  }
}
