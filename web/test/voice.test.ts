/**
 * Push-to-talk with Chromium's fake microphone playing a WAV that espeak-ng speaks: the app
 * records 16 kHz WAV itself, posts it to /api/v1/commands/voice, previews and confirms.
 * The recording matches the espeak clip (same levels, same speech span to the sample; the fake
 * device plays 22.05 kHz at the right rate), with the clip's exact-zero silences intact and more
 * around it; PocketSphinx needs those filled (see fillDigitalSilence), or it mishears the sentence.
 * The uploads are saved to test-results/web/budget-review-{uploaded,spoken}.wav.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { apiAs, ensureBuilt, hasChromium, launch, root, shot, signIn, startServer } from './support'

const hasEspeak = existsSync('/usr/bin/espeak-ng')
const wav = `${root}/test-results/web/budget-review.wav`

describe.skipIf(!hasChromium || !hasEspeak)('push-to-talk in Chromium (fake microphone)', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let seconds = 3

  beforeAll(async () => {
    mkdirSync(`${root}/test-results/web`, { recursive: true })
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wav, 'create a task called budget review due tomorrow'])
    const { size } = await import('node:fs').then((fs) => fs.statSync(wav))
    seconds = (size - 44) / (22050 * 2)
    ensureBuilt()
    server = await startServer()
    browser = await launch(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}%noloop`])
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('records the fake microphone as 16 kHz mono WAV and posts it as multipart `audio` (endpoint stubbed in the browser)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    let upload: { rate: number; channels: number; bits: number; seconds: number; rms: number; dryRun: boolean } | null = null
    await page.route('**/api/v1/commands/voice', async (route) => {
      const body = route.request().postDataBuffer()!
      const at = body.indexOf('RIFF')
      const dataAt = body.indexOf('data', at + 36)
      const bytes = body.readUInt32LE(dataAt + 4)
      writeFileSync(`${root}/test-results/web/budget-review-uploaded.wav`, body.subarray(at, dataAt + 8 + bytes)) // for diagnosis
      let sum = 0
      for (let i = 0; i < bytes / 2; i++) sum += (body.readInt16LE(dataAt + 8 + i * 2) / 32768) ** 2
      upload = { rate: body.readUInt32LE(at + 24), channels: body.readUInt16LE(at + 22), bits: body.readUInt16LE(at + 34), seconds: bytes / 2 / body.readUInt32LE(at + 24),
        rms: Math.sqrt(sum / (bytes / 2)), dryRun: body.includes('name="dryRun"\r\n\r\ntrue') }
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({
        transcript: 'create a task called budget review due tomorrow', confidence: 0.9, provider: 'stub',
        command: { id: '00000000-0000-4000-8000-000000000002', status: 'planned', transcript: 'create a task called budget review due tomorrow',
          plan: { actions: [{ ref: 'a1', type: 'CREATE_TASK', params: { title: 'budget review' } }] }, results: [], summary: 'Create task budget review' } }) })
    })
    await page.keyboard.press('Control+k')
    await page.getByRole('button', { name: 'Hold to talk' }).hover()
    await page.mouse.down()
    await page.getByText('Listening… release to send').waitFor()
    await page.waitForTimeout(Math.round(seconds * 1000) + 500)
    await page.mouse.up()
    await page.locator('.heard').waitFor({ timeout: 10_000 })
    await page.getByRole('button', { name: 'Confirm' }).waitFor()
    expect(upload).not.toBeNull()
    const u = upload!
    expect(u).toMatchObject({ rate: 16000, channels: 1, bits: 16, dryRun: true })
    expect(u.seconds).toBeGreaterThan(seconds * 0.8)
    expect(u.rms).toBeGreaterThan(0.01) // speech, not silence
    await shot(page, '10a-voice-preview-stubbed')
    await context.close()
  }, 60_000)

  it('a spoken "create a task called budget review due tomorrow" creates the task', async (ctx) => {
    const ceo = await apiAs(server.url, 'ceo@baton.demo')
    const probe = await fetch(`${server.url}/api/v1/commands/voice`, { method: 'POST', headers: { authorization: `Bearer ${ceo.session.accessToken}` } })
    if (probe.status === 404) ctx.skip(true, 'POST /api/v1/commands/voice is not served yet')
    if (probe.status === 503) ctx.skip(true, 'voice is unavailable on this machine (install pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg)')

    const timezoneId = 'America/New_York'
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'], timezoneId })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    page.on('request', (r) => { // kept for diagnosis when the recognizer mishears
      const body = r.url().endsWith('/api/v1/commands/voice') ? r.postDataBuffer() : null
      const at = body?.indexOf('RIFF') ?? -1
      if (body && at >= 0) writeFileSync(`${root}/test-results/web/budget-review-spoken.wav`, body.subarray(at))
    })
    const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: timezoneId, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t)
    const tomorrow = [day(Date.now() + 86_400_000)]
    await page.keyboard.press('Control+k')
    const mic = page.getByRole('button', { name: 'Hold to talk' })
    await mic.hover()
    await page.mouse.down()
    await page.getByText('Listening… release to send').waitFor()
    await page.waitForTimeout(Math.round(seconds * 1000) + 700)
    await page.mouse.up()
    await page.locator('.heard').waitFor({ timeout: 20_000 })
    expect((await page.locator('.heard').textContent())!.toLowerCase()).toContain('budget review')
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByRole('button', { name: 'Undo' }).waitFor({ timeout: 20_000 })
    await shot(page, '10-voice-done')
    tomorrow.push(day(Date.now() + 86_400_000)) // either side of a midnight during the test
    const found = await ceo.call<{ items: Array<{ title: string; dueDate: string | null }> }>('GET', '/tasks?q=budget%20review&limit=20')
    const task = found.body.items.find((t) => /^budget review$/i.test(t.title))
    expect(task, JSON.stringify(found.body.items)).toBeDefined()
    expect(tomorrow).toContain(day(Date.parse(task!.dueDate!)))
    await context.close()
  }, 90_000)
})
