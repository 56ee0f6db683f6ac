import type { FastifyError, FastifyInstance } from 'fastify'
import { AppError } from './errors'

interface PgError { code?: string; detail?: string; constraint?: string }

/**
 * Maps every failure to the spec's error body at one edge. Bad input never becomes a 500:
 * schema failures, malformed JSON, oversized bodies and constraint violations all get 4xx.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    const appError = toAppError(error)
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: appError.code, status: appError.status }, appError.message)
    if (appError.headers) reply.headers(appError.headers)
    return reply.code(appError.status).send(appError.toBody())
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`).toBody()))
}

function toAppError(error: FastifyError & PgError): AppError {
  if (error instanceof AppError) return error
  if (error.validation) {
    const where = error.validationContext ?? 'body'
    return new AppError('VALIDATION_FAILED', 'The request is not valid.', error.validation.map((v) => ({
      field: [where, ...fieldPath(v)].filter(Boolean).join('.'),
      message: v.message ?? 'is not valid',
    })))
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', 'The request body is not valid JSON.')
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.')
    case '23505':
      return new AppError('CONFLICT', 'That already exists.', error.constraint ? { constraint: error.constraint } : undefined)
    case '23503':
      return new AppError('NOT_FOUND', 'Something this refers to does not exist.')
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('VALIDATION_FAILED', 'A value is not valid.')
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'A concurrent change got in the way; try again.')
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.')
    if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message)
    return new AppError('BAD_REQUEST', error.message)
  }
  return new AppError('INTERNAL', 'Something went wrong on our side.')
}

function fieldPath(v: { instancePath?: string; params?: Record<string, unknown>; path?: unknown }): string[] {
  if (Array.isArray(v.path)) return v.path.map(String)
  const issue = v.params?.issue as { path?: unknown[] } | undefined
  if (issue?.path) return issue.path.map(String)
  return (v.instancePath ?? '').split('/').filter(Boolean)
}
