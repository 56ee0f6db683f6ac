/** Cheap checks for the Debian programs and model files voice needs (no process is spawned). */
import { accessSync, constants, existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

const found = new Map<string, string | null>()

/** Absolute path of an executable on PATH, or null. Cached per process. */
export function which(program: string, path = process.env.PATH ?? ''): string | null {
  const key = `${program}\0${path}`
  if (found.has(key)) return found.get(key)!
  let hit: string | null = null
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, program)
    try { accessSync(candidate, constants.X_OK); hit = candidate; break } catch { /* next */ }
  }
  found.set(key, hit)
  return hit
}

export const hasFile = (path: string) => existsSync(path)

/** Forget cached lookups (tests that change PATH). */
export function clearWhichCache() { found.clear() }
