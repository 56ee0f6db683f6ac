/** The one error type of Baton. Its HTTP status comes from the code, in one table. */
export const statusByCode = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_AUDIO: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  DEPENDENCY_CYCLE: 409,
  BLOCKED_BY_DEPENDENCY: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_AUDIO: 415,
  UNPROCESSABLE: 422,
  COMMAND_NOT_UNDERSTOOD: 422,
  NO_SPEECH: 422,
  UNDO_NOT_POSSIBLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  VOICE_UNAVAILABLE: 503,
  UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof statusByCode

export class AppError extends Error {
  readonly status: number
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown, readonly headers?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
    this.status = statusByCode[code]
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) } }
  }
}

export const notFound = (entity: string, id?: string) =>
  new AppError('NOT_FOUND', id ? `No ${entity} with id ${id}.` : `${capitalize(entity)} not found.`)
export const forbidden = (message = 'You are not allowed to do that.') => new AppError('FORBIDDEN', message)
export const unauthenticated = (message = 'Sign in first.') => new AppError('UNAUTHENTICATED', message)
export const conflict = (code: 'CONFLICT' | 'VERSION_CONFLICT' | 'DEPENDENCY_CYCLE' | 'BLOCKED_BY_DEPENDENCY' | 'DUPLICATE', message: string, details?: unknown) =>
  new AppError(code, message, details)
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details)
export const unprocessable = (message: string, details?: unknown) => new AppError('UNPROCESSABLE', message, details)

function capitalize(s: string) { return s.charAt(0).toUpperCase() + s.slice(1) }
