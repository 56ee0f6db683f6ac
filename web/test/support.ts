import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
export const PASSWORD = 'baton-demo-2026'
export const shots = `${root}/test-results/web`

/** The flags this machine needs: no sandbox as root, and no background network (it is closed). */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

/**
 * Builds the web app when dist/web is missing or older than web/src (the server reads it at
 * start). Test files run in parallel, so one builds under a lock while the others wait.
 */
export function ensureBuilt() {
  const bundle = `${root}/dist/web/index.html`
  const fresh = () => existsSync(bundle) && newest(`${root}/web/src`) <= statSync(bundle).mtimeMs
  if (fresh() && process.env.WEB_REBUILD !== '1') return
  const lock = `${root}/dist/.web-build.lock`
  mkdirSync(`${root}/dist`, { recursive: true })
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
  for (;;) {
    try { mkdirSync(lock); break } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000) rmSync(lock, { recursive: true, force: true }) // a stale lock
      sleep(250)
    }
  }
  try {
    if (fresh() && process.env.WEB_REBUILD !== '1') return
    const res = spawnSync(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
    if (res.status !== 0) throw new Error('vite build failed')
  } finally { rmSync(lock, { recursive: true, force: true }) }
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(`${dir}/${e.name}`) : statSync(`${dir}/${e.name}`).mtimeMs), 0)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    }).on('error', reject)
  })
}

/** A real Baton (demo organization, in-memory PGlite) in a child process. */
export async function startServer(): Promise<{ url: string; stop(): Promise<void>; proc: ChildProcess }> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root, env: { ...process.env, BATON_DEMO: '1', BATON_DATA_DIR: 'memory://', PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Baton did not start:\n${output}`)), 110_000)
    const onData = (d: Buffer) => { output += d.toString(); if (output.includes('every account')) { clearTimeout(timer); resolve() } }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', (d: Buffer) => { output += d.toString() })
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Baton exited (${code}):\n${output}`)) })
  })
  return {
    url: `http://127.0.0.1:${port}`, proc,
    stop: () => new Promise((resolve) => { if (proc.exitCode !== null) return resolve(); proc.once('exit', () => resolve()); proc.kill('SIGTERM') }),
  }
}

export async function apiAs(url: string, email: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) })
  const session = await res.json() as { accessToken: string; user: { id: string } }
  const call = async <T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${url}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${session.accessToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: r.status, body: (r.status === 204 ? null : await r.json().catch(() => null)) as T }
  }
  return { session, call }
}

/** Signs in through the sign-in page; returns when the app shell is up and live. */
export async function signIn(context: BrowserContext, url: string, email: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${url}/`)
  await page.getByLabel(/^(Email|Correo)$/).fill(email)
  await page.getByLabel(/^(Password|Contraseña)$/).fill(PASSWORD)
  await page.getByRole('button', { name: /^(Sign in|Iniciar sesión)$/ }).click()
  await page.locator('.topbar').waitFor()
  await page.locator('[data-connection="live"]').waitFor({ timeout: 15_000 })
  return page
}

export async function shot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false })
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath: CHROMIUM, args: [...chromiumArgs, ...extraArgs], headless: true })
}
