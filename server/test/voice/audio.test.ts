import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { decodeAudio } from '../../src/voice/audio/decode'
import { detectContainer } from '../../src/voice/audio/detect'
import { analyzeSpeech, StreamingVad, type VadEvent } from '../../src/voice/audio/vad'
import { encodeWav, readWavInfo } from '../../src/voice/audio/wav'
import { transcribeSamples } from '../../src/voice/recognize'
import type { SpeechToText } from '../../src/voice/stt/types'
import { missingTools } from './support'

const run = promisify(execFile)

/** A "voice": a 200 Hz tone with syllable-like amplitude, between stretches of faint noise. */
function clip(parts: { speech: boolean; ms: number }[], noiseLevel = 30) {
  const total = parts.reduce((n, p) => n + (p.ms * 16), 0)
  const pcm = new Int16Array(total)
  let i = 0, seed = 7
  for (const part of parts) {
    for (let k = 0; k < part.ms * 16; k++, i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      const noise = ((seed / 0x7fffffff) - 0.5) * 2 * noiseLevel
      const voice = part.speech ? Math.sin((2 * Math.PI * 200 * i) / 16000) * 8000 * (0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * i) / 16000)) : 0
      pcm[i] = Math.round(voice + noise)
    }
  }
  return pcm
}

const fakeStt = (text = 'create a task called budget review'): SpeechToText & { calls: number } => ({
  name: 'fake', calls: 0,
  async status() { return { available: true } },
  async transcribe(pcm) { this.calls++; return { text, confidence: 0.9, language: 'en', ms: pcm.length / 16 } },
})

async function codeOf(p: Promise<unknown>) {
  try { await p } catch (error) { return { code: (error as { code?: string }).code, status: (error as { status?: number }).status } }
  return null
}

describe('container detection by magic bytes', () => {
  it.each([
    ['wav', Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(8)])],
    ['webm', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81])],
    ['ogg', Buffer.from('OggS\0\x02\0\0')],
    ['mp3', Buffer.from('ID3\x04\0\0\0\0\0\0')],
    ['mp3', Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0])],
    ['m4a', Buffer.from('\0\0\0\x20ftypM4A \0\0\0\0')],
  ])('%s', (expected, bytes) => { expect(detectContainer(bytes)).toBe(expected) })

  it('ignores what is not audio, whatever the client claims', () => {
    expect(detectContainer(Buffer.from('{"text":"hello"}'))).toBeNull()
    expect(detectContainer(Buffer.from('%PDF-1.7'))).toBeNull()
    expect(detectContainer(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toBeNull()
  })
})

describe('intake limits and errors', () => {
  const speech = clip([{ speech: false, ms: 300 }, { speech: true, ms: 800 }, { speech: false, ms: 300 }])

  it('parses 16 kHz mono WAV in-process (no ffmpeg)', async () => {
    const decoded = await decodeAudio(encodeWav(speech))
    expect(decoded.via).toBe('native')
    expect(decoded.container).toBe('wav')
    expect(decoded.pcm).toEqual(speech)
    expect(decoded.seconds).toBeCloseTo(1.4, 2)
  })

  it('walks WAV chunks (LIST before data) and clamps streamed sizes', async () => {
    const wav = encodeWav(speech)
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([4, 0, 0, 0]), Buffer.from('INFO')])
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)])
    withList.writeUInt32LE(0xffffffff, 36 + list.length + 4)
    expect(readWavInfo(withList).dataLength).toBe(speech.length * 2)
    expect((await decodeAudio(withList)).pcm.length).toBe(speech.length)
  })

  it('empty → INVALID_AUDIO 400', async () => {
    expect(await codeOf(decodeAudio(new Uint8Array(0)))).toEqual({ code: 'INVALID_AUDIO', status: 400 })
  })

  it('not audio → UNSUPPORTED_AUDIO 415', async () => {
    expect(await codeOf(decodeAudio(Buffer.from('this is a text file, not audio')))).toEqual({ code: 'UNSUPPORTED_AUDIO', status: 415 })
  })

  it('a WAV header with no data → INVALID_AUDIO 400', async () => {
    expect(await codeOf(decodeAudio(encodeWav(speech).subarray(0, 30)))).toEqual({ code: 'INVALID_AUDIO', status: 400 })
  })

  it('too many bytes or seconds → PAYLOAD_TOO_LARGE 413', async () => {
    expect(await codeOf(decodeAudio(encodeWav(speech), { maxBytes: 1000 }))).toEqual({ code: 'PAYLOAD_TOO_LARGE', status: 413 })
    expect(await codeOf(decodeAudio(encodeWav(speech), { maxSeconds: 1 }))).toEqual({ code: 'PAYLOAD_TOO_LARGE', status: 413 })
  })

  it('silence (digital or faint noise) → NO_SPEECH 422, and the recognizer is not even called', async () => {
    const stt = fakeStt()
    for (const quiet of [new Int16Array(16000 * 2), clip([{ speech: false, ms: 2000 }], 60)]) {
      expect(await codeOf(transcribeSamples(stt, quiet, { language: 'en' }))).toEqual({ code: 'NO_SPEECH', status: 422 })
    }
    expect(stt.calls).toBe(0)
    const ok = await transcribeSamples(stt, speech, { language: 'en' })
    expect(ok).toMatchObject({ text: 'create a task called budget review', provider: 'fake', lowConfidence: false })
  })

  it('speech the recognizer makes nothing of → NO_SPEECH', async () => {
    expect(await codeOf(transcribeSamples(fakeStt(''), speech, { language: 'en' }))).toEqual({ code: 'NO_SPEECH', status: 422 })
  })
})

