/**
 * Voice: offline speech-to-text latency on 2–4 s spoken commands (espeak-ng voices with faint noise),
 * the decoder's real-time factor (goal ≤ 0.3), model rebuild time after a name change, and
 * espeak-ng reply synthesis. Skips (and says why) without the Debian speech packages.
 */
import { percentile } from './support'
import { recognizeSpeech } from '../server/src/voice/recognize'
import { PocketSphinxStt } from '../server/src/voice/stt/pocketsphinx/provider'
import { EspeakTts } from '../server/src/voice/tts/espeak'
import { EN_COMMANDS, TEST_VOCABULARY } from '../server/test/voice/corpus'
import { EN_VOICES, missingTools, synthesizeWav } from '../server/test/voice/support'

export async function run(): Promise<Record<string, number | string>> {
  const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
  if (missing) return { skipped: missing }
  const stt = new PocketSphinxStt()
  try {
    let t = performance.now()
    stt.setVocabulary(TEST_VOCABULARY)
    const models = await stt.ready('en')
    const firstBuildMs = performance.now() - t

    const clips: { wav: Buffer; seconds: number }[] = []
    for (const [i, text] of EN_COMMANDS.entries()) {
      const wav = await synthesizeWav(text, EN_VOICES[i % EN_VOICES.length]!)
      const seconds = (wav.length - 44) / 32000
      if (seconds >= 2 && seconds <= 4) clips.push({ wav, seconds })
      if (clips.length === 24) break
    }
    await recognizeSpeech(stt, clips[0]!.wav, { language: 'en' }) // warm-up
    const total: number[] = [], rtf: number[] = [], grammar: number[] = [], ngram: number[] = []
    for (const clip of clips) {
      const started = performance.now()
      const r = await recognizeSpeech(stt, clip.wav, { language: 'en' })
      const ms = performance.now() - started
      total.push(ms); rtf.push(ms / 1000 / clip.seconds)
      grammar.push(Number(r.details?.grammarMs ?? 0)); ngram.push(Number(r.details?.ngramMs ?? 0))
    }

    t = performance.now()
    stt.setVocabulary({ ...TEST_VOCABULARY, users: [...TEST_VOCABULARY.users, 'Xiomara Quintero'] })
    await stt.ready('en')
    const rebuildMs = performance.now() - t

    const tts = new EspeakTts()
    const ttsMs: number[] = []
    for (let i = 0; i < 5; i++) {
      t = performance.now()
      await tts.synthesize('I created the task budget review, due tomorrow. Sarah and Mike were added to the marketing channel.', { language: 'en' })
      ttsMs.push(performance.now() - t)
    }
    const audio = clips.reduce((s, c) => s + c.seconds, 0) / clips.length
    return {
      'utterances (2-4 s, espeak-ng + noise)': clips.length,
      'mean utterance length s': audio,
      'stt wav→text p50 ms': percentile(total, 50),
      'stt wav→text p95 ms (goal < 1500 incl. command)': percentile(total, 95),
      'stt real-time factor p50 (goal <= 0.3)': percentile(rtf, 50),
      'stt real-time factor p95': percentile(rtf, 95),
      'grammar pass p50 ms': percentile(grammar, 50),
      'n-gram pass p50 ms': percentile(ngram, 50),
      'model build ms (first, incl. decoder warm-up)': firstBuildMs,
      'model rebuild ms after a name change': rebuildMs,
      'grammar clauses / vocabulary words / corpus sentences': `${models.stats.grammarClauses} / ${models.stats.words} / ${models.stats.sentences}`,
      'espeak-ng reply synthesis p50 ms': percentile(ttsMs, 50),
    }
  } finally {
    await stt.close()
  }
}
