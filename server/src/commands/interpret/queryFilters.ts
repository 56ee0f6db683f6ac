/**
 * Read-only questions: filters found in the question, as data per language. Each entry is a
 * pattern and what it sets; a question needs at least one of them or an explicit entity word.
 */
import { findPeriod } from './dates'
import type { Ctx } from './handlers'
import type { Language } from './types'

type Filters = Record<string, unknown>
type Apply = (m: RegExpExecArray, f: Filters, ctx: Ctx) => void | false

const period = (text: string, f: Filters, ctx: Ctx): void | false => {
  const p = findPeriod(text, ctx.clock)
  if (!p) return false
  f.dueAfter = p.after
  f.dueBefore = p.before
}
const dueBy = (text: string, f: Filters, ctx: Ctx): void | false => {
  const p = findPeriod(text, ctx.clock)
  if (!p) return false
  f.dueBefore = p.before
}
const me = (_m: RegExpExecArray, f: Filters, ctx: Ctx) => {
  f.assignee = { ...ctx.resolver.input.speaker }
}
const person = (name: string, f: Filters, ctx: Ctx): void | false => {
  if (!ctx.resolver.isUserish(name)) return false
  f.assignee = ctx.resolver.user(name).ref
}
const channel = (name: string, f: Filters, ctx: Ctx): void | false => {
  const c = ctx.resolver.quietChannel(name)
  if (!c) return false
  f.channel = c.ref
}

