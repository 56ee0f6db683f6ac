/**
 * Quiet hours: a daily window in the recipient's own time zone ("22:00"–"07:00" wraps midnight)
 * during which notifications wait and arrive when it ends. Pure; the clock and zone are given.
 */
export interface QuietHours { start: string; end: string }

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h! % 24) * 60 + (m! % 60)
}

/** Minutes since local midnight of `at` in `timeZone` (with seconds, for exact arithmetic). */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return get('hour') * 60 + get('minute') + get('second') / 60 + at.getUTCMilliseconds() / 60_000
}

/** a − b on a 24-hour clock, in (−720, 720] minutes. */
const wallDiff = (a: number, b: number) => {
  const d = (((a - b) % 1440) + 1440) % 1440
  return d > 720 ? d - 1440 : d
}

/**
 * When a notification due at `at` may be delivered: `null` when `at` is outside the window (deliver
 * as planned), otherwise the instant the window ends, local time, on that day or the next. An empty
 * window (start = end) is no window. Across a daylight-saving change the end is corrected to the
 * local wall time it names (or the first minute after it, when that time does not exist).
 */
export function quietUntil(at: Date, quiet: QuietHours, timeZone: string): Date | null {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return null
  const now = localMinutes(at, timeZone)
  const inside = start < end ? now >= start && now < end : now >= start || now < end
  if (!inside) return null
  let until = new Date(at.getTime() + ((end - now + 1440) % 1440) * 60_000)
  // A clock change inside the wait shifts local time; move by the difference once it is known.
  const drift = wallDiff(localMinutes(until, timeZone), end)
  if (Math.abs(drift) >= 1 / 60) until = new Date(until.getTime() - drift * 60_000)
  if (wallDiff(localMinutes(until, timeZone), end) < -1 / 60) until = new Date(until.getTime() + 60 * 60_000) // the end fell in a skipped hour
  return new Date(Math.ceil(until.getTime() / 1000) * 1000)
}
