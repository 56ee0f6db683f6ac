/** Name matching that forgives case, accents, articles, plurals, kind nouns and small typos. */
import type { Lexicon } from './lexicon'

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.\s-]/gu, ' ')
    .replace(/(?<!\S)[.-]+|[.-]+(?!\S)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const LEADING_KIND = /^(?:(?:the\s+)?(?:task|channel|document|doc|file|resource)\s+(?:called\s+|named\s+)?|(?:tarea|canal|documento|archivo|recurso)\s+(?:de\s+|del\s+|llamad[oa]\s+)?)/
const ARTICLES = /^(?:the|a|an|our|my|this|that|these|those|el|la|los|las|un|una|unos|unas|lo|este|esta|ese|esa|nuestro|nuestra|mi|al|del|de)\s+/
const TRAILING_KIND = /\s+(?:tasks?|channels?|documents?|docs?|files?|resources?|tareas?|canal(?:es)?|documentos?|archivos?|recursos?)$/

const singular = (word: string) =>
  word.length <= 3 || /(?:ss|us|is)$/.test(word) ? word : /(?:ch|sh|x|z)es$/.test(word) ? word.slice(0, -2) : word.replace(/s$/, '')

const cores = new Map<string, string>()

/** The comparable core of a name: "the Brand Guidelines document" → "brand guideline". Memoized. */
export function core(text: string, extraKinds?: Lexicon['kindNouns']): string {
  if (extraKinds) return computeCore(text, extraKinds)
  let c = cores.get(text)
  if (c === undefined) {
    if (cores.size > 20_000) cores.clear()
    c = computeCore(text)
    cores.set(text, c)
  }
  return c
}

function computeCore(text: string, extraKinds?: Lexicon['kindNouns']): string {
  let s = fold(text)
  for (let i = 0; i < 3; i++) s = s.replace(ARTICLES, '').replace(LEADING_KIND, '')
  if (s.split(' ').length > 1) s = s.replace(TRAILING_KIND, '')
  if (extraKinds && s.split(' ').length > 1) s = s.replace(extraKinds, '')
  return s
    .split(' ')
    .map(singular)
    .join(' ')
    .trim()
}

export function distance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  let prevPrev = prev
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1)
      cur.push(v)
    }
    prevPrev = prev
    prev = cur
  }
  return prev[b.length]!
}

export const similarity = (a: string, b: string) => 1 - distance(a, b) / Math.max(a.length, b.length, 1)

/** How well `query` names `name`: 1 exact, ~0.9 all words present, else edit similarity. 0 when hopeless. */
export function nameScore(query: string, name: string): number {
  const q = core(query)
  const n = core(name)
  if (!q || !n) return 0
  if (q === n) return 1
  const qt = q.split(' ')
  const nt = n.split(' ')
  if (qt.length === nt.length && [...qt].sort().join(' ') === [...nt].sort().join(' ')) return 0.98
  const sim = Math.abs(q.length - n.length) <= 0.2 * Math.max(q.length, n.length) ? similarity(q, n) : 0
  if (sim >= 0.8) return 0.8 + (sim - 0.8) * 0.75 // typos: 0.8 … 0.95
  const tokenHit = (t: string) => nt.some((w) => w === t || (t.length > 4 && similarity(t, w) >= 0.8))
  if (qt.every(tokenHit)) return 0.7 + 0.15 * (qt.join(' ').length / n.length)
  return 0
}

export interface Scored<T> {
  item: T
  score: number
}

/** The best candidates: one clear winner, several tied ones, or none. */
export function best<T>(items: T[], score: (item: T) => number, threshold = 0.7): Scored<T>[] {
  const scored = items.map((item) => ({ item, score: score(item) })).filter((s) => s.score >= threshold)
  if (!scored.length) return []
  scored.sort((a, b) => b.score - a.score)
  const top = scored[0]!.score
  if (top === 1) return scored.filter((s) => s.score === 1)
  return scored.filter((s) => top - s.score < 0.05)
}
