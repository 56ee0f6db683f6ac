/**
 * Interpretation time per command over the public corpus (rules interpreter, warm): p50 / p95 / max.
 * Goal: p95 < 5 ms. Run alone with `npx tsx bench/interpret.bench.ts`.
 */
import { performance } from 'node:perf_hooks'
import { interpret } from '../server/src/commands/interpret'
import { CORPUS_EN } from '../server/test/commands/corpus.en'
import { CORPUS_ES } from '../server/test/commands/corpus.es'
import { inputFor } from '../server/test/commands/corpusTypes'

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const round = (ms: number) => Math.round(ms * 1000) / 1000

export async function run(): Promise<Record<string, number | string>> {
  const inputs = [...CORPUS_EN, ...CORPUS_ES].map(inputFor)
  for (const i of inputs) interpret(i) // warm-up: chrono, Intl formatters, compiled grammars
  const samples: number[] = []
  for (let round = 0; round < 5; round++)
    for (const i of inputs) {
      const start = performance.now()
      interpret(i)
      samples.push(performance.now() - start)
    }
  samples.sort((a, b) => a - b)
  const result = {
    'interpret.commands': inputs.length,
    'interpret.p50Ms': round(quantile(samples, 0.5)),
    'interpret.p95Ms': round(quantile(samples, 0.95)),
    'interpret.maxMs': round(samples[samples.length - 1]!),
    'interpret.goal': 'p95 < 5 ms',
  }
  console.log(`interpret: ${inputs.length} commands × 5, p50 ${result['interpret.p50Ms']} ms, p95 ${result['interpret.p95Ms']} ms, max ${result['interpret.maxMs']} ms`)
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
