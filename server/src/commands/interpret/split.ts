/**
 * Stage 3 — split an utterance into sentences, and sentences into clauses. A comma or "and"
 * starts a new clause only when a clause verb follows; an enumeration announced with a count
 * ("three tasks: …") keeps its items until the count is reached.
 */
import type { Lexicon } from './lexicon'

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|[.!?;]+$/)
    .map((s) => s.replace(/[.!?;]+$/, '').trim())
    .filter(Boolean)
}

const LIST_INTRO = /\b(\S+)\s+(?:new\s+|nuevas\s+)?(?:tasks|todos|items|tareas|pendientes)\b\s*:?/i

export function splitClauses(sentence: string, lex: Lexicon): string[] {
  const joiner = /\s*,\s*|\s+(?=(?:and|then|y|luego|e)\s)/i
  const pieces = sentence.split(joiner).map((p) => p.trim()).filter(Boolean)
  const clauses: string[] = []
  let expected = 0
  for (const raw of pieces) {
    const piece = raw.replace(lex.leadingFiller, '').trim()
    const glued = /^(?:and|y|e|then|luego)\s/i.test(raw) ? ` ${raw}` : `, ${raw}`
    const previous = clauses.length - 1
    const inList = expected > 0 && previous >= 0 && countItems(clauses[previous]!, lex) < expected
    if (previous < 0 || (!inList && lex.starters.test(piece))) {
      clauses.push(piece)
      expected = listCount(piece, lex)
    } else clauses[previous] += glued
  }
  return clauses.map((c) => c.replace(lex.leadingFiller, '').trim()).filter(Boolean)
}

function listCount(clause: string, lex: Lexicon): number {
  const m = LIST_INTRO.exec(clause)
  if (!m) return 0
  const word = m[1]!.toLowerCase()
  return /^\d+$/.test(word) ? Number(word) : (lex.numbers[word] ?? 0)
}

function countItems(clause: string, lex: Lexicon): number {
  const m = LIST_INTRO.exec(clause)
  if (!m) return 0
  const rest = clause.slice(m.index + m[0].length).trim()
  return rest ? rest.split(lex.listSeparator).filter(Boolean).length : 0
}
