import { describe, expect, it } from 'vitest'
import { findDate, findPeriod, offsetMinutes, toIsoInZone, wallToInstant } from '../../src/commands/interpret/dates'

const now = new Date('2026-03-02T09:00:00Z') // Monday
const en = (text: string, timezone = 'America/New_York') => findDate(text, { now, timezone, language: 'en' })?.iso
const es = (text: string, timezone = 'America/New_York') => findDate(text, { now, timezone, language: 'es' })?.iso

describe('dates under the spec conventions', () => {
  it.each([
    ['tomorrow', '2026-03-03T17:00:00-05:00'],
    ['Wednesday', '2026-03-04T17:00:00-05:00'],
    ['by Monday', '2026-03-09T17:00:00-04:00'], // bare weekday on a Monday: next week's, after DST
    ['next Friday', '2026-03-13T17:00:00-04:00'],
    ['this Friday', '2026-03-06T17:00:00-05:00'],
    ['tomorrow at 9am', '2026-03-03T09:00:00-05:00'],
    ['March 15', '2026-03-15T17:00:00-04:00'],
    ['the day after tomorrow', '2026-03-04T17:00:00-05:00'],
    ['end of week', '2026-03-06T17:00:00-05:00'],
    ['in 2 hours', '2026-03-02T06:00:00-05:00'],
  ])('%s → %s', (text, iso) => expect(en(text)).toBe(iso))

  it.each([
    ['mañana', '2026-03-03T17:00:00-05:00'],
    ['pasado mañana', '2026-03-04T17:00:00-05:00'],
    ['el próximo viernes', '2026-03-13T17:00:00-04:00'],
    ['el miércoles', '2026-03-04T17:00:00-05:00'],
    ['mañana a las 10', '2026-03-03T10:00:00-05:00'],
    ['el 15 de marzo', '2026-03-15T17:00:00-04:00'],
  ])('%s → %s', (text, iso) => expect(es(text)).toBe(iso))

  it('resolves "today" in the speaker\'s zone, not UTC', () => {
    // 09:00Z is already Monday evening in Tokyo and still Sunday night in Honolulu.
    expect(en('tomorrow', 'Asia/Tokyo')).toBe('2026-03-03T17:00:00+09:00')
    expect(en('tomorrow', 'Pacific/Honolulu')).toBe('2026-03-02T17:00:00-10:00')
  })

  it('handles DST gaps and offsets with Intl', () => {
    expect(offsetMinutes(new Date('2026-03-08T12:00:00Z'), 'America/New_York')).toBe(-240)
    // 02:30 does not exist on March 8 in New York: the later reading.
    expect(toIsoInZone(wallToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00')
    expect(en('March 29', 'Europe/London')).toBe('2026-03-29T17:00:00+01:00')
  })

  it('reads periods for questions', () => {
    expect(findPeriod('this week', { now, timezone: 'America/New_York', language: 'en' })).toEqual({ after: '2026-03-02T00:00:00-05:00', before: '2026-03-09T00:00:00-04:00' })
    expect(findPeriod('esta semana', { now, timezone: 'America/New_York', language: 'es' })).toEqual({ after: '2026-03-02T00:00:00-05:00', before: '2026-03-09T00:00:00-04:00' })
  })
})
