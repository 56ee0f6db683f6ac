import { z } from 'zod'

export const messageTypeSchema = z.enum(['text', 'voice', 'file', 'system', 'command_result'])
/** What clients may post; `system` and `command_result` messages come from the server only. */
export const clientMessageTypeSchema = z.enum(['text', 'voice', 'file'])
const content = z.string().trim().min(1, 'must not be empty').max(10_000)
const uuid = z.uuid({ message: 'must be a UUID' })

export const postMessageInput = z.strictObject({
  channelId: uuid.nullish(),
  taskId: uuid.nullish(),
  content,
  replyTo: uuid.nullish(),
  messageType: messageTypeSchema.default('text'),
  metadata: z.record(z.string(), z.unknown()).optional(),
}).refine((v) => Boolean(v.channelId) !== Boolean(v.taskId), { message: 'give exactly one of channelId or taskId', path: ['channelId'] })

/** The HTTP body of POST /channels/{id}/messages and /tasks/{id}/messages. */
export const postMessageBody = z.strictObject({
  content,
  replyTo: uuid.optional(),
  messageType: clientMessageTypeSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})

export const editMessageInput = z.strictObject({
  content,
  version: z.number().int().positive().optional(),
})
