/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) one after
 * another and prints each result. Benches report ratios against baselines measured in the same
 * run, because absolute times on these shared machines mean little.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o))).sort()

let failed = false
for (const file of files) {
  const started = Date.now()
  process.stdout.write(`\n== ${file}\n`)
  try {
    const mod = (await import(join(here, file))) as { run(): Promise<Record<string, number | string>> }
    const results = await mod.run()
    for (const [key, value] of Object.entries(results)) {
      console.log(`  ${key.padEnd(48)} ${typeof value === 'number' ? Number(value.toFixed(3)) : value}`)
    }
  } catch (error) {
    failed = true
    console.log(`  failed: ${(error as Error).stack ?? error}`)
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
process.exit(failed ? 1 : 0)
