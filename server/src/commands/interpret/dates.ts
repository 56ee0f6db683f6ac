/**
 * Dates under the spec's conventions, resolved from `now` in an IANA zone:
 * a day without a time of day is 17:00 local; a bare weekday is its next occurrence after today;
 * "next Friday" is the Friday of next week (weeks start on Monday). Offsets come from Intl, so
 * a date on the far side of a DST change gets that day's offset.
 */
import * as chrono from 'chrono-node'
import type { Language } from './types'

export interface Wall {
  year: number
  month: number // 1-12
  day: number
  hour: number
  minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timezone, f)
  }
  return f
}

/** Wall-clock time of an instant in a zone. */
export function wallOf(instant: Date, timezone: string): Wall & { second: number } {
  const parts: Record<string, number> = {}
  for (const p of formatter(timezone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! }
}

/** Minutes east of UTC of a zone at an instant. */
export function offsetMinutes(instant: Date, timezone: string): number {
  const w = wallOf(instant, timezone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/** The instant at which a zone's clocks show this wall time (in a DST gap: the later reading). */
export function wallToInstant(wall: Wall, timezone: string): Date {
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  let guess = utc - offsetMinutes(new Date(utc), timezone) * 60_000
  const second = utc - offsetMinutes(new Date(guess), timezone) * 60_000
  if (second !== guess) guess = Math.max(second, guess)
  return new Date(guess)
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0')

/** ISO 8601 with the zone's offset at that instant: 2026-03-13T17:00:00-04:00. */
export function toIsoInZone(instant: Date, timezone: string): string {
  const w = wallOf(instant, timezone)
  const off = offsetMinutes(instant, timezone)
  const sign = off < 0 ? '-' : '+'
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
}

/** Calendar arithmetic on a local date (no zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}
/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekday(date: { year: number; month: number; day: number }): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1
}

export interface Clock {
  now: Date
  timezone: string
  language: Language
}

type Day = { year: number; month: number; day: number }
const at = (day: Day, hour = 17, minute = 0): Wall => ({ ...day, hour, minute })

/** Phrases chrono does not read the way the spec wants, as data: pattern → local day. */
const SPECIAL_DAYS: { pattern: RegExp; day: (today: Day) => Day }[] = [
  { pattern: /\b(?:the )?day after tomorrow\b|\bpasado mañana\b/i, day: (t) => addDays(t, 2) },
  { pattern: /\b(?:(?:the )?end of (?:the )?day|eod|(?:el )?final del día)\b/i, day: (t) => t },
  { pattern: /\b(?:(?:the )?end of (?:the |this )?week|this week|eow|(?:el )?fin(?:al)? de (?:la |esta )?semana|esta semana)\b/i, day: (t) => addDays(t, 5 - weekday(t) + (weekday(t) > 5 ? 7 : 0)) },
  { pattern: /\b(?:next week|(?:la )?(?:próxima|proxima) semana|(?:la )?semana que viene)\b/i, day: (t) => addDays(t, 8 - weekday(t)) },
]

const NEXT_WORDS = /\b(?:next|pr[oó]xim[oa]|que viene)\b/i
const THIS_WORDS = /\b(?:this|este|esta)\b/i

export interface FoundDate {
  iso: string
  /** Index and length of the date phrase inside the text. */
  index: number
  text: string
  hasTime: boolean
}

const parsers = { en: chrono.en, es: chrono.es }

/** Words without which no text holds a date: chrono is skipped for everything else (most clauses). */
const DATEISH =
  /\d|\b(?:today|tonight|tomorrow|yesterday|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|noon|midnight|morning|afternoon|evening|night|week|month|year|day|hour|min|eod|eow|now|hoy|mañana|manana|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|mediod[ií]a|medianoche|noche|tarde|semana|mes|año|d[ií]a|hora|minuto|pasado)/i

/** Finds a date phrase in `text` and resolves it under the spec's conventions. */
export function findDate(text: string, clock: Clock, pick: 'first' | 'last' = 'first'): FoundDate | null {
  if (!DATEISH.test(text)) return null
  const nowWall = wallOf(clock.now, clock.timezone)
  const today: Day = { year: nowWall.year, month: nowWall.month, day: nowWall.day }
  for (const special of SPECIAL_DAYS) {
    const m = special.pattern.exec(text)
    if (!m) continue
    // A time of day may follow ("tomorrow at 9" is chrono's; "end of week" has none).
    return { iso: toIsoInZone(wallToInstant(at(special.day(today)), clock.timezone), clock.timezone), index: m.index, text: m[0], hasTime: false }
  }
  const ref = { instant: clock.now, timezone: offsetMinutes(clock.now, clock.timezone) }
  const results = parsers[clock.language].parse(text, ref, { forwardDate: true })
  const found = (pick === 'last' ? results[results.length - 1] : results[0]) ?? (clock.language === 'es' ? chrono.en.parse(text, ref, { forwardDate: true })[0] : undefined)
  if (!found) return null
  const start = found.start
  const hasTime = start.isCertain('hour')
  if (start.isCertain('timezoneOffset') && /\b(?:hours?|hrs?|minutes?|mins?|horas?|minutos?)\b/i.test(found.text)) {
    // Relative ("in 2 hours"): an exact instant.
    return { iso: toIsoInZone(start.date(), clock.timezone), index: found.index, text: found.text, hasTime: true }
  }
  let day: Day = { year: start.get('year')!, month: start.get('month')!, day: start.get('day')! }
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    const target = start.get('weekday')! === 0 ? 7 : start.get('weekday')!
    const todayDow = weekday(today)
    if (NEXT_WORDS.test(found.text)) day = addDays(today, 7 - todayDow + target)
    else if (THIS_WORDS.test(found.text)) day = addDays(today, target - todayDow)
    else day = addDays(today, ((target - todayDow + 6) % 7) + 1)
  }
  const wall = hasTime ? at(day, start.get('hour')!, start.get('minute') ?? 0) : at(day)
  return { iso: toIsoInZone(wallToInstant(wall, clock.timezone), clock.timezone), index: found.index, text: found.text, hasTime }
}

/** A span of days for questions ("due this week", "due today"): [start 00:00, end 00:00) local. */
export function findPeriod(text: string, clock: Clock): { after: string; before: string } | null {
  const nowWall = wallOf(clock.now, clock.timezone)
  const today: Day = { year: nowWall.year, month: nowWall.month, day: nowWall.day }
  const span = (from: Day, days: number) => ({
    after: toIsoInZone(wallToInstant(at(from, 0), clock.timezone), clock.timezone),
    before: toIsoInZone(wallToInstant(at(addDays(from, days), 0), clock.timezone), clock.timezone),
  })
  const monday = addDays(today, 1 - weekday(today))
  for (const [pattern, range] of PERIODS) if (pattern.test(text)) return range(today, monday, span)
  const found = findDate(text, clock)
  if (!found) return null
  const w = wallOf(new Date(found.iso), clock.timezone)
  return span({ year: w.year, month: w.month, day: w.day }, 1)
}

type Span = (from: Day, days: number) => { after: string; before: string }
const PERIODS: [RegExp, (today: Day, monday: Day, span: Span) => { after: string; before: string }][] = [
  [/\b(?:this week|esta semana)\b/i, (_t, m, span) => span(m, 7)],
  [/\b(?:next week|(?:la )?(?:próxima|proxima) semana|(?:la )?semana que viene)\b/i, (_t, m, span) => span(addDays(m, 7), 7)],
  [/\b(?:today|hoy)\b/i, (t, _m, span) => span(t, 1)],
  [/\b(?:this month|este mes)\b/i, (t, _m, span) => {
    const first = { ...t, day: 1 }
    const next = t.month === 12 ? { year: t.year + 1, month: 1, day: 1 } : { year: t.year, month: t.month + 1, day: 1 }
    return span(first, Math.round((Date.UTC(next.year, next.month - 1, 1) - Date.UTC(first.year, first.month - 1, 1)) / 86_400_000))
  }],
]
