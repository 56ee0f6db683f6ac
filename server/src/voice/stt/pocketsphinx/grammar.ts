/**
 * Command domain → JSGF grammar + training corpus for the n-gram model. Both come from the same
 * templates, so the two decoding passes describe the same language; the corpus is sampled so that
 * every slot value appears in every template that can hold it, at a cost linear in the names.
 */
import type { Language } from '../types'
import { compileFsg } from './fsg'
import { parseTemplate, slotRefs, toJsgf, words, type Node } from './template'

/**
 * A slot for free text (message bodies, names of things not yet created). Both passes only know
 * its example phrases: an open word loop in the grammar made decoding 10 times slower and let
 * unrelated speech through, so free text is left to the n-gram pass and the agreement gate.
 */
export interface FreeText {
  /** Examples for the n-gram corpus. */
  phrases: string[]
  /** What the grammar accepts here; templates using a slot without any stay out of the grammar. */
  grammar?: string[]
}

export interface Domain {
  language: Language
  /** One template per way of saying a clause. */
  clauses: string[]
  /** Words that join clauses into a multi-step command ("and", "then"). */
  joiners: string[]
  /** Slot name → templates. Live names (person, channel, task …) are plain phrases here. */
  slots: Record<string, string[]>
  free: Record<string, FreeText>
}

export interface CompiledDomain {
  /** The grammar as JSGF (readable; equivalent to `fsg`). */
  jsgf: string
  /** The grammar the decoder loads. */
  fsg: string
  /** Clause templates in the grammar (the others are left to the n-gram model). */
  grammarClauses: number
  corpus: string[]
  vocabulary: string[]
}

export interface CompileOptions {
  seed?: number
  maxSentences?: number
  /**
   * Most names per live slot in the grammar (the first ones given). Decoding time grows with the
   * grammar: 150 names cost ~0.6 s per clip, 450 names ~2 s. Names beyond the limit are still in
   * the n-gram model, so they are recognized, with low confidence.
   */
  grammarNameLimit?: number
}

export function compileDomain(domain: Domain, options: CompileOptions = {}): CompiledDomain {
  const slots = new Map<string, Node[][]>()
  for (const [name, list] of Object.entries(domain.slots)) slots.set(name, [...new Set(list)].map(parseTemplate))
  const free = new Map(Object.entries(domain.free).map(([k, v]) => [k, { phrases: [...new Set(v.phrases)].map(parseTemplate) }]))
  const known = (name: string) => slots.has(name) || free.has(name)
  let clauses = domain.clauses.map(parseTemplate)
  for (const t of [...clauses, ...[...slots.values()].flat()]) {
    for (const ref of slotRefs(t)) if (!known(ref)) throw new Error(`unknown slot {${ref}}`)
  }
  // Drop templates that need a slot with no values (no resources yet, say), until nothing changes.
  const empty = new Set<string>()
  for (let changed = true; changed;) {
    changed = false
    for (const [name, list] of slots) {
      const kept = list.filter((t) => ![...slotRefs(t)].some((r) => empty.has(r)))
      if (kept.length !== list.length) { slots.set(name, kept); changed = true }
      if (kept.length === 0 && !empty.has(name)) { empty.add(name); changed = true }
    }
  }
  clauses = clauses.filter((t) => ![...slotRefs(t)].some((r) => empty.has(r)))
  const used = new Set<string>()
  const visit = (t: Node[]) => { for (const r of slotRefs(t)) if (!used.has(r)) { used.add(r); slots.get(r)?.forEach(visit); free.get(r)?.phrases.forEach(visit) } }
  clauses.forEach(visit)

  // The grammar: free-text slots hold only their `grammar` phrases; clauses needing free text
  // the grammar cannot hold (message bodies) are left to the n-gram pass.
  const limit = options.grammarNameLimit ?? 40
  const grammarSlots = new Map([...slots].map(([name, list]) => [name, LIVE_SLOTS.has(name) ? list.slice(0, name === 'person' ? 2 * limit : limit) : list]))  // person: full and first names
  for (const [name, f] of Object.entries(domain.free)) if (f.grammar?.length) grammarSlots.set(name, [...new Set(f.grammar)].map(parseTemplate))
  const grammarUsed = new Set<string>()
  const fits = (t: Node[]): boolean => [...slotRefs(t)].every((r) => grammarSlots.get(r)?.length && grammarSlots.get(r)!.every(fits))
  const grammarClauses = clauses.filter(fits)
  const visitGrammar = (t: Node[]) => { for (const r of slotRefs(t)) if (!grammarUsed.has(r)) { grammarUsed.add(r); grammarSlots.get(r)!.forEach(visitGrammar) } }
  grammarClauses.forEach(visitGrammar)
  const jsgfLines = [
    '#JSGF V1.0;', `grammar commands_${domain.language};`,
    `public <command> = <clause> ( ${joinerAlt(domain.joiners)} <clause> )*;`,
    `<clause> = ${grammarClauses.map((c) => `( ${toJsgf(c)} )`).join('\n  | ')};`,
  ]
  for (const [name, list] of grammarSlots) if (grammarUsed.has(name)) jsgfLines.push(`<${name}> = ${list.map((t) => `( ${toJsgf(t)} )`).join(' | ')};`)
  const fsg = compileFsg(`commands_${domain.language}`, grammarClauses, domain.joiners, grammarSlots)

  const sampler = new Sampler(options.seed ?? 1, slots, free)
  const single: string[] = []
  for (const t of clauses) {
    const n = Math.max(60, Math.min(1000, 6 * sampler.breadth(t)))
    for (let i = 0; i < n; i++) single.push(sampler.expand(t))
  }
  const unique = [...new Set(single)]
  const joined: string[] = []
  const joins = Math.min(1000, unique.length)
  for (let i = 0; i < joins; i++) {
    const parts = [unique[sampler.int(unique.length)]!, unique[sampler.int(unique.length)]!]
    if (sampler.int(3) === 0) parts.push(unique[sampler.int(unique.length)]!)
    joined.push(parts.reduce((a, b) => `${a} ${domain.joiners[sampler.int(domain.joiners.length)]} ${b}`))
  }
  let corpus = [...new Set([...unique, ...joined])]
  const max = options.maxSentences ?? 40_000
  if (corpus.length > max) corpus = corpus.slice(0, max)

  const vocab = new Set<string>()
  for (const t of clauses) words(t, vocab)
  for (const [name, list] of slots) if (used.has(name)) list.forEach((t) => words(t, vocab))
  for (const [name, f] of free) if (used.has(name)) f.phrases.forEach((t) => words(t, vocab))
  for (const [name, list] of grammarSlots) if (grammarUsed.has(name)) list.forEach((t) => words(t, vocab))
  domain.joiners.forEach((j) => j.split(/\s+/).forEach((w) => vocab.add(w)))
  return { jsgf: jsgfLines.join('\n') + '\n', fsg, grammarClauses: grammarClauses.length, corpus, vocabulary: [...vocab].sort() }
}

