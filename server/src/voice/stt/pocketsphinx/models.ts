/**
 * The decoder's models (JSGF grammar, ARPA trigram, dictionary) built from the domain and the
 * organization's live names. `setVocabulary` only schedules a rebuild: it runs debounced in the
 * background, writes a fresh directory and swaps it in atomically, while requests keep using the
 * previous set. Pronunciations are cached, so adding a name costs one espeak-ng word.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Language, Vocabulary } from '../types'
import { buildArpa } from './arpa'
import type { WarmDecoder } from './decoder'
import { Pronouncer } from './dictionary'
import { englishDomain, EN_DEFAULT_NAMES } from './domain-en'
import { spanishDomain, ES_DEFAULT_NAMES } from './domain-es'
import { compileDomain, type Domain } from './grammar'
import { NameRestorer, spokenForm } from './spoken'

export interface ModelSet {
  language: Language
  generation: number
  dir: string
  jsgf: string
  fsg: string
  lm: string
  dict: string
  restorer: NameRestorer
  /** Attached by the provider before the set goes live. */
  decoders?: { grammar: WarmDecoder; ngram: WarmDecoder }
  stats: { sentences: number; words: number; grammarClauses: number; guessed: number; dropped: string[]; buildMs: number }
}

export interface ModelStoreOptions {
  cmudict: string
  espeak: string | null
  /** Parent of the generated model folders (default: a fresh temp folder). */
  workDir?: string
  debounceMs?: number
  /** Runs on a freshly built set before it replaces the current one (start and warm decoders). */
  activate?: (set: ModelSet) => Promise<void>
  /** Runs on a replaced set (stop its decoders once their queued clips are done). */
  retire?: (set: ModelSet) => Promise<void>
}

const emptyVocabulary = (): Vocabulary => ({ users: [], channels: [], tasks: [], resources: [], categories: [] })

export class ModelStore {
  private vocabulary: Vocabulary | null = null
  private current = new Map<Language, ModelSet>()
  private building = new Map<Language, Promise<ModelSet>>()
  private stale = new Set<Language>()
  private timer: NodeJS.Timeout | null = null
  private generation = 0
  private root: Promise<string>
  private readonly pronouncer: Pronouncer
  private readonly debounceMs: number
  /** Errors of background rebuilds (the previous models stay in use). */
  lastError: Error | null = null

  constructor(private readonly options: ModelStoreOptions) {
    this.pronouncer = new Pronouncer({ cmudict: options.cmudict, espeak: options.espeak })
    this.debounceMs = options.debounceMs ?? 250
    this.root = options.workDir
      ? mkdir(options.workDir, { recursive: true }).then(() => options.workDir!)
      : mkdtemp(join(tmpdir(), 'baton-stt-'))
  }

