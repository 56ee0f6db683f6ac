import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../harness'

const hasSpeech = existsSync('/usr/bin/pocketsphinx_batch') && existsSync('/usr/bin/espeak-ng')
let t: TestContext
let token: string
beforeAll(async () => { t = await createTestContext(); token = (await t.login(t.ceo)).accessToken })
afterAll(async () => { await t.close() })

function multipart(audio: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----baton' + Math.random().toString(16).slice(2)
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
  const body = Buffer.concat([Buffer.from(parts.join('')), Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="audio"; filename="a.wav"\r\ncontent-type: audio/wav\r\n\r\n`), audio, Buffer.from(`\r\n--${boundary}--\r\n`)])
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` } }
}
const post = (audio: Buffer, fields?: Record<string, string>) => {
  const { body, headers } = multipart(audio, fields)
  return t.app.inject({ method: 'POST', url: '/api/v1/commands/voice', payload: body, headers })
}

describe.skipIf(!hasSpeech)('POST /api/v1/commands/voice', () => {
  it('turns a spoken command into the same task as its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-voice-'))
    const wav = join(dir, 'c.wav')
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wav, 'create a task called budget review due tomorrow'])
    execFileSync('sox', [wav, '-r', '16000', '-c', '1', join(dir, 'c16.wav')])
    const res = await post(readFileSync(join(dir, 'c16.wav')), { now: '2026-03-02T09:00:00Z', timezone: 'America/New_York' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.transcript.toLowerCase()).toContain('budget review')
    expect(body.provider).toBe('pocketsphinx')
    expect(['completed', 'planned']).toContain(body.command.status)
    const create = body.command.plan.actions.find((a: { type: string }) => a.type === 'CREATE_TASK')
    expect(create.params.title.toLowerCase()).toBe('budget review')
    expect(create.params.dueDate).toBe('2026-03-03T17:00:00-05:00')
  })

  it('refuses corrupt, empty and silent audio with their errors', async () => {
    expect((await post(Buffer.from('this is not audio at all, not even close'))).statusCode).toBeGreaterThanOrEqual(400)
    const empty = await post(Buffer.alloc(0))
    expect(empty.statusCode).toBe(400)
    const silence = Buffer.alloc(44 + 32000 * 2)
    silence.write('RIFF', 0); silence.writeUInt32LE(36 + 64000, 4); silence.write('WAVEfmt ', 8); silence.writeUInt32LE(16, 16)
    silence.writeUInt16LE(1, 20); silence.writeUInt16LE(1, 22); silence.writeUInt32LE(16000, 24); silence.writeUInt32LE(32000, 28)
    silence.writeUInt16LE(2, 32); silence.writeUInt16LE(16, 34); silence.write('data', 36); silence.writeUInt32LE(64000, 40)
    const quiet = await post(silence)
    expect(quiet.statusCode).toBe(422)
    expect(quiet.json().error.code).toBe('NO_SPEECH')
  })
})

describe('voice without a multipart body', () => {
  it('is refused clearly', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/commands/voice', payload: { text: 'x' }, headers: { authorization: `Bearer ${token}` } })
    expect([415, 503]).toContain(res.statusCode)
  })
})