/** Slots holding the organization's names: every value must appear in the corpus. */
const LIVE_SLOTS = new Set(['person', 'channel', 'task', 'resource', 'category'])

const joinerAlt = (joiners: string[]) => `( ${joiners.join(' | ')} )`

/** Deterministic expansion: slot values are taken round-robin from shuffled cycles (every name is covered). */
class Sampler {
  private state: number
  private cycles = new WeakMap<object, { order: number[]; i: number }>()
  constructor(seed: number, private slots: Map<string, Node[][]>, private free: Map<string, { phrases: Node[][] }>) { this.state = seed >>> 0 }

  int(n: number) { // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }

  private next(key: object, n: number) {
    let c = this.cycles.get(key)
    if (!c || c.order.length !== n) {
      const order = Array.from({ length: n }, (_, i) => i)
      for (let i = n - 1; i > 0; i--) { const j = this.int(i + 1); [order[i], order[j]] = [order[j]!, order[i]!] }
      c = { order, i: 0 }
      this.cycles.set(key, c)
    }
    const v = c.order[c.i % n]!
    c.i++
    return v
  }

  /** The largest value list reachable from a template: how many samples cover every value once. */
  breadth(nodes: Node[], seen = new Set<string>()): number {
    let best = 1
    for (const n of nodes) {
      if (n.t === 'slot' && !seen.has(n.name)) {
        const s = this.slots.get(n.name), f = this.free.get(n.name)
        const list = s ?? f!.phrases
        seen.add(n.name)
        best = Math.max(best, list.length, ...list.map((t) => this.breadth(t, seen)))
        seen.delete(n.name)
      } else if (n.t === 'alt') best = Math.max(best, ...n.options.map((o) => this.breadth(o, seen)))
      else if (n.t === 'opt') best = Math.max(best, this.breadth(n.seq, seen))
    }
    return best
  }

  expand(nodes: Node[]): string {
    const out: string[] = []
    const walk = (seq: Node[]) => {
      for (const n of seq) {
        if (n.t === 'word') out.push(n.word)
        // People mostly say the first, plainest form: favour it, so the n-gram model learns the
        // common phrasing well instead of every variant thinly.
        else if (n.t === 'alt') walk(n.options[this.int(2) === 0 || n.options.length === 1 ? 0 : 1 + this.int(n.options.length - 1)]!)
        else if (n.t === 'opt') { if (this.int(2) === 0) walk(n.seq) }
        else if (LIVE_SLOTS.has(n.name) || this.free.has(n.name)) {
          const list = this.slots.get(n.name) ?? this.free.get(n.name)!.phrases
          walk(list[this.next(list, list.length)]!)
        } else {
          const list = this.slots.get(n.name)!
          walk(list[this.int(2) === 0 ? 0 : this.int(list.length)]!)
        }
      }
    }
    walk(nodes)
    return out.join(' ')
  }
}
