import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { runCommand } from '../../../commands/service'
import type { Database } from '../../../db/database'
import { canLearnVocabulary, isLowConfidence, recognizeSpeech, sttFromEnv, ttsFromEnv, voiceStatus, VOICE_INSTALL_COMMAND, type SpeechToText } from '../../../voice'
import { AppError } from '../../errors'
import { actorOf } from '../../plugins/auth'
import { commandBody } from '../commands/commands.routes'
import { addReadinessCheck } from '../health/health.routes'
import type { RouteDeps } from '../types'

const MAX_AUDIO_BYTES = 10 * 1024 * 1024

/** Org-wide names for the recognizer's grammar, most recently active first. */
async function vocabulary(db: Database) {
  const [users, channels, tasks, resources, categories] = await Promise.all([
    db.selectFrom('users').select('name').where('deactivatedAt', 'is', null).orderBy('lastActiveAt', 'desc').execute(),
    db.selectFrom('channels').select('name').where('status', '!=', 'archived').where('deletedAt', 'is', null).orderBy('updatedAt', 'desc').execute(),
    db.selectFrom('tasks').select('title').where('deletedAt', 'is', null).where('status', 'in', ['pending', 'in_progress', 'review']).orderBy('updatedAt', 'desc').limit(200).execute(),
    db.selectFrom('sharedResources').select('name').where('deletedAt', 'is', null).orderBy('updatedAt', 'desc').limit(100).execute(),
    db.selectFrom('categories').select('name').where('deletedAt', 'is', null).execute(),
  ])
  return { users: users.map((u) => u.name), channels: channels.map((c) => c.name), tasks: tasks.map((t) => t.title),
    resources: resources.map((r) => r.name), categories: categories.map((c) => c.name) }
}

/** Keeps the recognizer's vocabulary in step with the organization's names (debounced on events). */
function learnNames(stt: SpeechToText, deps: RouteDeps) {
  if (!canLearnVocabulary(stt)) return
  const db = deps.services.database.db
  let timer: NodeJS.Timeout | undefined
  const refresh = () => { void vocabulary(db).then((v) => stt.setVocabulary(v)).catch(() => undefined) }
  refresh()
  deps.services.bus.subscribe((events) => {
    if (!events.some((e) => /^(user|channel|task|resource|category)\.(created|updated|deleted|archived)$/.test(e.type))) return
    clearTimeout(timer)
    timer = setTimeout(refresh, 1000).unref()
  })
}

export async function voiceRoutes(app: FastifyInstance, deps: RouteDeps) {
  const stt = sttFromEnv(process.env)
  const tts = ttsFromEnv(process.env)
  // Learn the organization's names on first use, so servers and tests that never hear speech start no decoders.
  let learning = false
  const learnOnce = () => { if (!learning) { learning = true; learnNames(stt, deps) } }
  // Voice is optional: /readyz reports it, but its absence never makes the node unready.
  addReadinessCheck(app, async () => {
    const status = await stt.status()
    return { name: 'voice', ok: status.available, required: false, detail: status.available ? stt.name : status.reason }
  })
  app.addHook('onClose', async () => { await (stt as { close?: () => Promise<void> }).close?.() })
  await app.register(multipart, { limits: { fileSize: MAX_AUDIO_BYTES, files: 1, fields: 10 } })
  const r = app.withTypeProvider<ZodTypeProvider>()
  const commandDeps = { db: deps.services.database.db, onCommit: () => { void deps.services.relay.kick() } }

  const requireVoice = async () => {
    const status = await stt.status()
    if (!status.available) throw new AppError('VOICE_UNAVAILABLE', `Speech recognition is not installed on this server. Install it with: ${status.installCommand ?? VOICE_INSTALL_COMMAND}`, { installCommand: status.installCommand ?? VOICE_INSTALL_COMMAND })
  }

  r.post('/api/v1/commands/voice', { schema: { tags: ['commands'], summary: 'A spoken command: multipart `audio` plus the text endpoint\'s fields', consumes: ['multipart/form-data'] } }, async (req) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with an `audio` file.')
    await requireVoice()
    learnOnce()
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
      language: z.enum(['en', 'es']).optional(),
    }).safeParse(fields)
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The request is not valid.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })))
    const actor = actorOf(req)
    const language = parsed.data.language ?? ((await deps.actors.user(actor.id))?.language === 'es' ? 'es' : 'en')
    const heard = await recognizeSpeech(stt, audio, { language })
    const lowConfidence = isLowConfidence(heard.confidence)
    const response = await runCommand(commandDeps, actor, {
      text: heard.text, dryRun: parsed.data.dryRun, now: parsed.data.now ? new Date(parsed.data.now) : undefined,
      timezone: parsed.data.timezone, channelId: parsed.data.channelId, sessionId: parsed.data.sessionId,
      source: 'voice', sttMs: heard.ms, requireConfirmation: lowConfidence,
      transcriptMeta: { stt: { provider: heard.provider, confidence: heard.confidence } },
    })
    return { ...response, transcript: heard.text, confidence: heard.confidence, provider: heard.provider, lowConfidence }
  })

  r.post('/api/v1/speech', {
    schema: { tags: ['voice'], summary: 'Text to speech (WAV with espeak-ng)', body: z.strictObject({ text: z.string().trim().min(1).max(2000), language: z.enum(['en', 'es']).optional(), voice: z.string().max(100).optional() }) },
  }, async (req, reply) => {
    const status = await tts.status()
    if (!status.available) throw new AppError('VOICE_UNAVAILABLE', `Speech output is not installed. Install it with: ${VOICE_INSTALL_COMMAND}`)
    const speech = await tts.synthesize(req.body.text, { language: req.body.language ?? 'en', voice: req.body.voice })
    return reply.type(speech.mimeType).send(speech.audio)
  })

  r.get('/api/v1/voice/status', { schema: { tags: ['voice'], summary: 'Whether speech in and out work here' } }, async () => voiceStatus(stt, tts))
}
