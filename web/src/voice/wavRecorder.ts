import { MIC_SAMPLE_RATE, micSupported, openMic, toPcm16, type MicCapture } from './micCapture'

/**
 * Records the microphone as 16 kHz mono 16-bit PCM WAV in the browser (see micCapture), so the
 * server needs no ffmpeg.
 */
export class WavRecorder {
  private mic: MicCapture | null = null
  private chunks: Float32Array[] = []
  readonly sampleRate = MIC_SAMPLE_RATE

  static supported() { return micSupported() }

  async start() {
    this.chunks = []
    this.mic = await openMic((chunk) => this.chunks.push(chunk))
  }

  /** Stops and returns the WAV, with its duration in seconds. */
  async stop(): Promise<{ blob: Blob; seconds: number }> {
    const rate = this.mic?.sampleRate ?? this.sampleRate
    await this.mic?.close()
    this.mic = null
    const samples = concat(this.chunks)
    this.chunks = []
    return { blob: encodeWav(samples, rate), seconds: samples.length / rate }
  }

  cancel() { void this.stop() }
}

function concat(chunks: Float32Array[]) {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.length }
  return out
}

export function encodeWav(samples: Float32Array, sampleRate: number) {
  const header = new DataView(new ArrayBuffer(44))
  const str = (at: number, s: string) => { for (let i = 0; i < s.length; i++) header.setUint8(at + i, s.charCodeAt(i)) }
  str(0, 'RIFF'); header.setUint32(4, 36 + samples.length * 2, true); str(8, 'WAVE')
  str(12, 'fmt '); header.setUint32(16, 16, true); header.setUint16(20, 1, true); header.setUint16(22, 1, true)
  header.setUint32(24, sampleRate, true); header.setUint32(28, sampleRate * 2, true); header.setUint16(32, 2, true); header.setUint16(34, 16, true)
  str(36, 'data'); header.setUint32(40, samples.length * 2, true)
  return new Blob([header.buffer, toPcm16(samples)], { type: 'audio/wav' })
}
