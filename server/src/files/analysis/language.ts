/**
 * English or Spanish, judged by how many words are each language's stopwords. Function words make
 * up a third or more of running prose, so the count is reliable from a couple of sentences on;
 * below ~20 words, or when neither side clearly leads (a table of numbers, a third language), the
 * answer is null rather than a guess.
 */
import { STOPWORDS, type Language } from './words'

const MIN_WORDS = 20
/** The winner's share of all words, and how many times the loser's count it must reach. */
const MIN_SHARE = 0.12
const MIN_LEAD = 2

/** Words that are stopwords in both languages ("a", "no", "he", "me") say nothing and are not counted. */
const MARKERS: Record<Language, ReadonlySet<string>> = {
  en: new Set([...STOPWORDS.en].filter((w) => !STOPWORDS.es.has(w))),
  es: new Set([...STOPWORDS.es].filter((w) => !STOPWORDS.en.has(w))),
}

export function detectLanguage(words: readonly string[]): Language | null {
  if (words.length < MIN_WORDS) return null
  let en = 0, es = 0
  for (const word of words) {
    if (MARKERS.en.has(word)) en++
    else if (MARKERS.es.has(word)) es++
  }
  const [winner, top, other] = en >= es ? ['en' as const, en, es] : ['es' as const, es, en]
  return top >= MIN_SHARE * words.length && top >= MIN_LEAD * other && top > other ? winner : null
}
