/**
 * Audio intake: any accepted container → 16 kHz mono s16 samples. A canonical WAV (what the web app
 * records) is parsed in-process; everything else goes through ffmpeg. Limits are checked before
 * any work that grows with the input.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { which } from '../availability'
import { audioTooLarge, invalidAudio, unsupportedAudio, voiceUnavailable } from '../errors'
import { detectContainer, type AudioContainer } from './detect'
import { isCanonicalWav, readWavInfo, SAMPLE_RATE, wavSamples } from './wav'

export interface AudioLimits {
  /** Largest accepted upload in bytes (default 10 MB). */
  maxBytes: number
  /** Longest accepted clip in seconds (default 30 s). */
  maxSeconds: number
}

export const DEFAULT_AUDIO_LIMITS: AudioLimits = { maxBytes: 10 * 1024 * 1024, maxSeconds: 30 }

export interface DecodedAudio {
  pcm: Int16Array
  container: AudioContainer
  seconds: number
  /** 'native' when parsed in-process, 'ffmpeg' when converted. */
  via: 'native' | 'ffmpeg'
  ms: number
}

/** Decodes an uploaded clip to 16 kHz mono s16. Throws INVALID_AUDIO, UNSUPPORTED_AUDIO, PAYLOAD_TOO_LARGE or VOICE_UNAVAILABLE. */
export async function decodeAudio(input: Uint8Array, limits: Partial<AudioLimits> = {}): Promise<DecodedAudio> {
  const { maxBytes, maxSeconds } = { ...DEFAULT_AUDIO_LIMITS, ...limits }
  const started = performance.now()
  if (input.length === 0) throw invalidAudio('The audio is empty.')
  if (input.length > maxBytes) throw audioTooLarge(`The audio is larger than ${Math.round(maxBytes / 1024)} KB.`, { maxBytes })
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  const container = detectContainer(buf)
  if (!container) throw unsupportedAudio('Unsupported audio format: send WAV, WebM/Opus, Ogg, MP3 or M4A.')
  if (container === 'wav') {
    const info = readWavInfo(buf)
    if (isCanonicalWav(info)) {
      const seconds = Math.floor(info.dataLength / 2) / SAMPLE_RATE
      if (seconds > maxSeconds) throw tooLong(maxSeconds)
      return { pcm: wavSamples(buf, info), container, seconds, via: 'native', ms: performance.now() - started }
    }
    if (![1, 3].includes(info.format)) throw unsupportedAudio(`Unsupported WAV encoding (format ${info.format}).`)
    const bytesPerSecond = info.sampleRate * info.channels * (info.bitsPerSample / 8)
    if (bytesPerSecond > 0 && info.dataLength / bytesPerSecond > maxSeconds) throw tooLong(maxSeconds)
  }
  const pcm = await ffmpegToPcm(buf, maxSeconds)
  const seconds = pcm.length / SAMPLE_RATE
  if (seconds > maxSeconds) throw tooLong(maxSeconds)
  return { pcm, container, seconds, via: 'ffmpeg', ms: performance.now() - started }
}

const tooLong = (maxSeconds: number) => audioTooLarge(`The audio is longer than ${maxSeconds} seconds.`, { maxSeconds })

/**
 * ffmpeg reads a temporary file rather than a pipe: MP4/M4A keep their index (moov) at the end,
 * which a pipe cannot seek to. Output stops just past the limit so a huge file costs little.
 */
async function ffmpegToPcm(buf: Buffer, maxSeconds: number): Promise<Int16Array> {
  const ffmpeg = which('ffmpeg')
  if (!ffmpeg) throw voiceUnavailable('Converting this audio format needs ffmpeg, which is not installed.')
  const dir = await mkdtemp(join(tmpdir(), 'baton-audio-'))
  try {
    const file = join(dir, 'in')
    await writeFile(file, buf)
    const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', file, '-t', String(maxSeconds + 0.5),
      '-vn', '-ar', String(SAMPLE_RATE), '-ac', '1', '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1']
    const out = await new Promise<Buffer>((resolve, reject) => {
      execFile(ffmpeg, args, { encoding: 'buffer', maxBuffer: (maxSeconds + 2) * SAMPLE_RATE * 2, timeout: 15_000 }, (error, stdout, stderr) => {
        if (error) reject(invalidAudio('The audio could not be decoded (corrupt or truncated).', { tool: 'ffmpeg', stderr: stderr.toString().trim().slice(0, 300) }))
        else resolve(stdout)
      })
    })
    if (out.length < 2) throw invalidAudio('The audio could not be decoded (no audio stream).')
    const pcm = new Int16Array(Math.floor(out.length / 2))
    for (let i = 0; i < pcm.length; i++) pcm[i] = out.readInt16LE(2 * i)
    return pcm
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
