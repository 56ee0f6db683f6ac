/**
 * The words and two-word phrases a text keeps coming back to. Phrases are adjacent content words
 * within a sentence ("budget review") seen at least twice; a word that only ever appears inside a
 * chosen phrase is left out, so the list doesn't say "budget review" and then "review".
 */
import { isContentWord } from './words'

const MIN_PHRASE_COUNT = 2

interface Candidate { term: string; count: number; first: number; words: 1 | 2 }

/** Up to `limit` keywords, most frequent first; ties go to the one that appears first. */
export function topKeywords(sentences: readonly (readonly string[])[], stopwords: ReadonlySet<string>, limit = 8): string[] {
  const single = new Map<string, Candidate>()
  const pairs = new Map<string, Candidate>()
  let position = 0
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++, position++) {
      const word = words[i]!
      if (!isContentWord(word, stopwords)) continue
      count(single, word, position, 1)
      const next = words[i + 1]
      if (next !== undefined && isContentWord(next, stopwords)) count(pairs, `${word} ${next}`, position, 2)
    }
  }
  const phrases = [...pairs.values()].filter((p) => p.count >= MIN_PHRASE_COUNT)
  const inPhrase = new Map<string, number>()
  for (const phrase of phrases) {
    for (const word of phrase.term.split(' ')) inPhrase.set(word, Math.max(inPhrase.get(word) ?? 0, phrase.count))
  }
  const words = [...single.values()].filter((w) => w.count > (inPhrase.get(w.term) ?? 0))
  return [...phrases, ...words]
    .sort((a, b) => b.count - a.count || a.first - b.first || b.words - a.words)
    .slice(0, limit)
    .map((c) => c.term)
}

function count(into: Map<string, Candidate>, term: string, position: number, words: 1 | 2) {
  const seen = into.get(term)
  if (seen) seen.count++
  else into.set(term, { term, count: 1, first: position, words })
}
