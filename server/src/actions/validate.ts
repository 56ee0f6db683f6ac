import type { z } from 'zod'
import { AppError, invalid } from '../http/errors'

/** Parses an action's input; failures become VALIDATION_FAILED with one entry per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw invalid('The request is not valid.', parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  })))
}

/** Optimistic concurrency: the caller's version must be the row's current one. */
export function checkVersion(current: { version: number }, expected: number | undefined, present: () => unknown): void {
  if (expected !== undefined && expected !== current.version) {
    throw new AppError('VERSION_CONFLICT',
      `Someone else changed this since you loaded it (you had version ${expected}, it is now ${current.version}).`,
      { current: present() })
  }
}
