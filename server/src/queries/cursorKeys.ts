import { invalid } from '../http/errors'

/**
 * Checks the values of a decoded cursor before they reach SQL casts, so a tampered cursor is a 400
 * and never a cast error (500). Keys carried as PostgreSQL text: timestamptz, real, uuid, bigint.
 */
const patterns = {
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/,
  real: /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  bigint: /^\d{1,18}$/,
} as const
export type CursorKey = keyof typeof patterns

export function checkCursorKeys(values: unknown[] | undefined, kinds: CursorKey[]): string[] | undefined {
  if (!values) return undefined
  const ok = values.length === kinds.length && values.every((v, i) => typeof v === 'string' && patterns[kinds[i]!].test(v))
  if (!ok) throw invalid('The cursor is not valid.', [{ field: 'querystring.cursor', message: 'is not a cursor this endpoint returned' }])
  return values as string[]
}
