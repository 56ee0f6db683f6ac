import { z } from 'zod'
import { invalid } from '../http/errors'

/** `limit` (default 20, max 100) and an opaque `cursor`, shared by every list endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
})

export interface Page<T> { items: T[]; nextCursor: string | null }

/** A cursor holds the sort key of the last item returned: keyset pagination never skips or repeats. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.length === length) return key
  } catch { /* fall through */ }
  throw invalid('The cursor is not valid.', [{ field: 'querystring.cursor', message: 'is not a cursor this endpoint returned' }])
}

/** Fetch limit + 1 rows; the extra one only tells whether there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, present: (row: R) => T, keyOf: (row: R) => unknown[]): Page<T> {
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  const last = items[items.length - 1]
  return { items: items.map(present), nextCursor: more && last ? encodeCursor(keyOf(last)) : null }
}
