/**
 * Offline speech-to-text with Debian's PocketSphinx. Each clip is decoded twice, as a whole
 * utterance: with the JSGF command grammar and with the domain n-gram model. The grammar result is
 * trusted only when the two agree word for word (similarity ≥ `agreement`); otherwise the n-gram
 * transcript is returned with low confidence, because a grammar always answers with *some* valid
 * command, even for speech it does not cover.
 */
import { join } from 'node:path'
import { hasFile, which } from '../../availability'
import { VOICE_INSTALL_COMMAND, voiceUnavailable } from '../../errors'
import { wordSimilarity } from '../confidence'
import type { Language, ProviderStatus, SpeechToText, Transcript, Vocabulary, VocabularyAware } from '../types'
import { fillDigitalSilence, WarmDecoder, WIDE_BEAMS } from './decoder'
import { ModelStore, type ModelSet } from './models'

export interface PocketSphinxOptions {
  /** Folder of the en-us model (acoustic model folder `en-us/` and `cmudict-en-us.dict`). */
  modelDir?: string
  /** Folder for generated models (default: a temp folder). */
  workDir?: string
  debounceMs?: number
  /** Word similarity at which grammar and n-gram agree (default 0.9: on the test set 0.8 let 5-9 % of accepted commands through wrong, 0.9 about 1 %). */
  agreement?: number
  /** Clips decoded at once; each uses two processes (default 1, for 2 cores). */
  concurrency?: number
  env?: NodeJS.ProcessEnv
}

export const DEFAULT_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us'

export class PocketSphinxStt implements SpeechToText, VocabularyAware {
  readonly name = 'pocketsphinx'
  private readonly hmm: string
  private readonly cmudict: string
  private readonly binary: string | null
  private readonly espeak: string | null
  private readonly agreement: number
  private readonly store: ModelStore
  private readonly limit: Semaphore

  constructor(options: PocketSphinxOptions = {}) {
    const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR
    const path = options.env?.PATH ?? process.env.PATH
    this.hmm = join(modelDir, 'en-us')
    this.cmudict = join(modelDir, 'cmudict-en-us.dict')
    this.binary = which('pocketsphinx_batch', path)
    this.espeak = which('espeak-ng', path)
    this.agreement = options.agreement ?? 0.9
    this.limit = new Semaphore(options.concurrency ?? 1)
    this.store = new ModelStore({
      cmudict: this.cmudict, espeak: this.espeak, workDir: options.workDir, debounceMs: options.debounceMs,
      activate: async (set) => {
        const common = { binary: this.binary!, hmm: this.hmm, dict: set.dict }
        set.decoders = { grammar: new WarmDecoder({ ...common, fsg: set.fsg, extraArgs: WIDE_BEAMS }), ngram: new WarmDecoder({ ...common, lm: set.lm }) }
        await Promise.all([set.decoders.grammar.warm(), set.decoders.ngram.warm()])
      },
      retire: async (set) => { await Promise.all([set.decoders?.grammar.close(), set.decoders?.ngram.close()]) },
    })
  }

  async status(): Promise<ProviderStatus> {
    const reason = this.unavailableReason('en')
    return reason ? { available: false, reason, installCommand: VOICE_INSTALL_COMMAND } : { available: true }
  }

  setVocabulary(vocabulary: Partial<Vocabulary>) { this.store.setVocabulary(vocabulary) }

  /** Resolves once scheduled model rebuilds are done and the language's models exist. */
  async ready(language: Language = 'en'): Promise<ModelSet> {
    await this.store.settled()
    return this.store.get(language)
  }

  async close() { await this.store.close() }

  async transcribe(pcm: Int16Array, opts: { language: Language }): Promise<Transcript> {
    const started = performance.now()
    const reason = this.unavailableReason(opts.language)
    if (reason) throw voiceUnavailable(reason)
    const models = await this.store.get(opts.language)
    const release = await this.limit.acquire()
    try {
      const { grammar: g, ngram: n } = models.decoders!
      const input = fillDigitalSilence(pcm) // once for both passes
      const [grammar, ngram] = await Promise.all([g.decode(input), n.decode(input)])
      const agreement = grammar.text || ngram.text ? wordSimilarity(grammar.text, ngram.text) : 0
      const agreed = grammar.text !== '' && agreement >= this.agreement
      const raw = agreed ? grammar.text : ngram.text
      return {
        text: models.restorer.restore(raw),
        confidence: round(agreed ? 0.75 + 0.25 * agreement : 0.5 * agreement),
        language: opts.language,
        ms: performance.now() - started,
        details: { grammar: grammar.text, ngram: ngram.text, agreement: round(agreement), grammarMs: Math.round(grammar.ms), ngramMs: Math.round(ngram.ms), models: models.generation },
      }
    } finally {
      release()
    }
  }

  private unavailableReason(language: Language): string | null {
    if (!this.binary) return 'Offline speech recognition needs pocketsphinx (pocketsphinx_batch is not installed).'
    if (!hasFile(join(this.hmm, 'mdef')) || !hasFile(this.cmudict)) return `The PocketSphinx en-us model is missing (${this.hmm}).`
    if (language === 'es' && !this.espeak) return 'Spanish recognition needs espeak-ng for its pronunciations.'
    return null
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000

class Semaphore {
  private waiting: (() => void)[] = []
  constructor(private free: number) {}
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
  }
}
