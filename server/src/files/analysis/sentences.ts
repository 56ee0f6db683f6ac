/**
 * Text → sentences, for extractive summaries. A sentence ends at `.`, `!`, `?` or `…` (with any
 * closing quotes or brackets) when the next word starts like a sentence: a capital, a digit, an
 * opening quote, or Spanish `¿`/`¡`. So decimals ("3.5") and lower-case continuations ("etc. and")
 * never split, and known abbreviations ("Dr. Smith", "e.g. Python", "EE. UU.") don't either. Blank
 * lines, list items and Markdown headings always start a new sentence, since they often have no
 * final punctuation; single line breaks are only wrapping (PDF text is full of them).
 */

/** Abbreviations that are followed by a capital or a number without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'drs', 'prof', 'st', 'vs', 'cf', 'approx', 'fig', 'figs', 'no', 'nos', 'vol', 'p', 'pp',
  'sr', 'sra', 'srta', 'dra', 'ud', 'uds', 'núm', 'pág', 'págs', 'ej', 'aprox', 'ee', 'uu', 'av', 'avda', 'lic', 'ing',
])

/** Dotted abbreviations and initialisms: "e.g", "i.e", "a.m", "U.S", "p.ej". */
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u
const INITIAL = /^\p{Lu}$/u

const BLOCK_BREAK = /\n[^\S\n]*\n\s*|\n(?=[^\S\n]*(?:[-*•]|\d{1,3}[.)]|#{1,6})[^\S\n])/
const BLOCK_MARKER = /^(?:[-*•]|\d{1,3}[.)]|#{1,6})\s+/
const END = /[.!?…]+["'”’»)\]]*(?= )/g
const STARTS_SENTENCE = /[\p{Lu}\p{N}¿¡"“«'‘([]/u

export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const block of text.split(BLOCK_BREAK)) {
    const line = block.replace(/\s+/g, ' ').trim().replace(BLOCK_MARKER, '')
    if (line) splitLine(line, sentences)
  }
  return sentences
}

function splitLine(line: string, into: string[]) {
  let start = 0
  for (const match of line.matchAll(END)) {
    const end = match.index + match[0].length
    if (!STARTS_SENTENCE.test(line[end + 1] ?? '')) continue
    if (match[0][0] === '.' && match[0].length === 1 && isAbbreviation(wordBefore(line, match.index))) continue
    into.push(line.slice(start, end))
    start = end + 1
  }
  if (start < line.length) into.push(line.slice(start))
}

/** The word ending at `index`, without opening punctuation: "(e.g" → "e.g". */
function wordBefore(line: string, index: number) {
  return line.slice(line.lastIndexOf(' ', index - 1) + 1, index).replace(/^[^\p{L}\p{N}]+/u, '')
}

function isAbbreviation(word: string) {
  return ABBREVIATIONS.has(word.toLowerCase()) || DOTTED.test(word) || INITIAL.test(word)
}
