/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core) against a real
 * Baton with the demo organization. Screenshots of the main pages go to test-results/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { apiAs, ensureBuilt, hasChromium, launch, shot, signIn, startServer } from './support'

const SEED_COMMAND = 'Create a marketing channel for Q1 campaign, add Sarah and Mike, create three tasks: content creation due next Friday, '
  + 'social media strategy due Wednesday, and budget review due tomorrow. Make the budget review block the other two tasks. '
  + 'Also upload the brand guidelines document to this channel.'

if (!hasChromium) console.warn('web/test: /usr/bin/chromium is absent (apt-get install -y chromium); the browser tests are skipped.')

describe.skipIf(!hasChromium)('web app in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let ceo: Awaited<ReturnType<typeof apiAs>>

  beforeAll(async () => {
    ensureBuilt()
    server = await startServer()
    browser = await launch()
    ceo = await apiAs(server.url, 'ceo@baton.demo')
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('signs in (demo accounts listed) and creates a task through the UI', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const first = await context.newPage()
    await first.goto(`${server.url}/`)
    await first.getByText('Demo accounts').waitFor()
    await shot(first, '01-sign-in')
    await first.close()

    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.getByRole('heading', { name: 'My tasks' }).waitFor()
    await page.getByLabel('Title').fill('Write the launch memo')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.locator('.task-list').getByText('Write the launch memo').waitFor()
    const listed = await ceo.call<{ items: Array<{ title: string }> }>('GET', '/tasks?assignee=me&limit=100')
    expect(listed.body.items.map((t) => t.title)).toContain('Write the launch memo')
    await shot(page, '02-my-tasks')

    const channel = await ceo.call<{ id: string }>('POST', '/channels', { name: 'Launch Room', memberIds: [] })
    expect(channel.status).toBe(201)
    await page.locator('.sidebar').getByText('Launch Room').click() // arrived live, without a reload
    await page.locator('.channel-page').waitFor()
    await page.getByLabel('Write a message… (@name to mention)').fill('Kick-off at 10, @Sarah please bring the numbers')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('.message .mention').first().waitFor()
    await shot(page, '03-channel')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, '03b-phone-channel')
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.waitForTimeout(300) // the menu slides in
    await shot(page, '03c-phone-menu')
    await context.close()
  }, 60_000)

  it('opening a channel clears its unread badge in every tab of that user, and it stays cleared after a reload', async () => {
    const priya = await apiAs(server.url, 'priya@baton.demo')
    const channel = (await ceo.call<{ id: string }>('POST', '/channels', { name: 'Read Receipts', memberIds: [priya.session.user.id] })).body
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const tab = await signIn(context, server.url, 'priya@baton.demo')
    const other = await context.newPage() // a second tab of the same session
    await other.goto(`${server.url}/`)
    await other.locator('[data-connection="live"]').waitFor({ timeout: 15_000 })
    for (const content of ['first', 'second']) expect((await ceo.call('POST', `/channels/${channel.id}/messages`, { content })).status).toBe(201)
    const badge = (page: typeof tab) => page.locator('.sidebar .nav-item.channel', { hasText: 'Read Receipts' }).locator('.badge')
    await expect.poll(() => badge(other).textContent()).toBe('2') // arrived live

    await tab.locator('.sidebar').getByText('Read Receipts').click()
    await tab.locator('.channel-page').waitFor()
    await badge(other).waitFor({ state: 'detached' }) // channel.read reached the other tab
    await expect.poll(async () => (await priya.call<{ unreadCount: number }>('GET', `/channels/${channel.id}`)).body.unreadCount).toBe(0)
    await other.reload()
    await other.locator('[data-connection="live"]').waitFor({ timeout: 15_000 })
    await other.locator('.sidebar').getByText('Read Receipts').waitFor()
    expect(await badge(other).count()).toBe(0)
    await context.close()
  }, 60_000)

  it('says voice is unavailable next to the microphones, with the install command, before anyone presses them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    await context.route('**/api/v1/voice/status', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({
      available: false, stt: { provider: 'pocketsphinx', available: false, reason: 'pocketsphinx_batch is not installed' },
      tts: { provider: 'espeak-ng', available: false }, ffmpeg: false,
      installCommand: 'sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg' }) }))
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.keyboard.press('Control+k')
    const note = page.locator('#voice-note')
    await note.waitFor()
    expect(await note.textContent()).toBe('Voice is not available on this server. To install it: sudo apt-get install -y pocketsphinx pocketsphinx-en-us espeak-ng sox ffmpeg')
    expect(await page.getByRole('button', { name: 'Hold to talk' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Conversation', exact: true }).isDisabled()).toBe(true)
    // Typed commands still work.
    expect(await page.getByRole('textbox', { name: 'Command', exact: true }).isEnabled()).toBe(true)
    await shot(page, '11-voice-unavailable')
    await context.close()
  }, 60_000)

  it('settings: time zone, notification kinds and quiet hours are saved and come back after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await signIn(context, server.url, 'emma@baton.demo')
    await page.locator('.sidebar').getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await page.getByLabel('Time zone').selectOption('Europe/Madrid')
    await page.getByRole('checkbox', { name: 'Someone mentions me' }).uncheck()
    await page.getByRole('checkbox', { name: 'Quiet hours' }).check()
    await page.getByLabel('From').fill('21:30')
    await page.getByLabel('Until').fill('06:45')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await shot(page, '13-settings')
    const emma = await apiAs(server.url, 'emma@baton.demo')
    const me = await emma.call<{ timezone: string; notificationSettings: unknown }>('GET', '/users/me')
    expect(me.body.timezone).toBe('Europe/Madrid')
    expect(me.body.notificationSettings).toMatchObject({ types: { mention: false }, quietHours: { start: '21:30', end: '06:45' } })
    await page.reload()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    expect(await page.getByLabel('From').inputValue()).toBe('21:30')
    expect(await page.getByRole('checkbox', { name: 'Someone mentions me' }).isChecked()).toBe(false)
    // Muting greys out every kind but one's own reminders.
    await page.getByRole('checkbox', { name: 'Mute everything except my own reminders' }).check()
    expect(await page.getByRole('checkbox', { name: 'A task is assigned to me' }).isDisabled()).toBe(true)
    expect(await page.getByRole('checkbox', { name: 'Reminders', exact: true }).isEnabled()).toBe(true)
    await context.close()
  }, 60_000)

  it('drags a task across the board, and a blocked completion shows the server\'s message', async () => {
    const blocker = (await ceo.call<{ id: string }>('POST', '/tasks', { title: 'Approve budget', priority: 'high' })).body
    const blocked = (await ceo.call<{ id: string }>('POST', '/tasks', { title: 'Sign vendor contract' })).body
    const dep = await ceo.call('POST', `/tasks/${blocked.id}/dependencies`, { dependsOnTaskId: blocker.id, dependencyType: 'blocks' })
    expect(dep.status).toBe(201)

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.getByRole('link', { name: 'Board', exact: true }).click()
    const card = page.locator(`.task-card[data-task-id="${blocker.id}"]`)
    await card.waitFor()
    await card.dragTo(page.locator('.column[data-status="in_progress"]'))
    await page.locator(`.column[data-status="in_progress"] .task-card[data-task-id="${blocker.id}"]`).waitFor()
    await expect.poll(async () => (await ceo.call<{ status: string }>('GET', `/tasks/${blocker.id}`)).body.status).toBe('in_progress')

    await page.locator(`.task-card[data-task-id="${blocked.id}"]`).dragTo(page.locator('.column[data-status="completed"]'))
    const refusal = page.getByTestId('board-refusal')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('is blocked by "Approve budget"')
    await page.locator(`.column[data-status="pending"] .task-card[data-task-id="${blocked.id}"]`).waitFor() // put back
    expect((await ceo.call<{ status: string }>('GET', `/tasks/${blocked.id}`)).body.status).toBe('pending')
    await shot(page, '04-board-refusal')

    await page.goto(`${server.url}/tasks/${blocked.id}`)
    await page.locator('.dep-graph').waitFor()
    await shot(page, '05-task-detail')
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.locator('.kpis').waitFor()
    await shot(page, '06-dashboard')
    await context.close()
  }, 60_000)

  it('task page: edit title and description, add and remove a typed dependency (a cycle is refused), comments arrive live', async () => {
    const room = (await ceo.call<{ id: string }>('POST', '/channels', { name: 'Launch Ops', memberIds: [] })).body
    const kit = (await ceo.call<{ id: string }>('POST', '/tasks', { title: 'Draft press kit', channelId: room.id })).body
    const venue = (await ceo.call<{ id: string }>('POST', '/tasks', { title: 'Book the venue', channelId: room.id })).body

    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const staff = await signIn(staffContext, server.url, 'priya@baton.demo')
    await staff.goto(`${server.url}/tasks/${kit.id}`)
    await staff.getByRole('heading', { name: 'Comments' }).waitFor()

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.goto(`${server.url}/tasks/${kit.id}`)
    await page.getByRole('button', { name: 'Rename' }).click()
    await page.getByRole('textbox', { name: 'Task title' }).fill('Draft the press kit')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: /^Draft the press kit/ }).waitFor()
    await page.getByRole('button', { name: 'Add a description' }).click()
    await page.getByRole('textbox', { name: 'Description' }).fill('Two pages, with quotes from the founders.')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Two pages, with quotes from the founders.').waitFor()
    expect((await ceo.call<{ title: string; description: string }>('GET', `/tasks/${kit.id}`)).body)
      .toMatchObject({ title: 'Draft the press kit', description: 'Two pages, with quotes from the founders.' })

    await page.getByRole('combobox', { name: 'Depends on' }).selectOption({ label: 'Book the venue' })
    await page.getByRole('combobox', { name: 'Dependency type' }).selectOption('requires')
    await page.getByRole('button', { name: 'Add dependency' }).click()
    await page.locator('.dep-row', { hasText: 'Book the venue' }).getByText('requires').waitFor()
    expect((await ceo.call<{ dependsOn: Array<{ dependencyType: string; task: { id: string } }> }>('GET', `/tasks/${kit.id}`)).body.dependsOn)
      .toEqual([expect.objectContaining({ dependencyType: 'requires', task: expect.objectContaining({ id: venue.id }) })])

    // From the other side: waiting for the kit would close a loop, and the server says so.
    await page.goto(`${server.url}/tasks/${venue.id}`)
    await page.locator('.dep-row', { hasText: 'Draft the press kit' }).waitFor()
    await page.getByRole('combobox', { name: 'Depends on' }).selectOption({ label: 'Draft the press kit' })
    await page.getByRole('button', { name: 'Add dependency' }).click()
    const refusal = page.locator('.deps-edit [role="alert"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/cycle|loop|circular/i)
    await shot(page, '05b-task-dependency-refused')
    await page.getByRole('button', { name: 'Remove dependency: Draft the press kit' }).click()
    await page.locator('.dep-row').first().waitFor({ state: 'detached' })
    expect((await ceo.call<{ dependents: unknown[] }>('GET', `/tasks/${venue.id}`)).body.dependents).toEqual([])

    // A comment from the CEO appears on the staff member's open page without a reload.
    await page.goto(`${server.url}/tasks/${kit.id}`)
    await page.getByRole('textbox', { name: 'Comment' }).fill('Venue confirmed for Friday.')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.locator('.comment', { hasText: 'Venue confirmed for Friday.' }).waitFor()
    await staff.locator('.comment', { hasText: 'Venue confirmed for Friday.' }).waitFor({ timeout: 10_000 })
    await staff.getByRole('heading', { name: /^Draft the press kit/ }).waitFor() // the renamed title arrived live too
    await shot(page, '05c-task-edited')
    await context.close()
    await staffContext.close()
  }, 90_000)

  it('files: upload with live processing seen by a teammate, download, and a pending upload from a command completed in the page', async () => {
    // The demo organization comes with a real file, processed when the server started.
    await expect.poll(async () => (await ceo.call<{ items: Array<{ name: string; status: string; metadata: { analysis?: { summary: string } } }> }>('GET', '/resources?q=board%20deck%20notes')).body.items[0],
      { timeout: 20_000 }).toMatchObject({ name: 'Q4 board deck notes', status: 'ready', metadata: { analysis: { summary: expect.stringContaining('Revenue grew eleven percent') } } })
    const priya = await apiAs(server.url, 'priya@baton.demo')
    const room = (await ceo.call<{ id: string }>('POST', '/channels', { name: 'Design Reviews', memberIds: [priya.session.user.id] })).body
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const staff = await signIn(staffContext, server.url, 'priya@baton.demo')
    await staff.goto(`${server.url}/channels/${room.id}`)
    await staff.getByRole('heading', { name: 'Files' }).waitFor()

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.goto(`${server.url}/channels/${room.id}`)
    await page.getByText('No files yet.').waitFor()
    const plan = 'The launch plan moves the design review to Thursday. Catering is ordered. The design review needs the final mockups and the launch checklist.'
    await page.getByLabel('Upload a file').setInputFiles({ name: 'launch-plan.txt', mimeType: 'text/plain', buffer: Buffer.from(plan) })
    const row = page.locator('.file-row', { hasText: 'launch-plan.txt' })
    await row.locator('.file-summary').waitFor({ timeout: 20_000 })
    expect(await row.locator('.file-summary').textContent()).toContain('The launch plan moves the design review to Thursday.')
    expect(await row.locator('.chip').allTextContents()).toContain('design review')
    // The teammate's open page shows it, processed, without a reload.
    await staff.locator('.file-row', { hasText: 'launch-plan.txt' }).locator('.file-summary').waitFor({ timeout: 20_000 })
    await shot(page, '14-files')

    const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'launch-plan.txt' }).click()])
    expect(file.suggestedFilename()).toBe('launch-plan.txt')
    const { readFile } = await import('node:fs/promises')
    expect(await readFile((await file.path())!, 'utf8')).toBe(plan)

    // Several files at once, picked together or dropped on the section.
    await page.getByLabel('Upload a file').setInputFiles([
      { name: 'agenda-a.txt', mimeType: 'text/plain', buffer: Buffer.from('Agenda A: budget first.') },
      { name: 'agenda-b.txt', mimeType: 'text/plain', buffer: Buffer.from('Agenda B: hiring first.') },
    ])
    await page.locator('.file-row', { hasText: 'agenda-b.txt' }).locator('.file-summary').waitFor({ timeout: 20_000 })
    await page.locator('.file-row', { hasText: 'agenda-a.txt' }).locator('.file-summary').waitFor({ timeout: 20_000 })
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer()
      data.items.add(new File(['Dropped notes about the venue.'], 'dropped.txt', { type: 'text/plain' }))
      return data
    })
    await page.locator('section.files').dispatchEvent('dragover', { dataTransfer: dropped })
    await page.locator('section.files').dispatchEvent('drop', { dataTransfer: dropped })
    await page.locator('.file-row', { hasText: 'dropped.txt' }).locator('.file-summary').waitFor({ timeout: 20_000 })
    // Replace a file's content (its summary follows) and delete another (gone for the teammate too).
    const agenda = page.locator('.file-row', { hasText: 'agenda-a.txt' })
    await agenda.getByLabel('Replace: agenda-a.txt').setInputFiles({ name: 'agenda-a2.txt', mimeType: 'text/plain', buffer: Buffer.from('Agenda A, revised: venue first.') })
    await agenda.locator('.file-summary', { hasText: 'Agenda A, revised: venue first.' }).waitFor({ timeout: 20_000 })
    await staff.locator('.file-row', { hasText: 'dropped.txt' }).waitFor({ timeout: 10_000 })
    page.once('dialog', (dialog) => void dialog.accept())
    await page.locator('.file-row', { hasText: 'dropped.txt' }).getByRole('button', { name: 'Delete' }).click()
    await page.locator('.file-row', { hasText: 'dropped.txt' }).waitFor({ state: 'detached' })
    await staff.locator('.file-row', { hasText: 'dropped.txt' }).waitFor({ state: 'detached', timeout: 10_000 })

    // A file attached in the conversation: a message with the file, processed, seen live by the teammate.
    await page.getByLabel('Write a message… (@name to mention)').first().fill('Floor plan notes for Thursday')
    await page.locator('.messages input[type=file][aria-label="Attach a file"]').last().setInputFiles({ name: 'floor-plan.txt', mimeType: 'text/plain', buffer: Buffer.from('The stage faces the windows. Chairs for forty people.') })
    const attached = staff.locator('.message', { hasText: 'Floor plan notes for Thursday' })
    await attached.locator('.file-row', { hasText: 'floor-plan.txt' }).locator('.file-summary').waitFor({ timeout: 20_000 })
    expect(await attached.locator('.file-summary').textContent()).toBe('The stage faces the windows. Chairs for forty people.')

    // A picture is shown small, from the stored bytes.
    const dot = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
    await page.getByLabel('Upload a file').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: dot })
    const picture = page.locator('.file-row', { hasText: 'dot.png' }).locator('img.file-preview')
    await picture.waitFor({ timeout: 20_000 })
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)

    // "Upload … to this channel", said to the command bar, makes a place for a file: pick it right there.
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Command', exact: true }).fill('Upload the moodboard document to this channel')
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByRole('button', { name: 'Undo' }).waitFor({ timeout: 10_000 })
    await page.getByLabel(/^Upload the file: /).first().setInputFiles({ name: 'moodboard.md', mimeType: 'text/markdown', buffer: Buffer.from('# Moodboard\n\nUse the blue logo on light backgrounds.') })
    await page.locator('.plan').getByText('file uploaded').waitFor({ timeout: 10_000 })
    await shot(page, '15-command-upload')
    await page.keyboard.press('Escape')
    // ↑ in the command bar brings the last command back.
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Command', exact: true }).fill('')
    await page.getByRole('textbox', { name: 'Command', exact: true }).press('ArrowUp')
    await expect.poll(() => page.getByRole('textbox', { name: 'Command', exact: true }).inputValue()).toBe('Upload the moodboard document to this channel')
    await page.keyboard.press('Escape')
    const pending = page.locator('.file-row', { hasText: /moodboard/i })
    await pending.locator('.file-summary').waitFor({ timeout: 20_000 })
    expect(await pending.locator('.file-summary').textContent()).toBe('Use the blue logo on light backgrounds.')

    // The Files page finds a file by a word inside it, and says where it lives.
    await page.locator('.sidebar').getByRole('link', { name: 'Files' }).click()
    await page.getByRole('searchbox', { name: 'Search files' }).fill('mockups')
    const hit = page.locator('.files-page .file-row', { hasText: 'launch-plan.txt' })
    await expect.poll(() => page.locator('.files-page .file-row').count(), { timeout: 10_000 }).toBe(1)
    await hit.waitFor()
    expect(await hit.getByRole('link', { name: '#Design Reviews' }).count()).toBe(1)
    await shot(page, '16-files-search')
    await page.getByRole('searchbox', { name: 'Search files' }).fill('zeppelinquartz')
    await page.getByText('No file matches.').waitFor()
    await context.close()
    await staffContext.close()
  }, 90_000)

  it('command bar UI against the commands contract (endpoint stubbed in the browser): clarify, preview, confirm, result link, undo', async () => {
    const task = (await ceo.call<{ id: string }>('POST', '/tasks', { title: 'Budget review' })).body
    const plan = { actions: [{ ref: 'a1', type: 'CREATE_TASK', params: { title: 'Budget review', dueDate: '2026-03-03T17:00:00-05:00' } }] }
    const command = (status: string, extra: Record<string, unknown> = {}) => ({ command: {
      id: '00000000-0000-4000-8000-000000000001', status, transcript: 'x', language: 'en', interpreter: 'rules', plan, results: [],
      summary: 'Create task Budget review due Tuesday', ...extra } })
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    const seen: string[] = []
    await page.route('**/api/v1/commands**', async (route) => {
      const req = route.request()
      const body = req.postDataJSON?.() as { text?: string } | null
      seen.push(`${req.method()} ${new URL(req.url()).pathname} ${body?.text ?? ''}`)
      const url = req.url()
      const json = url.endsWith('/execute') ? command('completed', { results: [{ ref: 'a1', status: 'done', entity: { type: 'task', id: task.id } }] })
        : url.endsWith('/undo') ? command('completed', { undoneAt: new Date().toISOString() })
        : body?.text === 'create a task' ? command('needs_clarification', { plan: { actions: [] }, question: 'What should the task be called?' })
        : command('planned')
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) })
    })
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Command', exact: true }).fill('create a task')
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByText('What should the task be called?').waitFor()
    await page.getByLabel('Answer').fill('Budget review due Tuesday')
    await page.getByRole('button', { name: 'Answer' }).click()
    await page.getByText('Create task Budget review due Tuesday').waitFor()
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.locator('.step-done').waitFor()
    await page.getByRole('button', { name: 'Undo' }).waitFor()
    await shot(page, '07a-command-bar-stubbed')
    await page.getByRole('button', { name: 'Undo' }).click()
    await page.getByText('Undone').waitFor()
    expect(seen[0]).toMatch(/^POST \/api\/v1\/commands create a task$/)
    expect(seen[1]).toMatch(/^POST \/api\/v1\/commands Budget review due Tuesday$/)
    expect(seen.slice(2).map((x) => x.trim())).toEqual([
      'POST /api/v1/commands/00000000-0000-4000-8000-000000000001/execute', 'POST /api/v1/commands/00000000-0000-4000-8000-000000000001/undo'])
    await context.close()
  }, 60_000)

  it('the CEO previews and confirms the seed command; a staff member sees the channel and tasks appear live', async (ctx) => {
    const probe = await ceo.call('POST', '/commands', { text: 'what is overdue?', dryRun: true })
    if (probe.status === 404) ctx.skip(true, 'POST /api/v1/commands is not served yet')

    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const staff = await signIn(staffContext, server.url, 'priya@baton.demo')
    await staff.goto(`${server.url}/board`) // a client-side reload-free page from here on
    await staff.locator('[data-connection="live"]').waitFor()
    await staff.locator('.board').waitFor()

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await signIn(context, server.url, 'ceo@baton.demo')
    await page.keyboard.press('Control+k')
    await page.getByRole('textbox', { name: 'Command', exact: true }).fill(SEED_COMMAND)
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByRole('button', { name: 'Confirm' }).waitFor()
    expect(await page.locator('.steps .step').count()).toBeGreaterThanOrEqual(8)
    await shot(page, '07-command-preview')
    await page.getByRole('button', { name: 'Confirm' }).click()
    await page.getByRole('button', { name: 'Undo' }).waitFor({ timeout: 20_000 })
    await shot(page, '08-command-done')

    await staff.locator('.sidebar').getByText('Q1 Campaign').waitFor({ timeout: 10_000 })
    for (const title of ['content creation', 'social media strategy', 'budget review']) {
      await staff.locator('.board .task-card').filter({ hasText: new RegExp(title, 'i') }).first().waitFor({ timeout: 10_000 })
    }
    await shot(staff, '09-staff-live-board')
    await staffContext.close()
    await context.close()
  }, 90_000)
})
