/**
 * Language, summary and keywords of a text, with no model: an extractive summary (Luhn-style) picks
 * the sentences densest in the document's most frequent content words, with a small bonus for the
 * opening sentences, and returns them in their original order. Deterministic and linear in the text.
 */
import { topKeywords } from './keywords'
import { detectLanguage } from './language'
import { splitSentences } from './sentences'
import { ANY_STOPWORD, isContentWord, STOPWORDS, tokenize, type Language } from './words'

export interface TextAnalysis {
  language: Language | null
  wordCount: number
  summary: string
  keywords: string[]
  sentences: number
}

const DEFAULT_MAX_SENTENCES = 3
/** Multipliers for the first, second and third sentence: openings tend to state the subject. */
const OPENING_BONUS = [1.15, 1.1, 1.05]
/** A "sentence" can be a whole table or log with no punctuation: a summary quotes at most this much of it. */
const MAX_QUOTED_CHARS = 400

export function analyzeText(text: string, opts: { maxSentences?: number } = {}): TextAnalysis {
  const sentences = splitSentences(text)
  const words = sentences.map(tokenize)
  const allWords = words.flat()
  const language = detectLanguage(allWords)
  const stopwords = language ? STOPWORDS[language] : ANY_STOPWORD
  // Headings and captions ("Q4 board deck — notes") name the subject but read badly inside a summary.
  const prose = sentences.map((sentence, i) => !isTitle(sentence, words[i]!.length))
  const candidates = prose.some(Boolean) ? prose : prose.map(() => true)
  const picked = pickSentences(words, stopwords, opts.maxSentences ?? DEFAULT_MAX_SENTENCES, candidates)
  return {
    language,
    wordCount: allWords.length,
    summary: picked.map((i) => quote(sentences[i]!)).join(' '),
    keywords: topKeywords(words, stopwords),
    sentences: sentences.length,
  }
}

/** Indexes of the `limit` best sentences, in document order. */
function pickSentences(sentences: string[][], stopwords: ReadonlySet<string>, limit: number, candidates: boolean[]): number[] {
  const content = sentences.map((words) => words.filter((w) => isContentWord(w, stopwords)))
  const frequency = new Map<string, number>()
  for (const words of content) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1)
  let top = 1
  for (const n of frequency.values()) top = Math.max(top, n)

  const scores = content.map((words, i) => {
    if (!words.length) return 0
    let sum = 0
    for (const w of new Set(words)) sum += frequency.get(w)! / top
    // Distinct terms, over √length: dense sentences win, long ones don't win by length alone.
    return (sum / Math.sqrt(words.length)) * (OPENING_BONUS[i] ?? 1)
  })
  return scores
    .map((score, index) => ({ score, index }))
    .filter((s) => candidates[s.index])
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .map((s) => s.index)
    .sort((a, b) => a - b)
}

const ENDS_SENTENCE = /[.!?…:;]["'”’»)\]]*$/

/** A short line with no closing punctuation: a heading, a caption, a table row. */
function isTitle(sentence: string, wordCount: number) {
  return wordCount <= 8 && !ENDS_SENTENCE.test(sentence)
}

function quote(sentence: string) {
  if (sentence.length <= MAX_QUOTED_CHARS) return sentence
  const cut = sentence.lastIndexOf(' ', MAX_QUOTED_CHARS)
  return `${sentence.slice(0, cut > 0 ? cut : MAX_QUOTED_CHARS)}…`
}
