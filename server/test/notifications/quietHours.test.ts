import { describe, expect, it } from 'vitest'
import { quietUntil } from '../../src/actions/notifications/quietHours'

const night = { start: '22:00', end: '07:00' }

describe('quietUntil', () => {
  it('holds what falls inside a window that wraps midnight until it ends, in the recipient\'s zone', () => {
    // 23:30 in Madrid (UTC+1 in winter) → 07:00 the next morning.
    expect(quietUntil(new Date('2026-12-07T22:30:00Z'), night, 'Europe/Madrid')?.toISOString()).toBe('2026-12-08T06:00:00.000Z')
    // 05:15 in New York → 07:00 the same morning.
    expect(quietUntil(new Date('2026-12-07T10:15:00Z'), night, 'America/New_York')?.toISOString()).toBe('2026-12-07T12:00:00.000Z')
    // The same instants outside the window elsewhere: delivered as planned.
    expect(quietUntil(new Date('2026-12-07T22:30:00Z'), night, 'America/New_York')).toBeNull() // 17:30
    expect(quietUntil(new Date('2026-12-07T10:15:00Z'), night, 'Europe/Madrid')).toBeNull() // 11:15
  })

  it('treats the start as inside and the end as outside; a same-day window; an empty window is none', () => {
    expect(quietUntil(new Date('2026-12-07T22:00:00Z'), night, 'UTC')?.toISOString()).toBe('2026-12-08T07:00:00.000Z')
    expect(quietUntil(new Date('2026-12-07T07:00:00Z'), night, 'UTC')).toBeNull()
    expect(quietUntil(new Date('2026-12-07T06:59:30Z'), night, 'UTC')?.toISOString()).toBe('2026-12-07T07:00:00.000Z')
    const lunch = { start: '12:00', end: '13:30' }
    expect(quietUntil(new Date('2026-12-07T12:45:10Z'), lunch, 'UTC')?.toISOString()).toBe('2026-12-07T13:30:00.000Z')
    expect(quietUntil(new Date('2026-12-07T23:00:00Z'), lunch, 'UTC')).toBeNull()
    expect(quietUntil(new Date('2026-12-07T12:00:00Z'), { start: '09:00', end: '09:00' }, 'UTC')).toBeNull()
  })

  it('ends at the local time it names across a daylight-saving change', () => {
    // Spring forward in New York on 2026-03-08 (02:00 → 03:00): 23:00 EST → 07:00 EDT = 11:00 UTC.
    expect(quietUntil(new Date('2026-03-08T04:00:00Z'), night, 'America/New_York')?.toISOString()).toBe('2026-03-08T11:00:00.000Z')
    // Fall back in Madrid on 2026-10-25 (03:00 → 02:00): 23:00 CEST → 07:00 CET = 06:00 UTC.
    expect(quietUntil(new Date('2026-10-24T21:00:00Z'), night, 'Europe/Madrid')?.toISOString()).toBe('2026-10-25T06:00:00.000Z')
    // A window ending in the skipped hour (02:30 does not exist on 2026-03-08 in New York): the first minute after.
    expect(quietUntil(new Date('2026-03-08T06:30:00Z'), { start: '01:00', end: '02:30' }, 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z')
  })
})
