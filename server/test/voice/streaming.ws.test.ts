/**
 * The WebSocket voice mode end to end: 16 kHz PCM streamed in frames over a real socket, end of
 * speech found by the server's VAD, the transcript, the command (its events on the socket as
 * usual), the spoken reply; barge-in; spoken yes/no to a plan; protocol errors.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRealtimeContext, type RealtimeContext } from '../realtime/fixtures'
import type { Frame, WsClient } from '../realtime/wsClient'
import { EN_VOICES, missingTools, synthesizeWav, wavToPcm } from './support'

const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
const SAMPLE_RATE = 16_000

let t: RealtimeContext
beforeAll(async () => { t = await createRealtimeContext() }, 60_000)
afterAll(async () => { await t?.close() })

/** Speech followed by `silenceMs` of quiet, as little-endian bytes. */
async function spoken(text: string, silenceMs = 1_000, voice = EN_VOICES[0]!) {
  const pcm = wavToPcm(await synthesizeWav(text, voice))
  const out = Buffer.alloc((pcm.length + (SAMPLE_RATE * silenceMs) / 1000) * 2)
  pcm.forEach((s, i) => out.writeInt16LE(s, i * 2))
  return out
}

/** Streams bytes in frames of an odd size (so frames split samples, as real clients may). */
function stream(socket: WsClient, bytes: Buffer, frameBytes = 3_201) {
  for (let at = 0; at < bytes.length; at += frameBytes) socket.ws.send(bytes.subarray(at, at + frameBytes), { binary: true })
}

const forTurn = (id: string) => (f: Frame) => f.data?.responseId === id

async function startVoice(socket: WsClient, options: Record<string, unknown> = {}) {
  socket.send({ type: 'voice.start', timezone: 'America/New_York', ...options })
  return socket.waitFor('voice.started', () => true, 30_000)
}

