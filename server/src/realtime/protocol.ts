import { z } from 'zod'
import { timezoneSchema } from '../actions/users/userSchemas'

/**
 * The WebSocket protocol (docs/realtime.md). Every frame is one JSON object with a `type`.
 * Stored events carry an `id` (resumable); control frames and ephemeral signals do not.
 */

/** Close codes: 4xxx are Baton's own, so a client can tell why it was closed. */
export const CloseCode = {
  UNAUTHENTICATED: 4001,
  FORBIDDEN: 4003,
  SLOW_CONSUMER: 4008,
  SHUTTING_DOWN: 1001,
} as const

export const presenceStatuses = ['online', 'away'] as const

const channelId = z.string().uuid()

/** What a client may send. Unknown types and malformed frames get an error; the socket stays open. */
export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096), lastEventId: z.coerce.number().int().min(0).optional() }),
  z.object({ type: z.literal('subscribe'), channelId }),
  z.object({ type: z.literal('unsubscribe'), channelId: channelId.optional() }),
  z.object({ type: z.literal('presence'), status: z.enum(presenceStatuses) }),
  z.object({ type: z.literal('typing'), channelId }),
  z.object({ type: z.literal('ping'), nonce: z.union([z.string().max(64), z.number()]).optional() }),
  // Voice mode (docs/realtime.md#voice-mode): binary frames between start and stop are 16 kHz mono s16le PCM.
  z.object({
    type: z.literal('voice.start'),
    format: z.literal('pcm_s16le').default('pcm_s16le'),
    sampleRate: z.literal(16_000, { message: 'only 16000 Hz mono is accepted; resample on the client' }).default(16_000),
    language: z.enum(['en', 'es']).optional(),
    sessionId: z.string().min(1).max(100).optional(),
    channelId: channelId.optional(),
    timezone: timezoneSchema.optional(),
    dryRun: z.boolean().optional(),
    reply: z.enum(['audio', 'text']).default('audio'),
    voice: z.string().max(100).optional(),
  }),
  z.object({ type: z.literal('voice.stop') }),
  z.object({ type: z.literal('voice.cancel') }),
])
export type ClientMessage = z.infer<typeof clientMessage>

export type ErrorCode =
  | 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_MESSAGE' | 'SLOW_CONSUMER' | 'UNAVAILABLE' | 'VOICE_UNAVAILABLE'

export const errorFrame = (code: ErrorCode, message: string, details?: unknown) =>
  JSON.stringify(details === undefined ? { type: 'error', code, message } : { type: 'error', code, message, details })

export const controlFrame = (type: string, data: Record<string, unknown> = {}) =>
  JSON.stringify({ type, at: new Date().toISOString(), data })

/** Parses one client frame, or returns a human-readable reason. */
export function parseClientMessage(raw: string): ClientMessage | { error: string } {
  let json: unknown
  try { json = JSON.parse(raw) } catch { return { error: 'Frames must be JSON objects.' } }
  const parsed = clientMessage.safeParse(json)
  if (parsed.success) return parsed.data
  const type = (json as { type?: unknown } | null)?.type
  return { error: typeof type === 'string' ? `Bad "${type}" message: ${parsed.error.issues[0]?.message ?? 'invalid'}.` : 'Every frame needs a "type".' }
}
