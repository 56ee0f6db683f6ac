/** Test helpers: synthetic speech from espeak-ng, mixed with faint pink noise by sox (no network). */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { which } from '../../src/voice/availability'

const run = promisify(execFile)

/** The Debian programs a test needs, or a message naming the missing ones. */
export function missingTools(...tools: string[]): string | null {
  const missing = tools.filter((t) => !which(t))
  return missing.length ? `skipped: needs ${missing.join(', ')} (sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg)` : null
}

export interface Voice { name: string; voice: string; speed: number }

export const EN_VOICES: Voice[] = [
  { name: 'us150', voice: 'en-us', speed: 150 },
  { name: 'm3-175', voice: 'en+m3', speed: 175 },
  { name: 'gb140', voice: 'en-gb', speed: 140 },
  { name: 'f3-160', voice: 'en-us+f3', speed: 160 },
]
export const ES_VOICES: Voice[] = [
  { name: 'es150', voice: 'es', speed: 150 },
  { name: 'es419-175', voice: 'es-419', speed: 175 },
]

/** espeak-ng speech as 16 kHz mono s16 WAV bytes, with pink noise `snrDb` below the speech (null: clean). */
export async function synthesizeWav(text: string, voice: Voice, snrDb: number | null = 40): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-synth-'))
  try {
    const raw = join(dir, 'raw.wav'), speech = join(dir, 'speech.wav'), noise = join(dir, 'noise.wav'), out = join(dir, 'out.wav')
    await run('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-w', raw, text])
    await run('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', speech])
    if (snrDb === null) return await readFile(speech)
    const seconds = (await readFile(speech)).length / 32000
    await run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', noise, 'synth', seconds.toFixed(3), 'pinknoise', 'vol', '0.5'])
    const gain = rms(await readFile(speech)) / rms(await readFile(noise)) / 10 ** (snrDb / 20)
    await run('sox', ['-m', '-v', '1', speech, '-v', gain.toFixed(6), noise, out])
    return await readFile(out)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Samples of a 44-byte-header WAV written by sox. */
export function wavToPcm(wav: Buffer): Int16Array {
  const data = wav.subarray(44)
  const pcm = new Int16Array(Math.floor(data.length / 2))
  for (let i = 0; i < pcm.length; i++) pcm[i] = data.readInt16LE(2 * i)
  return pcm
}

function rms(wav: Buffer) {
  const pcm = wavToPcm(wav)
  let sum = 0
  for (const s of pcm) sum += s * s
  return Math.sqrt(sum / Math.max(1, pcm.length)) || 1
}

/** Runs `fn` over `items` with at most `limit` at once (2 cores shared with other work). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]!, i) }
  }))
  return out
}
