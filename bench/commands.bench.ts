import { percentile, startBaton } from './support'

const SEED = 'Create a marketing channel for Q1 campaign, add Sarah and Mike, create three tasks: content creation due next Friday, social media strategy due Wednesday, and budget review due tomorrow. Make the budget review block the other two tasks. Also upload the brand guidelines document to this channel.'

/**
 * Issue 5: the seed example from text to committed (interpret + 8 actions in one transaction),
 * as a ratio of one create-task API call measured in the same run.
 */
export async function run() {
  const baton = await startBaton()
  const headers = { authorization: `Bearer ${baton.token}`, 'content-type': 'application/json' }
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baton.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  try {
    await post('/api/v1/users', { email: 'sarah@bench.baton', name: 'Sarah Chen', role: 'manager', password: 'bench-password-1' })
    await post('/api/v1/users', { email: 'mike@bench.baton', name: 'Mike Ross', role: 'manager', password: 'bench-password-1' })
    const single: number[] = []
    const seed: number[] = []
    const interpretMs: number[] = []
    for (let i = 0; i < 30; i++) {
      let t0 = performance.now()
      await post('/api/v1/tasks', { title: `Bench task ${i}` })
      single.push(performance.now() - t0)
      t0 = performance.now()
      const { command } = await post('/api/v1/commands', { text: SEED.replace('Q1 campaign', `Q1 campaign ${i}`), now: '2026-03-02T09:00:00Z', timezone: 'America/New_York' })
      seed.push(performance.now() - t0)
      if (command.status !== 'completed') throw new Error(`seed command ${command.status}: ${JSON.stringify(command.error)}`)
      interpretMs.push(command.timings.interpretMs)
    }
    return {
      database: baton.kind,
      'one create-task call p50 (ms)': percentile(single, 50),
      'seed example text → committed p50 (ms)': percentile(seed, 50),
      'seed example text → committed p95 (ms)': percentile(seed, 95),
      'seed example ÷ one create-task call (p50)': percentile(seed, 50) / percentile(single, 50),
      'interpretation within it p50 (ms)': percentile(interpretMs, 50),
    }
  } finally {
    await baton.close()
  }
}
