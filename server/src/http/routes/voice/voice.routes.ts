import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { presentCommand } from '../../../commands/presentCommand'
import { AppError } from '../../errors'
import { actorOf } from '../../plugins/auth'
import { commandBody } from '../commands/commands.routes'
import { idParams } from '../common'
import { addReadinessCheck } from '../health/health.routes'
import type { RouteDeps } from '../types'

const MAX_AUDIO_BYTES = 10 * 1024 * 1024
const languageSchema = z.enum(['en', 'es'])
const voiceName = z.string().max(100)

/**
 * Speech in and out over HTTP: spoken commands, text to speech, a command's summary as audio and
 * the voice status. All of it goes through `services.voice` (the WebSocket voice mode does too).
 */
export async function voiceRoutes(app: FastifyInstance, deps: RouteDeps) {
  const voice = deps.services.voice
  // Voice is optional: /readyz reports it, but its absence never makes the node unready.
  addReadinessCheck(app, async () => {
    const status = await voice.stt.status()
    return { name: 'voice', ok: status.available, required: false, detail: status.available ? voice.stt.name : status.reason }
  })
  await app.register(multipart, { limits: { fileSize: MAX_AUDIO_BYTES, files: 1, fields: 10 } })
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.post('/api/v1/commands/voice', { schema: { tags: ['commands'], summary: 'A spoken command: multipart `audio` plus the text endpoint\'s fields', consumes: ['multipart/form-data'] } }, async (req) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with an `audio` file.')
    await voice.requireInput()
    let audio: Buffer | undefined
    const fields: Record<string, unknown> = {}
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'audio') { await part.toBuffer(); continue }
          audio = await part.toBuffer()
        } else fields[part.fieldname] = part.value
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', `Audio is limited to ${MAX_AUDIO_BYTES / 1024 / 1024} MB.`)
      throw error
    }
    if (!audio?.length) throw new AppError('VALIDATION_FAILED', 'Attach the recording as the `audio` field.', [{ field: 'audio', message: 'is required' }])
    const parsed = commandBody.omit({ text: true }).extend({
      dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      language: languageSchema.optional(),
    }).safeParse(fields)
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The request is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })))
    const actor = actorOf(req)
    const { now, language, ...rest } = parsed.data
    const heard = await voice.recognize({ audio }, language ?? await voice.languageOf(actor.id))
    return voice.command(actor, heard, { ...rest, now: now ? new Date(now) : undefined })
  })

  r.post('/api/v1/speech', {
    schema: { tags: ['voice'], summary: 'Text to speech (WAV with espeak-ng)', body: z.strictObject({ text: z.string().trim().min(1).max(2000), language: languageSchema.optional(), voice: voiceName.optional() }) },
  }, async (req, reply) => {
    const speech = await voice.speak(req.body.text, req.body.language ?? await voice.languageOf(actorOf(req).id), req.body.voice)
    return reply.type(speech.mimeType).send(speech.audio)
  })

  r.get('/api/v1/commands/:id/speech', {
    schema: { tags: ['voice'], summary: 'One of my commands\' spoken summary (result, preview or question), as audio', params: idParams, querystring: z.strictObject({ voice: voiceName.optional() }) },
  }, async (req, reply) => {
    const row = await deps.services.database.db.selectFrom('commands').selectAll().where('id', '=', req.params.id).where('userId', '=', actorOf(req).id).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `No command with id ${req.params.id}.`)
    const { summary, language } = presentCommand(row).command
    if (!summary) throw new AppError('CONFLICT', 'This command has nothing to say yet.')
    const speech = await voice.speak(summary, language === 'es' ? 'es' : 'en', req.query.voice)
    return reply.type(speech.mimeType).header('cache-control', 'private, max-age=300').send(speech.audio)
  })

  r.get('/api/v1/voice/status', { schema: { tags: ['voice'], summary: 'Whether speech in and out work here' } }, async () => voice.status())
}
