import { z } from 'zod'

export const idParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) })
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
/** `If-Match: 3` (or `"3"`) is accepted in place of a `version` in the body. */
export function versionFrom(headers: Record<string, unknown>, bodyVersion?: number): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion
  const header = headers['if-match']
  if (typeof header !== 'string') return undefined
  const n = Number(header.replace(/^W\//, '').replace(/"/g, ''))
  return Number.isInteger(n) && n > 0 ? n : undefined
}