  /** Records the organization's names; the models of every language in use are rebuilt shortly. */
  setVocabulary(vocabulary: Partial<Vocabulary>) {
    this.vocabulary = { ...emptyVocabulary(), ...vocabulary }
    for (const language of this.current.keys()) this.stale.add(language)
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => { this.timer = null; this.rebuildStale() }, this.debounceMs)
    this.timer.unref?.()
  }

  /** The models to decode with now: the current set, or (first use only) a fresh build. */
  async get(language: Language): Promise<ModelSet> {
    return this.current.get(language) ?? this.building.get(language) ?? this.build(language)
  }

  /** Resolves when no rebuild is scheduled or running (tests, readiness). */
  async settled(): Promise<void> {
    while (this.timer || this.building.size) {
      if (this.timer) { clearTimeout(this.timer); this.timer = null; this.rebuildStale() }
      await Promise.allSettled([...this.building.values()])
    }
  }

  async close() {
    if (this.timer) clearTimeout(this.timer)
    await Promise.allSettled([...this.building.values()])
    await Promise.allSettled([...this.current.values()].map((set) => this.options.retire?.(set)))
    this.current.clear()
    if (!this.options.workDir) await rm(await this.root, { recursive: true, force: true })
  }

  private async retire(set: ModelSet) {
    try { await this.options.retire?.(set) } finally { await rm(set.dir, { recursive: true, force: true }) }
  }

  private rebuildStale() {
    for (const language of [...this.stale]) {
      if (this.building.has(language)) continue // the running build re-checks `stale` when it ends
      this.build(language).catch((error: Error) => { this.lastError = error })
    }
  }

  private build(language: Language): Promise<ModelSet> {
    this.stale.delete(language)
    const job = this.compile(language).then(async (set) => {
      await this.options.activate?.(set)
      const previous = this.current.get(language)
      this.current.set(language, set)
      if (previous) void this.retire(previous)
      return set
    }).finally(() => {
      this.building.delete(language)
      if (this.stale.has(language)) this.rebuildStale()
    })
    this.building.set(language, job)
    return job
  }

  private async compile(language: Language): Promise<ModelSet> {
    const started = performance.now()
    const names = this.names(language)
    const domain = language === 'es' ? spanishDomain() : englishDomain()
    fill(domain, names)
    let compiled = compileDomain(domain, { grammarNameLimit: GRAMMAR_NAME_LIMIT })
    await yieldToRequests()
    let dictionary = await this.pronouncer.dictionary(compiled.vocabulary, language)
    const dropped: string[] = []
    if (dictionary.missing.length) {
      // Names with an unpronounceable word (espeak-ng missing) are left out rather than failing the build.
      const missing = new Set(dictionary.missing)
      const ok = (phrase: string) => phrase.split(' ').every((w) => !missing.has(w))
      for (const key of ['person', 'channel', 'task', 'resource', 'category']) {
        dropped.push(...domain.slots[key]!.filter((p) => !ok(p)))
        domain.slots[key] = domain.slots[key]!.filter(ok)
      }
      for (const f of Object.values(domain.free)) f.phrases = f.phrases.filter(ok)
      compiled = compileDomain(domain, { grammarNameLimit: GRAMMAR_NAME_LIMIT })
      dictionary = await this.pronouncer.dictionary(compiled.vocabulary, language)
      if (dictionary.missing.length) throw new Error(`no pronunciation for: ${dictionary.missing.join(', ')}`)
    }
    await yieldToRequests()
    const arpa = buildArpa(compiled.corpus)
    await yieldToRequests()
    const generation = ++this.generation
    const dir = join(await this.root, `${language}-${generation}`)
    await mkdir(dir, { recursive: true })
    const set: ModelSet = {
      language, generation, dir, jsgf: join(dir, 'commands.gram'), fsg: join(dir, 'commands.fsg'), lm: join(dir, 'commands.arpa'), dict: join(dir, 'commands.dict'),
      restorer: new NameRestorer(names.written, language),
      stats: { sentences: compiled.corpus.length, words: compiled.vocabulary.length, grammarClauses: compiled.grammarClauses, guessed: dictionary.guessed.length, dropped, buildMs: 0 },
    }
    await Promise.all([writeFile(set.jsgf, compiled.jsgf), writeFile(set.fsg, compiled.fsg), writeFile(set.lm, arpa), writeFile(set.dict, dictionary.text)])
    set.stats.buildMs = performance.now() - started
    return set
  }

  private names(language: Language) {
    const v = this.vocabulary ?? (language === 'es' ? { ...emptyVocabulary(), ...ES_DEFAULT_NAMES } : { ...emptyVocabulary(), ...EN_DEFAULT_NAMES })
    const spoken = (list: string[]) => [...new Set(list.map((n) => spokenForm(n, language)).filter(Boolean))]
    return {
      // Each user by full name and by first name, in the order given (the grammar keeps the first ones).
      person: spoken(v.users.flatMap((u) => [u, u.trim().split(/\s+/)[0] ?? ''])),
      channel: spoken(v.channels),
      task: spoken(v.tasks),
      resource: spoken(v.resources),
      category: spoken(v.categories),
      written: [...v.users, ...v.channels, ...v.tasks, ...v.resources, ...v.categories],
    }
  }
}

function fill(domain: Domain, names: Record<'person' | 'channel' | 'task' | 'resource' | 'category', string[]>) {
  for (const key of ['person', 'channel', 'task', 'resource', 'category'] as const) domain.slots[key] = names[key]
  const newname = domain.free.newname!
  const live = [...names.channel, ...names.task, ...names.resource, ...names.category]
  newname.phrases = [...new Set([...newname.phrases, ...live])]
  const first = (l: string[]) => l.slice(0, GRAMMAR_NAME_LIMIT)
  newname.grammar = [...new Set([...(newname.grammar ?? []), ...first(names.channel), ...first(names.task), ...first(names.resource)])]
}

/** Names per slot in the grammar; the n-gram model always gets them all (see `CompileOptions`). */
export const GRAMMAR_NAME_LIMIT = 40

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))