describe.skipIf(missing)('voice mode on the WebSocket', () => {
  it('hears a streamed command, runs it like its text, and speaks the result', async () => {
    const socket = await t.connect(t.ceo)
    const started = await startVoice(socket)
    expect(started.data).toMatchObject({ format: 'pcm_s16le', sampleRate: 16_000, provider: 'pocketsphinx', reply: 'audio', language: 'en' })
    stream(socket, await spoken('create a task called budget review due tomorrow'))

    const speech = await socket.waitFor('voice.speech_started', () => true, 10_000)
    const turn = speech.data.responseId as string
    await socket.waitFor('voice.speech_ended', forTurn(turn), 10_000)
    const heard = await socket.waitFor('voice.transcript', forTurn(turn), 20_000)
    expect(heard.data.text).toContain('budget review')
    const response = await socket.waitFor('voice.response', forTurn(turn), 20_000)
    expect(response.data.command.source).toBe('voice')
    expect(response.data.command.sessionId).toBe(started.data.sessionId)
    if (response.data.command.status === 'planned') { // heard with low confidence: it must ask, never act
      expect(response.data.command.confirmationRequired).toBe(true)
      return
    }
    expect(response.data.command.status).toBe('completed')
    const created = await socket.waitFor('task.created', (f) => String(f.data?.title).toLowerCase() === 'budget review', 10_000)
    expect(created.id).toBeGreaterThan(0)

    const done = await socket.waitFor('voice.done', forTurn(turn), 20_000)
    const audio = socket.frames.filter((f) => f.type === 'voice.audio' && f.data.responseId === turn)
    expect(audio.length).toBeGreaterThan(0)
    expect(audio.map((f) => f.data.seq)).toEqual(audio.map((_, i) => i))
    expect(audio.at(-1)!.data.final).toBe(true)
    expect(audio.map((f) => f.data.text).join(' ')).toBe(response.data.command.summary)
    const wav = Buffer.from(audio[0]!.data.audio as string, 'base64')
    expect(wav.subarray(0, 4).toString()).toBe('RIFF')
    expect(wav.length).toBeGreaterThan(10_000)
    expect(socket.frames.indexOf(done)).toBeGreaterThan(socket.frames.indexOf(audio.at(-1)!))
    await socket.close()
  }, 90_000)

  it('barge-in: speaking again drops the earlier turn before its command runs', async () => {
    const socket = await t.connect(t.ceo)
    await startVoice(socket, { reply: 'text' })
    // The second command follows the first's end of speech at once, while the first is still being recognized.
    stream(socket, Buffer.concat([await spoken('create a task called quarterly report due friday', 600), await spoken('create a task called hiring plan due monday')]))

    const first = await socket.waitFor('voice.speech_started', () => true, 10_000)
    const dropped = await socket.waitFor('voice.dropped', forTurn(first.data.responseId), 10_000)
    expect(dropped.data).toMatchObject({ reason: 'barge_in', commandStarted: false })
    const second = await socket.waitFor('voice.speech_started', (f) => f.data.responseId !== first.data.responseId, 10_000)
    const answered = await socket.waitFor('voice.response', forTurn(second.data.responseId), 30_000)
    expect(answered.data.transcript).toContain('hiring plan')
    await socket.waitFor('voice.done', forTurn(second.data.responseId), 10_000)
    // Nothing of the dropped turn reached the client after it was dropped, and its command never ran.
    const afterDrop = socket.frames.slice(socket.frames.indexOf(dropped)).filter(forTurn(first.data.responseId))
    expect(afterDrop).toEqual([dropped])
    const tasks = await t.services.database.db.selectFrom('tasks').select('title').where(sql`lower(title)`, '=', 'quarterly report').execute()
    expect(tasks).toEqual([])
    expect(socket.frames.some((f) => f.type === 'voice.audio')).toBe(false) // reply: 'text'
    await socket.close()
  }, 90_000)

  it('a spoken "yes" runs the plan it was asked about; "cancel that" cancels one', async () => {
    const socket = await t.connect(t.ceo)
    await startVoice(socket, { dryRun: true, reply: 'text' })
    const ask = async (text: string) => {
      const before = socket.frames.length
      stream(socket, await spoken(text))
      const start = await socket.waitAny((f) => f.type === 'voice.speech_started' && socket.frames.indexOf(f) >= before, 10_000)
      return socket.waitAny((f) => (f.type === 'voice.response' || f.type === 'voice.error') && f.data?.responseId === start.data.responseId, 30_000)
    }
    const plan = await ask('create a task called press release due friday')
    expect(plan.type).toBe('voice.response')
    expect(plan.data.command.status).toBe('planned')
    const yes = await ask('yes')
    expect(yes.data.transcript).toBe('yes')
    if (yes.data.lowConfidence) { // an unsure "yes" must not run anything
      expect(yes.data.command.status).toBe('planned')
      return
    }
    expect(yes.data.command).toMatchObject({ id: plan.data.command.id, status: 'completed' })
    await socket.waitFor('task.created', (f) => String(f.data?.title).toLowerCase() === 'press release', 10_000)

    const second = await ask('create a task called sales deck due monday')
    expect(second.data.command.status).toBe('planned')
    const no = await ask('cancel that') // a bare "no" is one short syllable: the offline recognizer sometimes hears "who"
    expect(no.type, JSON.stringify(no.data)).toBe('voice.response')
    expect(no.data.command).toMatchObject({ id: second.data.command.id, status: 'failed', error: { code: 'CANCELLED' } })
    await socket.close()
  }, 120_000)

  it('refuses audio without voice.start, other sample rates, and unauthenticated audio', async () => {
    const socket = await t.connect(t.ceo)
    socket.ws.send(Buffer.alloc(640), { binary: true })
    expect((await socket.waitFor('error')).code).toBe('BAD_MESSAGE')
    socket.send({ type: 'voice.start', sampleRate: 44_100 })
    const bad = await socket.waitFor('error', (f) => f.message?.includes('16000') ?? false)
    expect(bad.code).toBe('BAD_MESSAGE')
    expect(socket.closed).toBeNull()
    // Silence never makes a turn.
    await startVoice(socket)
    stream(socket, Buffer.alloc(SAMPLE_RATE * 2 * 2))
    socket.send({ type: 'voice.stop' })
    await socket.waitFor('voice.stopped')
    expect(socket.frames.some((f) => f.type === 'voice.speech_started')).toBe(false)
    await socket.close()

    const anonymous = await (await import('../realtime/wsClient')).WsClient.connect(t.url)
    anonymous.ws.send(Buffer.alloc(640), { binary: true })
    expect((await anonymous.waitForClose()).code).toBe(4001)
  }, 60_000)
})

describe('GET /api/v1/commands/:id/speech', () => {
  it('speaks one of my commands\' summary, and only mine', async () => {
    const ceo = await t.as(t.ceo)
    const res = await ceo.post('/api/v1/commands', { text: 'create a task called vendor review due friday', dryRun: true })
    expect(res.status).toBe(200)
    const id = res.body.command.id as string
    const audio = await t.app.inject({ method: 'GET', url: `/api/v1/commands/${id}/speech`, headers: { authorization: `Bearer ${ceo.token}` } })
    if (missingTools('espeak-ng')) {
      expect(audio.statusCode).toBe(503)
      expect(audio.json().error.code).toBe('VOICE_UNAVAILABLE')
      return
    }
    expect(audio.statusCode).toBe(200)
    expect(audio.headers['content-type']).toBe('audio/wav')
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe('RIFF')
    const staff = await t.as(await t.createUser('staff'))
    expect((await staff.get(`/api/v1/commands/${id}/speech`)).status).toBe(404)
    expect((await ceo.get('/api/v1/commands/not-a-uuid/speech')).status).toBe(400)
  })
})
