/**
 * Stage 5 — extract entities from a clause's free text: a task phrase ("budget review due tomorrow
 * in Marketing assigned to Mike, high priority") is peeled from the right by a table of suffix
 * patterns per language, so "title + modifiers" in any order becomes fields.
 */
import { findDate, type Clock } from './dates'
import type { Lexicon } from './lexicon'
import type { Language } from './types'

export type Peel =
  | 'date'
  | 'channel' // explicit: "in the X channel"
  | 'softChannel' // "in X": a channel only if one is called that
  | 'assignees'
  | 'softAssignees'
  | 'priority'
  | 'estimate'
  | 'tags'
  | 'description'
  | 'parent'

/** Suffix patterns: the first capture group is the value. Tried repeatedly until none applies. */
const SUFFIXES: Record<Language, [Peel, RegExp][]> = {
  en: [
    ['channel', /\s+(?:in|into|on|under|to|for)\s+(?:the\s+)?(?:channel\s+)?(.+?)\s+channel$/i],
    ['channel', /\s+(?:in|into|on|to)\s+channel\s+(.+)$/i],
    ['assignees', /,?\s+(?:and\s+)?(?:assigned|assign(?:\s+it)?|give(?:\s+it)?|owned\s+by|owner)\s+(?:to\s+)?(.+)$/i],
    ['priority', /,?\s+(?:with|at|as)\s+(?:an?\s+)?(low|medium|normal|high|urgent|critical|top)(?:\s+priority)?$/i],
    ['priority', /,?\s+(?:priority\s+)?(low|medium|high|urgent|critical)(?:\s+priority)?$/i],
    ['estimate', /,?\s+(?:estimated\s+(?:at\s+)?|estimate(?:d)?\s+of\s+|taking|that\s+takes|est\.?)\s*(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)$/i],
    ['estimate', /,?\s+\((\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\)$/i],
    ['tags', /,?\s+(?:tagged(?:\s+as)?|with\s+(?:the\s+)?tags?)\s+(.+)$/i],
    ['description', /,?\s+(?:with\s+(?:the\s+)?description|described\s+as|description)\s*:?\s+(.+)$/i],
    ['parent', /\s+(?:as\s+a\s+)?(?:subtask|sub-task)\s+of\s+(.+)$/i],
    ['softAssignees', /\s+for\s+(.+)$/i],
    ['softChannel', /\s+(?:in|into|on|under)\s+(?:the\s+)?(.+)$/i],
  ],
  es: [
    ['channel', /\s+(?:en|para|dentro\s+de)\s+(?:el\s+)?canal\s+(?:de\s+)?(.+)$/i],
    ['assignees', /,?\s+(?:y\s+)?(?:asignada|asignado|asígnala|asignala|asígnalo|asignalo|para\s+que\s+la\s+haga)\s+a\s+(.+)$/i],
    ['priority', /,?\s+(?:con\s+)?(?:prioridad\s+)?(baja|media|normal|alta|urgente|cr[ií]tica)(?:\s+prioridad)?$/i],
    ['estimate', /,?\s+(?:estimada\s+en|de|que\s+lleva)\s+(\d+(?:[.,]\d+)?)\s*(?:horas?|h)$/i],
    ['tags', /,?\s+con\s+(?:las\s+)?etiquetas?\s+(.+)$/i],
    ['description', /,?\s+con\s+(?:la\s+)?descripci[oó]n\s*:?\s+(.+)$/i],
    ['parent', /\s+como\s+subtarea\s+de\s+(.+)$/i],
    ['softAssignees', /\s+para\s+(.+)$/i],
    ['softChannel', /\s+en\s+(?:el\s+|la\s+)?(.+)$/i],
  ],
}

export interface PeelDecision {
  /** May this soft suffix be taken? (Resolves quietly; false keeps it in the title.) */
  accept(kind: Peel, value: string): boolean
}

export interface TaskPhrase {
  title: string
  fields: Partial<Record<Peel, string>>
  dueDate?: string
}

/** Splits "budget review due tomorrow in Marketing" into title and fields. */
export function peelTaskPhrase(text: string, clock: Clock, lex: Lexicon, decide: PeelDecision): TaskPhrase {
  let rest = text.trim()
  const fields: TaskPhrase['fields'] = {}
  let dueDate: string | undefined
  for (let changed = true; changed && rest; ) {
    changed = false
    if (!dueDate) {
      const date = trailingDate(rest, clock, lex)
      if (date) {
        dueDate = date.iso
        rest = date.rest
        changed = true
        continue
      }
    }
    for (const [kind, pattern] of SUFFIXES[clock.language]) {
      if (fields[kind === 'softChannel' ? 'channel' : kind === 'softAssignees' ? 'assignees' : kind]) continue
      const m = pattern.exec(rest)
      if (!m || m.index === 0) continue
      const value = m[1]!.trim()
      if ((kind === 'softChannel' || kind === 'softAssignees') && !decide.accept(kind, value)) continue
      fields[kind === 'softChannel' ? 'channel' : kind === 'softAssignees' ? 'assignees' : kind] = value
      rest = rest.slice(0, m.index).trim()
      changed = true
      break
    }
  }
  return { title: rest.replace(/[,:]$/, '').trim(), fields, ...(dueDate ? { dueDate } : {}) }
}

/** A date phrase at the very end of the text, with its connector ("due", "by", "para el"). */
export function trailingDate(text: string, clock: Clock, lex: Lexicon): { iso: string; rest: string } | null {
  const found = findDate(text, clock, 'last')
  if (!found) return null
  const end = found.index + found.text.length
  if (text.slice(end).trim().replace(/[.,]$/, '') !== '') return null
  let rest = text.slice(0, found.index).trim()
  for (let i = 0; i < 3; i++) rest = (' ' + rest).replace(lex.dateConnectors, '').trim()
  rest = rest.replace(/,$/, '').trim()
  return { iso: found.iso, rest }
}

/** Any date phrase in the text (reminders): the text without it and its connector. */
export function anyDate(text: string, clock: Clock, lex: Lexicon): { iso: string; rest: string } | null {
  const found = findDate(text, clock)
  if (!found) return null
  let before = text.slice(0, found.index).trim()
  for (let i = 0; i < 2; i++) before = (' ' + before).replace(lex.dateConnectors, '').trim()
  const after = text.slice(found.index + found.text.length).trim()
  return { iso: found.iso, rest: `${before} ${after}`.replace(/\s+/g, ' ').replace(/^,|,$/g, '').trim() }
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Channel names: Title Case in English ("Q1 Campaign"), sentence case in Spanish. */
export function channelName(text: string, lex: Lexicon, language: Language): string {
  const words = text.trim().replace(/^(?:the|a|an|el|la|los|las|un|una)\s+/i, '').split(/\s+/)
  if (language === 'es') return capitalize(words.join(' '))
  return words
    .map((w, i) => (i > 0 && lex.smallWords.has(w.toLowerCase()) ? w.toLowerCase() : w === w.toLowerCase() ? capitalize(w) : w))
    .join(' ')
}

export function parseNumber(word: string | undefined, lex: Lexicon): number | undefined {
  if (!word) return undefined
  const w = word.toLowerCase().trim()
  if (/^\d+$/.test(w)) return Number(w)
  return lex.numbers[w]
}
