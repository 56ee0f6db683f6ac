/**
 * The microphone as 16 kHz mono Float32 chunks: an AudioContext at 16 kHz (Chromium resamples)
 * and a ScriptProcessor handing each block to `onChunk`. Shared by push-to-talk (which keeps the
 * chunks as a WAV) and the conversation mode (which streams them to the server).
 */
export const MIC_SAMPLE_RATE = 16_000

export interface MicCapture {
  readonly sampleRate: number
  close(): Promise<void>
}

export function micSupported() {
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && typeof AudioContext !== 'undefined'
}

/**
 * Opens the microphone. `echoCancellation` is for hands-free use, where the reply plays from the
 * speakers; push-to-talk keeps the signal untouched (the recognizer prefers it raw).
 */
export async function openMic(onChunk: (samples: Float32Array) => void, opts: { echoCancellation?: boolean; blockSize?: number } = {}): Promise<MicCapture> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: opts.echoCancellation ?? false, noiseSuppression: false, autoGainControl: false },
  })
  const ctx = new AudioContext({ sampleRate: MIC_SAMPLE_RATE })
  try {
    if (ctx.state === 'suspended') await ctx.resume()
  } catch { /* a later user gesture resumes it */ }
  const source = ctx.createMediaStreamSource(stream)
  const node = ctx.createScriptProcessor(opts.blockSize ?? 4096, 1, 1)
  node.onaudioprocess = (e) => { onChunk(new Float32Array(e.inputBuffer.getChannelData(0))) }
  source.connect(node)
  node.connect(ctx.destination)
  return {
    sampleRate: ctx.sampleRate,
    async close() {
      node.onaudioprocess = null
      node.disconnect(); source.disconnect()
      for (const track of stream.getTracks()) track.stop()
      await ctx.close().catch(() => undefined)
    },
  }
}

/** Float samples in [-1, 1] as signed 16-bit little-endian PCM (what the voice mode takes). */
export function toPcm16(samples: Float32Array): ArrayBuffer {
  const out = new DataView(new ArrayBuffer(samples.length * 2))
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!))
    out.setInt16(i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true)
  }
  return out.buffer
}
