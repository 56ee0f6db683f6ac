import { analyzeText } from '../server/src/files/analysis'
import { percentile, startBaton } from './support'

const FILES = 20
const SENTENCES = [
  'Revenue grew eleven percent over the quarter, mostly from enterprise renewals.',
  'The billing migration is at risk because hiring is behind plan.',
  'Catering and the room are booked for the board meeting.',
  'Regional sales numbers are needed before the deck can be finalized.',
  'The design review moved to Thursday after the launch checklist slipped.',
]

/** About `kb` kilobytes of prose, different per file so nothing is cached. */
const document = (i: number, kb: number) => {
  const out: string[] = []
  for (let n = 0; out.join(' ').length < kb * 1024; n++) out.push(`${SENTENCES[(n + i) % SENTENCES.length]!.replace('.', '')} (note ${i}.${n}).`)
  return out.join(' ')
}

/**
 * The file pipeline: upload → ready for 50 KB text files through the real HTTP upload, the
 * pipeline and its progress events, against the analysis alone on the same text (the baseline).
 * The ratio is the pipeline's own cost (storage, claims, events, notifications) per file.
 */
export async function run() {
  const baton = await startBaton()
  const auth = { authorization: `Bearer ${baton.token}` }
  const results: Record<string, number | string> = { database: baton.kind }
  try {
    const texts = Array.from({ length: FILES }, (_, i) => document(i, 50))
    let t0 = performance.now()
    for (const text of texts) analyzeText(text)
    const analysisMs = (performance.now() - t0) / FILES

    const latencies: number[] = []
    for (const [i, text] of texts.entries()) {
      const form = new FormData()
      form.set('file', new Blob([text], { type: 'text/plain' }), `doc-${i}.txt`)
      t0 = performance.now()
      const res = await fetch(`${baton.url}/api/v1/resources`, { method: 'POST', headers: auth, body: form })
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
      const { id } = (await res.json()) as { id: string }
      await baton.services.files.idle()
      const row = await baton.services.database.db.selectFrom('sharedResources').select('status').where('id', '=', id).executeTakeFirstOrThrow()
      if (row.status !== 'ready') throw new Error(`file ${id} ended ${row.status}`)
      latencies.push(performance.now() - t0)
    }
    results['analysis alone, 50 KB text (ms)'] = analysisMs
    results['upload → ready p50 (ms)'] = percentile(latencies, 50)
    results['upload → ready p95 (ms)'] = percentile(latencies, 95)
    results['upload → ready p50 ÷ analysis alone'] = percentile(latencies, 50) / analysisMs
  } finally {
    await baton.close()
  }
  return results
}