export const QUERY_FILTERS: Record<Language, [RegExp, Apply][]> = {
  en: [
    [/\b(?:overdue|late|past due|behind schedule|missed)\b/i, (_m, f) => void (f.overdue = true)],
    [/\bblocked\b/i, (_m, f) => void (f.blocked = true)],
    [/\b(?:in progress|ongoing|being worked on|underway)\b/i, (_m, f) => void (f.status = 'in_progress')],
    [/\b(?:done|completed|finished|closed)\b/i, (_m, f) => void (f.status = 'completed')],
    [/\b(?:in review|under review|waiting for review|to review)\b/i, (_m, f) => void (f.status = 'review')],
    [/\b(?:pending|not started|open|to ?do)\b/i, (_m, f) => void (f.status = 'pending')],
    [/\b(low|medium|high|urgent|critical)(?:[- ]priority)?\b(?! due)/i, (m, f) => void (f.priority = m[1]!.toLowerCase())],
    [/\bdue\s+(?:by|before)\s+(.+?)(?=\s+(?:in|for|assigned)\b|$)/i, (m, f, ctx) => dueBy(m[1]!, f, ctx)],
    [/\bdue\s+(?!by\b|before\b)(.+?)(?=\s+(?:in|for|assigned)\b|$)/i, (m, f, ctx) => period(m[1]!, f, ctx)],
    [/\b(?:on my plate|my (?:tasks|work|to-?dos)|assigned to me|do i have|i have|am i|i'm working on|i am working on|mine)\b|^my\b/i, me],
    [/\b(?:assigned to|owned by)\s+(.+?)(?=\s+(?:due|in|that|which)\b|$)/i, (m, f, ctx) => (/^me$/i.test(m[1]!) ? me(m, f, ctx) : person(m[1]!, f, ctx))],
    [/^(?:(?:is|are)\s+)?(.+?)'s\s+(?:tasks|work|to-?dos|assignments)\b/i, (m, f, ctx) => person(m[1]!, f, ctx)],
    [/^(?:(?:is|are)\s+)?(.+?)\s+(?:is\s+|are\s+)?working on$/i, (m, f, ctx) => person(m[1]!.replace(/^(?:is|does)\s+/i, ''), f, ctx)],
    [/^(?:does|do)\s+(.+?)\s+have\b/i, (m, f, ctx) => person(m[1]!, f, ctx)],
    [/\b(?:in|on|from|of)\s+(?:the\s+)?(.+?)(?:\s+channel)?$/i, (m, f, ctx) => channel(m[1]!, f, ctx)],
    [/\b(?:in|on)\s+(this channel|here)\b/i, (m, f, ctx) => channel(m[1]!, f, ctx)],
    [/\b(?:about|mentioning|containing|regarding|related to|matching|called|named|with)\s+(.+?)(?=\s+(?:in|due|assigned)\b|$)/i, (m, f) => void (f.text = m[1]!.replace(/^["“]|["”]$/g, ''))],
  ],
  es: [
    [/\b(?:vencid[oa]s?|atrasad[oa]s?|retrasad[oa]s?|fuera de plazo)\b/i, (_m, f) => void (f.overdue = true)],
    [/\bbloquead[oa]s?\b/i, (_m, f) => void (f.blocked = true)],
    [/\b(?:en progreso|en curso|en marcha)\b/i, (_m, f) => void (f.status = 'in_progress')],
    [/\b(?:terminad[oa]s|completad[oa]s|hech[oa]s|cerrad[oa]s)\b/i, (_m, f) => void (f.status = 'completed')],
    [/\b(?:en revisi[oó]n)\b/i, (_m, f) => void (f.status = 'review')],
    [/\bpendientes?\b(?!\s+de)/i, (_m, f) => void (f.status = 'pending')],
    [/\b(urgentes?|cr[ií]ticas?|(?:de )?(?:alta|baja|media) prioridad|prioridad (?:alta|baja|media))\b/i, (m, f) => {
      const w = m[1]!.toLowerCase()
      f.priority = /urgente/.test(w) ? 'urgent' : /cr[ií]tica/.test(w) ? 'critical' : /alta/.test(w) ? 'high' : /baja/.test(w) ? 'low' : 'medium'
    }],
    [/\b(?:vence|vencen|para|con vencimiento|que vencen|de)\s+((?:esta|la próxima|la proxima|la) semana(?: que viene)?|hoy|mañana|este mes|el \w+)\b/i, (m, f, ctx) => period(m[1]!, f, ctx)],
    [/\b(?:antes del?)\s+(.+?)$/i, (m, f, ctx) => dueBy(m[1]!, f, ctx)],
    [/\b(?:mis tareas|tengo|me toca|mis pendientes|asignadas a m[ií])\b/i, me],
    [/\btareas\s+(?:de|asignadas a)\s+(?!la\b|el\b|esta\b|hoy\b)(.+?)(?=\s+(?:que|para|en|vencen?|de esta)\b|$)/i, (m, f, ctx) => person(m[1]!, f, ctx)],
    [/\b(?:en|del?)\s+(?:el\s+)?(?:canal\s+(?:de\s+)?)?(.+?)$/i, (m, f, ctx) => channel(m[1]!, f, ctx)],
    [/\b(?:sobre|que mencionen?|relacionad[oa]s con|acerca de|con el texto)\s+(.+?)$/i, (m, f) => void (f.text = m[1]!)],
  ],
}

const ENTITY_WORDS: Record<Language, [RegExp, 'tasks' | 'channels' | 'messages' | 'users'][]> = {
  en: [
    [/\bmessages?\b|\bwhat did .+ say\b/i, 'messages'],
    [/^(?:(?:all|my|the|our|every)\s+)*channels?\b|\bchannels (?:do|am|are|exist)|\bwhich channels\b/i, 'channels'],
    [/\b(?:people|users|members|team members|everyone|who)\b/i, 'users'],
    [/\b(?:tasks?|to-?dos|work|assignments|deadlines)\b/i, 'tasks'],
  ],
  es: [
    [/\bmensajes?\b/i, 'messages'],
    [/^(?:(?:los|mis|todos los)\s+)*canales\b/i, 'channels'],
    [/\b(?:personas|usuarios|miembros|gente|equipo)\b/i, 'users'],
    [/\b(?:tareas?|pendientes|trabajo)\b/i, 'tasks'],
  ],
}

export function queryEntity(q: string, fixed: string | undefined, language: Language): { entity: 'tasks' | 'channels' | 'messages' | 'users'; explicit: boolean } {
  if (fixed === 'users' && !/\b(?:tasks?|tareas?)\b/i.test(q)) return { entity: 'users', explicit: /\b(?:in|on|en|del?)\b/i.test(q) }
  for (const [pattern, entity] of ENTITY_WORDS[language]) if (pattern.test(q)) return { entity, explicit: true }
  return { entity: 'tasks', explicit: false }
}
