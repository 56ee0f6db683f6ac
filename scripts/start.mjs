#!/usr/bin/env node
// `npm start`: builds the web app when its bundle is missing or older than its sources, then runs
// the server with the demo organization on by default (BATON_DEMO=0 turns it off).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bundle = join(root, 'dist/web/index.html')

function newestMtime(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

if (existsSync(join(root, 'web/index.html'))) {
  const stale = !existsSync(bundle) || newestMtime(join(root, 'web')) > statSync(bundle).mtimeMs
  if (stale) {
    console.log('Building the web app…')
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
}

const env = { ...process.env, BATON_DEMO: process.env.BATON_DEMO ?? '1' }
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
