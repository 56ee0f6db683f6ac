/**
 * Records the microphone as 16 kHz mono 16-bit PCM WAV in the browser (AudioContext at 16 kHz,
 * so Chromium resamples; a ScriptProcessor collects samples), so the server needs no ffmpeg.
 */
export class WavRecorder {
  private ctx: AudioContext | null = null
  private stream: MediaStream | null = null
  private node: ScriptProcessorNode | null = null
  private source: MediaStreamAudioSourceNode | null = null
  private chunks: Float32Array[] = []
  readonly sampleRate = 16_000

  static supported() {
    return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && typeof AudioContext !== 'undefined'
  }

  async start() {
    this.chunks = []
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false } })
    this.ctx = new AudioContext({ sampleRate: this.sampleRate })
    if (this.ctx.state === 'suspended') await this.ctx.resume()
    this.source = this.ctx.createMediaStreamSource(this.stream)
    this.node = this.ctx.createScriptProcessor(4096, 1, 1)
    this.node.onaudioprocess = (e) => { this.chunks.push(new Float32Array(e.inputBuffer.getChannelData(0))) }
    this.source.connect(this.node)
    this.node.connect(this.ctx.destination)
  }

  /** Stops and returns the WAV, with its duration in seconds. */
  async stop(): Promise<{ blob: Blob; seconds: number }> {
    this.node?.disconnect(); this.source?.disconnect()
    for (const track of this.stream?.getTracks() ?? []) track.stop()
    const rate = this.ctx?.sampleRate ?? this.sampleRate
    await this.ctx?.close().catch(() => undefined)
    this.ctx = null; this.stream = null; this.node = null; this.source = null
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
  const buffer = new ArrayBuffer(44 + samples.length * 2)
  const v = new DataView(buffer)
  const str = (at: number, s: string) => { for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i)) }
  str(0, 'RIFF'); v.setUint32(4, 36 + samples.length * 2, true); str(8, 'WAVE')
  str(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true)
  v.setUint32(24, sampleRate, true); v.setUint32(28, sampleRate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true)
  str(36, 'data'); v.setUint32(40, samples.length * 2, true)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!))
    v.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true)
  }
  return new Blob([buffer], { type: 'audio/wav' })
}
