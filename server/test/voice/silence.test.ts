/**
 * Digital silence (runs of exact-zero samples: espeak-ng between words, browsers and Chromium's
 * fake microphone around a clip) used to wreck PocketSphinx's features, so a clip recorded by the
 * web app was misheard while the same sentence resampled by sox (which dithers) was heard right.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDigitalSilence } from '../../src/voice/stt/pocketsphinx/decoder'
import { PocketSphinxStt } from '../../src/voice/stt/pocketsphinx/provider'
import { transcribeSamples } from '../../src/voice/recognize'
import { TEST_VOCABULARY } from './corpus'
import { missingTools, wavToPcm } from './support'

const longestZeroRun = (pcm: Int16Array) => {
  let best = 0, run = 0
  for (const s of pcm) { run = s === 0 ? run + 1 : 0; best = Math.max(best, run) }
  return best
}

describe('fillDigitalSilence', () => {
  it('fills long runs of exact zeros with ±1 noise, deterministically, and leaves the rest alone', () => {
    const pcm = new Int16Array(4000)
    for (let i = 0; i < 1000; i++) pcm[i] = Math.round(3000 * Math.sin(i / 5))
    pcm[1500] = 7 // splits the silence into a 499-sample run and a 2499-sample run
    for (let i = 3000; i < 3040; i++) pcm[i] = 0 // (still inside the long run)
    const out = fillDigitalSilence(pcm)
    expect(out).not.toBe(pcm)
    expect(Array.from(out.subarray(0, 1000))).toEqual(Array.from(pcm.subarray(0, 1000)))
    expect(out[1500]).toBe(7)
    expect(longestZeroRun(out)).toBeLessThan(40)
    expect(Array.from(out).every((s, i) => i < 1000 || i === 1500 || Math.abs(s) <= 1)).toBe(true)
    expect(Array.from(fillDigitalSilence(pcm))).toEqual(Array.from(out))
    const sum = Array.from(out.subarray(1001)).reduce((a, s) => a + s, 0)
    expect(Math.abs(sum / 3000)).toBeLessThan(0.1) // symmetric: no DC offset
  })

  it('returns audio without long zero runs as it is', () => {
    const pcm = new Int16Array(2000).map((_, i) => (i % 50 < 20 ? 0 : 100))
    expect(fillDigitalSilence(pcm)).toBe(pcm)
    expect(fillDigitalSilence(new Int16Array(0)).length).toBe(0)
  })
})

const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
describe.skipIf(missing !== null)('recognition of a clip with digital silence', () => {
  let stt: PocketSphinxStt
  beforeAll(async () => {
    stt = new PocketSphinxStt()
    stt.setVocabulary(TEST_VOCABULARY)
    await stt.ready('en')
  }, 120_000)
  afterAll(async () => { await stt?.close() })

  it('hears espeak-ng resampled without dither, padded with exact zeros like a browser recording', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-silence-'))
    try {
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', join(dir, 'raw.wav'), 'create a task called budget review due tomorrow'])
      execFileSync('sox', [join(dir, 'raw.wav'), '-D', '-r', '16000', '-c', '1', '-b', '16', join(dir, 'c16.wav'), 'pad', '0.1', '0.6'])
      const pcm = wavToPcm(readFileSync(join(dir, 'c16.wav')))
      expect(longestZeroRun(pcm)).toBeGreaterThan(0.3 * 16000) // the case under test: long exact-zero runs
      const heard = await transcribeSamples(stt, pcm, { language: 'en' })
      expect(heard.text).toBe('create a task called budget review due tomorrow')
      expect(heard.lowConfidence).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
