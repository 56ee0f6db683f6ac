/**
 * Baton without the speech packages (a PATH where none of them is found): it runs, every voice
 * entry point answers VOICE_UNAVAILABLE with the exact install command, and /readyz reports voice
 * as unavailable without becoming unready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRealtimeContext, type RealtimeContext } from '../realtime/fixtures'
import { VOICE_INSTALL_COMMAND } from '../../src/voice'

let t: RealtimeContext
beforeAll(async () => { t = await createRealtimeContext({ PATH: '/nonexistent', STT_PROVIDER: 'pocketsphinx', TTS_PROVIDER: 'espeak-ng' }) }, 60_000)
afterAll(async () => { await t?.close() })

describe('voice without its packages', () => {
  it('answers 503 VOICE_UNAVAILABLE with the install command on every voice endpoint', async () => {
    const ceo = await t.as(t.ceo)
    const boundary = '----baton-unavailable'
    const body = `--${boundary}\r\ncontent-disposition: form-data; name="audio"; filename="a.wav"\r\ncontent-type: audio/wav\r\n\r\nRIFF....\r\n--${boundary}--\r\n`
    const spoken = await ceo.request('POST', '/api/v1/commands/voice', body, { 'content-type': `multipart/form-data; boundary=${boundary}` })
    expect(spoken.status).toBe(503)
    expect(spoken.body.error).toMatchObject({ code: 'VOICE_UNAVAILABLE', details: { installCommand: VOICE_INSTALL_COMMAND } })
    expect(spoken.body.error.message).toContain(VOICE_INSTALL_COMMAND)

    const speech = await ceo.post('/api/v1/speech', { text: 'hello' })
    expect(speech.status).toBe(503)
    expect(speech.body.error.message).toContain(VOICE_INSTALL_COMMAND)

    const status = await ceo.get('/api/v1/voice/status')
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ available: false, stt: { available: false, provider: 'pocketsphinx' }, tts: { available: false }, installCommand: VOICE_INSTALL_COMMAND })
  })

  it('keeps the node ready and says why voice is off', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().checks.voice).toMatchObject({ ok: false, required: false })
  })

  it('refuses the WebSocket voice mode with the install command, and the socket stays open', async () => {
    const socket = await t.connect(t.ceo)
    socket.send({ type: 'voice.start' })
    const refused = await socket.waitFor('error')
    expect(refused).toMatchObject({ code: 'VOICE_UNAVAILABLE', details: { installCommand: VOICE_INSTALL_COMMAND } })
    socket.send({ type: 'ping', nonce: 1 })
    await socket.waitFor('pong')
    expect(socket.closed).toBeNull()
  })
})
