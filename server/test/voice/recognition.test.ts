/**
 * End-to-end offline recognition on synthetic speech: espeak-ng in several voices and speeds, faint
 * pink noise mixed in by sox (40 dB SNR: espeak's exact digital silence is unlike any microphone),
 * decoded by PocketSphinx with the models generated from the domain and the organization's names.
 * Prints word error rate and sentence accuracy; asserts floors well inside what the research measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordErrors } from '../../src/voice/stt/confidence'
import { PocketSphinxStt } from '../../src/voice/stt/pocketsphinx/provider'
import { spokenForm } from '../../src/voice/stt/pocketsphinx/spoken'
import { recognizeSpeech } from '../../src/voice/recognize'
import type { Language, Transcript } from '../../src/voice/stt/types'
import { EN_COMMANDS, ES_COMMANDS, ES_VOCABULARY, OUT_OF_DOMAIN, PARAPHRASES, TEST_VOCABULARY } from './corpus'
import { EN_VOICES, ES_VOICES, mapLimit, missingTools, synthesizeWav, type Voice } from './support'

const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
if (missing) console.warn(`[voice recognition] ${missing}`)

interface Row { ref: string; voice: string; result: Transcript & { lowConfidence: boolean } }

async function recognizeAll(stt: PocketSphinxStt, sentences: string[], voices: Voice[], perSentence: number, language: Language) {
  const jobs = sentences.flatMap((ref, i) => Array.from({ length: perSentence }, (_, k) => ({ ref, voice: voices[(i + k) % voices.length]! })))
  // Synthesis two at a time; recognition one at a time (the decoder uses both cores per clip).
  const clips = await mapLimit(jobs, 2, async (job) => ({ ...job, wav: await synthesizeWav(job.ref, job.voice) }))
  const rows: Row[] = []
  for (const clip of clips) rows.push({ ref: clip.ref, voice: clip.voice.name, result: await recognizeSpeech(stt, clip.wav, { language }) })
  return rows
}

function score(rows: Row[], language: Language, pick: (r: Row) => string = (r) => r.result.text) {
  let errors = 0, words = 0, exact = 0
  for (const r of rows) {
    const e = wordErrors(spokenForm(r.ref, language), spokenForm(pick(r), language))
    errors += e.errors; words += e.words
    if (e.errors === 0) exact++
  }
  return { wer: errors / words, sentenceAccuracy: exact / rows.length, n: rows.length, words }
}

function report(title: string, rows: Row[], language: Language) {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`
  const groups = new Map<string, Row[]>([['all', rows], ...[...new Set(rows.map((r) => r.voice))].map((v) => [v, rows.filter((r) => r.voice === v)] as [string, Row[]])])
  const lines = [`\n${title}`, 'voice        utts  WER      sentences right  | grammar WER  n-gram WER | confident  right when confident']
  for (const [name, list] of groups) {
    const all = score(list, language), g = score(list, language, (r) => String(r.result.details?.grammar ?? '')), n = score(list, language, (r) => String(r.result.details?.ngram ?? ''))
    const confident = list.filter((r) => !r.result.lowConfidence)
    const c = confident.length ? score(confident, language) : null
    lines.push(`${name.padEnd(12)} ${String(list.length).padStart(4)}  ${pct(all.wer).padStart(7)}  ${pct(all.sentenceAccuracy).padStart(15)}  | ${pct(g.wer).padStart(11)}  ${pct(n.wer).padStart(10)} | ${String(confident.length).padStart(9)}  ${c ? pct(c.sentenceAccuracy) : '-'}`)
  }
  const wrong = rows.filter((r) => wordErrors(spokenForm(r.ref, language), spokenForm(r.result.text, language)).errors > 0)
  for (const r of wrong.slice(0, 25)) lines.push(`  ${r.result.lowConfidence ? 'low ' : 'CONF'} ${r.voice.padEnd(9)} REF ${r.ref}\n                 HYP ${r.result.text}`)
  console.log(lines.join('\n'))
}

describe.skipIf(missing !== null)('offline recognition (pocketsphinx, synthetic speech)', () => {
  let stt: PocketSphinxStt
  beforeAll(async () => {
    stt = new PocketSphinxStt()
    stt.setVocabulary(TEST_VOCABULARY)
    await stt.ready('en')
  }, 120_000)
  afterAll(async () => { await stt?.close() })

  it(`English: ${EN_COMMANDS.length} commands, 2 voices each, faint noise`, async () => {
    const rows = await recognizeAll(stt, EN_COMMANDS, EN_VOICES, 2, 'en')
    report('English commands (espeak-ng voices, pink noise 40 dB SNR)', rows, 'en')
    const all = score(rows, 'en')
    const confident = rows.filter((r) => !r.result.lowConfidence)
    const confidentScore = score(confident, 'en')
    // Research on this machine: grammar 5-9 %, domain n-gram 2-7 % (smaller domain, fewer voices).
    expect(all.wer).toBeLessThan(0.16)
    expect(score(rows, 'en', (r) => String(r.result.details?.grammar ?? '')).wer).toBeLessThan(0.12)
    expect(confident.length / rows.length).toBeGreaterThan(0.45)
    // The gate's promise: what it is sure about is (almost always) exactly what was said.
    expect(confidentScore.sentenceAccuracy).toBeGreaterThanOrEqual(0.95)
  }, 600_000)

  it('speech outside the grammar comes back low-confidence, not as a confident command', async () => {
    const rows = await recognizeAll(stt, [...OUT_OF_DOMAIN, ...PARAPHRASES], EN_VOICES, 2, 'en')
    const table = rows.map((r) => `  ${r.result.lowConfidence ? 'low ' : 'CONF'} ${r.result.confidence.toFixed(2)} ${r.voice.padEnd(8)} ${r.ref}\n      grammar: ${r.result.details?.grammar}\n      n-gram:  ${r.result.details?.ngram}`)
    const outside = rows.filter((r) => OUT_OF_DOMAIN.includes(r.ref))
    const paraphrases = rows.filter((r) => PARAPHRASES.includes(r.ref))
    console.log(`\nOut of domain: ${outside.filter((r) => r.result.lowConfidence).length}/${outside.length} low-confidence; paraphrases: ${paraphrases.filter((r) => r.result.lowConfidence).length}/${paraphrases.length} low-confidence\n${table.join('\n')}`)
    for (const r of outside) expect(r.result.lowConfidence, `${r.ref} → ${r.result.text}`).toBe(true)
    // Paraphrases are reported, not asserted: "i finished the social media strategy" may be
    // accepted as "finish the social media strategy", which is the same command.
  }, 300_000)

  // Retried: on a loaded 2-core CI machine one decoder pass occasionally loses a word (seen once: "…to tomorrow").
  it('recognizes a name added through setVocabulary a moment earlier', { timeout: 120_000, retry: 2 }, async () => {
    const sentence = 'assign the kanban cleanup to xiomara'
    const wav = await synthesizeWav(sentence, EN_VOICES[0]!)
    const before = await recognizeSpeech(stt, wav, { language: 'en' })
    const started = performance.now()
    // Newest names first, as the provider's contract asks (the grammar keeps the first names of each slot).
    stt.setVocabulary({ ...TEST_VOCABULARY, users: ['Xiomara Quintero', ...TEST_VOCABULARY.users], tasks: ['Kanban cleanup', ...TEST_VOCABULARY.tasks] })
    const models = await stt.ready('en')
    const rebuildMs = performance.now() - started
    const after = await recognizeSpeech(stt, wav, { language: 'en' })
    console.log(`\nNew names: before "${before.text}" (${before.confidence}); rebuilt in ${rebuildMs.toFixed(0)} ms (${models.stats.guessed} words from espeak-ng); after "${after.text}" (${after.confidence})`)
    expect(after.text.toLowerCase()).toContain('kanban cleanup')
    expect(after.text.toLowerCase()).toContain('xiomara')
    expect(after.lowConfidence).toBe(false)
  })

  it('restores written names: "q one campaign" reads as "Q1 Campaign"', async () => {
    const result = await recognizeSpeech(stt, await synthesizeWav('archive the q one campaign channel', EN_VOICES[0]!), { language: 'en' })
    expect(result.text).toBe('archive the Q1 Campaign channel')
  }, 60_000)
})

describe.skipIf(missing !== null)('Spanish (English acoustic model, Spanish pronunciations and grammar)', () => {
  it(`${ES_COMMANDS.length} commands, 2 voices each`, async () => {
    const stt = new PocketSphinxStt()
    try {
      stt.setVocabulary(ES_VOCABULARY)
      await stt.ready('es')
      const rows = await recognizeAll(stt, ES_COMMANDS, ES_VOICES, 2, 'es')
      report('Spanish commands (espeak-ng es / es-419, pink noise 40 dB SNR)', rows, 'es')
      // Honest floors: the grammar pass is good (research: 3.8 %), the Spanish n-gram fallback is
      // weak, so most Spanish commands come back low-confidence and are confirmed before running.
      expect(score(rows, 'es', (r) => String(r.result.details?.grammar ?? '')).wer).toBeLessThan(0.15)
      expect(score(rows, 'es').wer).toBeLessThan(0.45)
    } finally {
      await stt.close()
    }
  }, 300_000)
})
