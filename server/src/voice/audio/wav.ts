/** RIFF/WAVE reading and writing for 16-bit PCM, walking the chunks (no fixed 44-byte header). */
import { invalidAudio } from '../errors'

export const SAMPLE_RATE = 16_000

export interface WavInfo {
  format: number
  channels: number
  sampleRate: number
  bitsPerSample: number
  /** Byte offset and length of the `data` chunk (length clamped to the buffer). */
  dataOffset: number
  dataLength: number
}

/** Reads the `fmt ` and `data` chunks; throws INVALID_AUDIO when they are missing or malformed. */
export function readWavInfo(buf: Buffer): WavInfo {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw invalidAudio('This WAV file is corrupt (no RIFF/WAVE header).')
  }
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataLength'> | undefined
  let off = 12
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4)
    const len = buf.readUInt32LE(off + 4)
    const body = off + 8
    if (id === 'fmt ') {
      if (len < 16 || body + 16 > buf.length) throw invalidAudio('This WAV file is corrupt (bad fmt chunk).')
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) }
      if (fmt.format === 0xfffe && len >= 26 && body + 26 <= buf.length) fmt.format = buf.readUInt16LE(body + 24) // WAVE_FORMAT_EXTENSIBLE
    } else if (id === 'data') {
      if (!fmt) throw invalidAudio('This WAV file is corrupt (data before fmt).')
      // Streaming writers (espeak-ng --stdout, browsers) leave 0xFFFFFFFF or 0x7FFFFFFF here: clamp.
      return { ...fmt, dataOffset: body, dataLength: Math.min(len, buf.length - body) }
    }
    off = body + len + (len & 1)
  }
  throw invalidAudio('This WAV file is corrupt (no audio data).')
}

/** True for the format the recognizers take directly: 16 kHz, mono, signed 16-bit PCM. */
export function isCanonicalWav(info: WavInfo) {
  return info.format === 1 && info.channels === 1 && info.sampleRate === SAMPLE_RATE && info.bitsPerSample === 16
}

/** The samples of a canonical WAV, copied into an aligned Int16Array. */
export function wavSamples(buf: Buffer, info: WavInfo): Int16Array {
  const n = Math.floor(info.dataLength / 2)
  const out = new Int16Array(n)
  for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(info.dataOffset + 2 * i)
  return out
}

/** Wraps mono s16 samples in a 44-byte-header WAV. */
export function encodeWav(pcm: Int16Array, sampleRate = SAMPLE_RATE): Buffer {
  const data = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)
  const head = Buffer.alloc(44)
  head.write('RIFF', 0, 'ascii'); head.writeUInt32LE(36 + data.length, 4); head.write('WAVE', 8, 'ascii')
  head.write('fmt ', 12, 'ascii'); head.writeUInt32LE(16, 16); head.writeUInt16LE(1, 20); head.writeUInt16LE(1, 22)
  head.writeUInt32LE(sampleRate, 24); head.writeUInt32LE(sampleRate * 2, 28); head.writeUInt16LE(2, 32); head.writeUInt16LE(16, 34)
  head.write('data', 36, 'ascii'); head.writeUInt32LE(data.length, 40)
  return Buffer.concat([head, data])
}

/** Rewrites the RIFF and data sizes of a streamed WAV (sizes left as 0x7FFFFFFF) to the real ones. */
export function fixStreamedWavSizes(buf: Buffer): Buffer {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF') return buf
  const out = Buffer.from(buf)
  out.writeUInt32LE(out.length - 8, 4)
  let off = 12
  while (off + 8 <= out.length) {
    const id = out.toString('ascii', off, off + 4)
    const len = out.readUInt32LE(off + 4)
    if (id === 'data') { out.writeUInt32LE(out.length - off - 8, off + 4); break }
    off += 8 + len + (len & 1)
  }
  return out
}
