/**
 * Recordings (uploaded audio files) are transcribed utterance by utterance: cut at their pauses,
 * each piece decoded alone and written as a sentence, so the file pipeline can summarize them.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/files/analyzeFile'
import { PocketSphinxStt } from '../../src/voice/stt/pocketsphinx/provider'
import { transcribeRecording } from '../../src/voice/recognize'
import { TEST_VOCABULARY } from './corpus'
import { missingTools } from './support'

const SENTENCES = ['create a task called budget review due tomorrow', 'mark the social media strategy as done', 'what is overdue']

const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
describe.skipIf(missing !== null)('transcribing a recording', () => {
  let stt: PocketSphinxStt
  let dir: string
  let recording: Buffer

  beforeAll(async () => {
    stt = new PocketSphinxStt()
    stt.setVocabulary(TEST_VOCABULARY)
    await stt.ready('en')
    dir = mkdtempSync(join(tmpdir(), 'baton-recording-'))
    // Three sentences with a second of silence between them, as one 16 kHz WAV.
    const parts = SENTENCES.map((text, i) => {
      const file = join(dir, `s${i}.wav`)
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', file, text])
      return file
    })
    const withPauses = join(dir, 'memo.wav')
    execFileSync('sox', ['-n', '-r', '22050', '-c', '1', join(dir, 'gap.wav'), 'trim', '0', '1'])
    execFileSync('sox', [parts[0]!, join(dir, 'gap.wav'), parts[1]!, join(dir, 'gap.wav'), parts[2]!, '-r', '16000', '-c', '1', '-b', '16', withPauses])
    recording = readFileSync(withPauses)
  }, 120_000)
  afterAll(async () => { await stt?.close(); if (dir) rmSync(dir, { recursive: true, force: true }) })

  it('cuts at the pauses and writes each utterance as a sentence', async () => {
    const result = await transcribeRecording(stt, recording, { language: 'en' })
    expect(result.utterances).toBe(3)
    expect(result.seconds).toBeGreaterThan(6)
    const sentences = result.text.split(/(?<=\.) /)
    expect(sentences).toHaveLength(3)
    expect(sentences.every((s) => /^[A-Z].*\.$/.test(s))).toBe(true)
    expect(sentences[0]!.toLowerCase()).toContain('budget review')
    expect(sentences[2]!.toLowerCase()).toContain('overdue')
  }, 60_000)

  it('becomes a summarized audio file in the pipeline', async () => {
    const { analysis, text } = await analyzeFile(recording, 'audio/wav', 'memo.wav', { transcribe: (audio) => transcribeRecording(stt, audio, { language: 'en' }) }, async () => undefined)
    expect(analysis).toMatchObject({ kind: 'audio', summarizer: 'extractive' })
    expect(analysis.wordCount).toBeGreaterThan(12)
    expect(text.toLowerCase()).toContain('social media strategy')
  }, 60_000)

  it('says so when a recording is silent', async () => {
    const silent = join(dir, 'silent.wav')
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', silent, 'trim', '0', '2'])
    await expect(transcribeRecording(stt, readFileSync(silent), { language: 'en' })).rejects.toMatchObject({ code: 'NO_SPEECH' })
    const { analysis } = await analyzeFile(readFileSync(silent), 'audio/wav', 'silent.wav', { transcribe: (audio) => transcribeRecording(stt, audio, { language: 'en' }) }, async () => undefined)
    expect(analysis.note).toMatch(/^The recording could not be transcribed: /)
  }, 60_000)
})
