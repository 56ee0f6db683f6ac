/**
 * Template AST → PocketSphinx finite-state grammar (FSG). PocketSphinx 0.8's FSG search costs
 * time in proportion to the grammar's size (1,300 transitions: 0.1 s per clip; 14,000: 1 s), and
 * sphinxbase's JSGF compiler inlines every rule reference and copies the whole clause grammar for
 * the `( and <clause> )*` loop. So the grammar is compiled here instead: templates become an
 * automaton whose loop is one back edge, which is then determinized and minimized, so that shared
 * prefixes ("create a …") and shared endings ("… due {day}") exist once.
 */
import type { Node } from './template'

export function compileFsg(name: string, clauses: Node[][], joiners: string[], slots: Map<string, Node[][]>): string {
  const transitions: [number, number, string | null][] = []
  let states = 0
  const state = () => states++
  const edge = (from: number, to: number, word: string | null) => { transitions.push([from, to, word]) }

  const seq = (nodes: Node[], from: number, depth: number): number => {
    let at = from
    for (const n of nodes) at = node(n, at, depth)
    return at
  }
  const alternatives = (options: Node[][], from: number, depth: number): number => {
    if (options.length === 1) return seq(options[0]!, from, depth)
    const end = state()
    for (const o of options) edge(seq(o, from, depth), end, null)
    return end
  }
  const node = (n: Node, from: number, depth: number): number => {
    if (depth > 20) throw new Error('grammar nests too deeply (a slot refers to itself?)')
    switch (n.t) {
      case 'word': { const to = state(); edge(from, to, n.word); return to }
      case 'alt': return alternatives(n.options, from, depth)
      case 'opt': { const end = seq(n.seq, from, depth); edge(from, end, null); return end }
      case 'slot': {
        const list = slots.get(n.name)
        if (!list?.length) throw new Error(`slot {${n.name}} has no values`)
        return alternatives(list, from, depth + 1)
      }
    }
  }

  const start = state()
  const end = alternatives(clauses, start, 0)
  const final = state()
  edge(end, final, null)
  for (const joiner of joiners) {
    let at = end
    const words = joiner.split(/\s+/)
    words.forEach((w, i) => { const to = i === words.length - 1 ? start : state(); edge(at, to, w); at = to })
  }

  return writeFsg(name, minimize(determinize(states, transitions, start, final)))
}

interface Dfa { states: number; start: number; accepting: Set<number>; edges: Map<string, number>[] }

/** Subset construction over the word transitions, with epsilon closures. */
function determinize(states: number, transitions: [number, number, string | null][], start: number, final: number): Dfa {
  const eps: number[][] = Array.from({ length: states }, () => [])
  const words: [string, number][][] = Array.from({ length: states }, () => [])
  for (const [from, to, word] of transitions) {
    if (word) words[from]!.push([word, to])
    else eps[from]!.push(to)
  }
  const closure = (set: number[]) => {
    const seen = new Set(set), stack = [...set]
    while (stack.length) for (const t of eps[stack.pop()!]!) if (!seen.has(t)) { seen.add(t); stack.push(t) }
    return [...seen].sort((a, b) => a - b)
  }
  const ids = new Map<string, number>(), sets: number[][] = [], edges: Map<string, number>[] = []
  const idOf = (set: number[]) => {
    const key = set.join(',')
    let id = ids.get(key)
    if (id === undefined) { id = sets.length; ids.set(key, id); sets.push(set); edges.push(new Map()) }
    return id
  }
  idOf(closure([start]))
  for (let i = 0; i < sets.length; i++) {
    const byWord = new Map<string, number[]>()
    for (const s of sets[i]!) for (const [w, to] of words[s]!) { const l = byWord.get(w) ?? []; l.push(to); byWord.set(w, l) }
    for (const [w, targets] of byWord) edges[i]!.set(w, idOf(closure(targets)))
    if (sets.length > 200_000) throw new Error('grammar too large to determinize')
  }
  const accepting = new Set<number>()
  sets.forEach((set, i) => { if (set.includes(final)) accepting.add(i) })
  return { states: sets.length, start: 0, accepting, edges }
}

/** Moore partition refinement: states with the same future merge. */
function minimize(dfa: Dfa): Dfa {
  let block: number[] = Array.from({ length: dfa.states }, (_, i) => (dfa.accepting.has(i) ? 1 : 0))
  let count = new Set(block).size
  for (;;) {
    const signatures = new Map<string, number>()
    const next = block.map((b, i) => {
      const sig = `${b}|${[...dfa.edges[i]!].map(([w, t]) => `${w}>${block[t]}`).sort().join(' ')}`
      let id = signatures.get(sig)
      if (id === undefined) { id = signatures.size; signatures.set(sig, id) }
      return id
    })
    block = next
    if (signatures.size === count) break
    count = signatures.size
  }
  const edges: Map<string, number>[] = Array.from({ length: count }, () => new Map())
  const accepting = new Set<number>()
  block.forEach((b, i) => {
    for (const [w, t] of dfa.edges[i]!) edges[b]!.set(w, block[t]!)
    if (dfa.accepting.has(i)) accepting.add(b)
  })
  return { states: count, start: block[dfa.start]!, accepting, edges }
}

function writeFsg(name: string, dfa: Dfa): string {
  const final = dfa.states // one extra state: pocketsphinx wants a single final state
  const lines = [`FSG_BEGIN ${name}`, `NUM_STATES ${dfa.states + 1}`, `START_STATE ${dfa.start}`, `FINAL_STATE ${final}`]
  dfa.edges.forEach((out, from) => {
    const n = out.size + (dfa.accepting.has(from) ? 1 : 0)
    const p = (1 / n).toFixed(6)
    for (const [w, to] of out) lines.push(`TRANSITION ${from} ${to} ${p} ${w}`)
    if (dfa.accepting.has(from)) lines.push(`TRANSITION ${from} ${final} ${p}`)
  })
  lines.push('FSG_END', '')
  return lines.join('\n')
}