describe.skipIf(missingTools('ffmpeg') !== null)('ffmpeg conversions (WebM/Opus, Ogg, MP3, M4A, 44.1 kHz stereo WAV)', () => {
  it('decodes each to 16 kHz mono; a truncated file → INVALID_AUDIO', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'baton-audio-test-'))
    try {
      const src = join(dir, 'src.wav')
      await writeFile(src, encodeWav(clip([{ speech: false, ms: 200 }, { speech: true, ms: 1000 }, { speech: false, ms: 200 }])))
      const formats: [string, string[], string][] = [
        ['webm', ['-c:a', 'libopus', '-b:a', '24k'], 'webm'], ['ogg', ['-c:a', 'libopus'], 'ogg'], ['mp3', ['-c:a', 'libmp3lame'], 'mp3'],
        ['m4a', ['-c:a', 'aac'], 'm4a'], ['wav', ['-ar', '44100', '-ac', '2'], 'wav'],
      ]
      for (const [ext, args, container] of formats) {
        const out = join(dir, `x.${ext}`)
        await run('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', src, ...args, out])
        const bytes = await readFile(out)
        const decoded = await decodeAudio(bytes)
        expect(decoded.container, ext).toBe(container)
        expect(decoded.via, ext).toBe('ffmpeg')
        expect(decoded.seconds, ext).toBeGreaterThan(1.3)
        expect(decoded.seconds, ext).toBeLessThan(1.5)
        expect(analyzeSpeech(decoded.pcm).hasSpeech, ext).toBe(true)
        if (ext === 'webm') expect(await codeOf(decodeAudio(bytes.subarray(0, 60)))).toEqual({ code: 'INVALID_AUDIO', status: 400 })
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('voice activity detection', () => {
  it('finds the speech in a clip', () => {
    const a = analyzeSpeech(clip([{ speech: false, ms: 500 }, { speech: true, ms: 700 }, { speech: false, ms: 200 }, { speech: true, ms: 500 }, { speech: false, ms: 500 }]))
    expect(a.hasSpeech).toBe(true)
    expect(a.segments).toHaveLength(1) // a 200 ms pause does not split an utterance
    expect(a.segments[0]!.startMs).toBeGreaterThanOrEqual(480)
    expect(a.segments[0]!.endMs).toBeLessThanOrEqual(1920)
  })

  it('streams: start after the first speech, end after ~0.4 s of silence, whatever the frame size', () => {
    const audio = clip([{ speech: false, ms: 600 }, { speech: true, ms: 900 }, { speech: false, ms: 700 }, { speech: true, ms: 600 }, { speech: false, ms: 1000 }])
    for (const frame of [160, 320, 1000, 4096]) {
      const vad = new StreamingVad()
      const events: VadEvent[] = []
      for (let i = 0; i < audio.length; i += frame) events.push(...vad.push(audio.subarray(i, i + frame)))
      expect(events.map((e) => e.type), `frame ${frame}`).toEqual(['speechStart', 'speechEnd', 'speechStart', 'speechEnd'])
      const [start, end] = events as [Extract<VadEvent, { type: 'speechStart' }>, Extract<VadEvent, { type: 'speechEnd' }>]
      expect(start.atMs).toBeGreaterThanOrEqual(560)
      expect(start.atMs).toBeLessThanOrEqual(700)
      expect(end.atMs - 1500).toBeGreaterThanOrEqual(380) // ~0.4 s after the speech stopped
      expect(end.atMs - 1500).toBeLessThanOrEqual(460)
      expect(end.durationMs).toBeGreaterThan(900) // includes pre-roll and a little trailing silence
      expect(end.durationMs).toBeLessThan(1500)
    }
  })

  it('flush ends an utterance still in progress; long speech is cut at maxUtteranceMs', () => {
    const vad = new StreamingVad({ maxUtteranceMs: 1000 })
    const events = vad.push(clip([{ speech: false, ms: 300 }, { speech: true, ms: 1500 }]))
    // Cut at 1 s; the speech goes on, so a new utterance starts and is still open at the end.
    expect(events.map((e) => e.type)).toEqual(['speechStart', 'speechEnd', 'speechStart'])
    expect((events[1] as Extract<VadEvent, { type: 'speechEnd' }>).truncated).toBe(true)
    expect(vad.speaking).toBe(true)
    expect(vad.flush().map((e) => e.type)).toEqual(['speechEnd'])
    expect(vad.flush()).toEqual([])
  })
})
