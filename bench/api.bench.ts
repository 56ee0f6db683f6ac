import autocannon from 'autocannon'
import Fastify from 'fastify'
import { percentile, listenOnFreePort, startBaton } from './support'

const DURATION = Number(process.env.BENCH_SECONDS ?? 4)

async function throughput(url: string, headers: Record<string, string> = {}, extra: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url, connections: 10, duration: DURATION, headers, ...extra })
  return result.requests.average
}

/**
 * Issue 2 and 3 benchmarks: authenticated GET /users/me against a bare Fastify route; creating a
 * task through the API against a raw INSERT through the same driver; GET /tasks with three
 * filters over 10,000 tasks.
 */
export async function run() {
  const baton = await startBaton()
  const bare = Fastify()
  bare.get('/ping', async () => ({ id: 'x', name: 'bare' }))
  const bareUrl = await listenOnFreePort(bare)
  const auth = { authorization: `Bearer ${baton.token}` }
  const results: Record<string, number | string> = { database: baton.kind }
  try {
    const bareRps = await throughput(`${bareUrl}/ping`)
    const meRps = await throughput(`${baton.url}/api/v1/users/me`, auth)
    results['bare fastify route (req/s)'] = bareRps
    results['GET /api/v1/users/me (req/s)'] = meRps
    results['users/me ÷ bare (goal ≥ 0.5)'] = meRps / bareRps

    // Create-task: the same number of rows through each path, sequentially.
    const n = 300
    const db = baton.services.database.db
    let t0 = performance.now()
    for (let i = 0; i < n; i++) {
      await db.insertInto('tasks').values({ title: `raw ${i}`, description: null, channelId: null, parentTaskId: null, createdBy: baton.ceo.id,
        estimatedHours: null, actualHours: null, dueDate: null, completedAt: null, deletedAt: null }).execute()
    }
    const rawMs = performance.now() - t0
    t0 = performance.now()
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${baton.url}/api/v1/tasks`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `api ${i}`, priority: 'high' }) })
      if (res.status !== 201) throw new Error(`create task: ${res.status}`)
    }
    const apiMs = performance.now() - t0
    results['raw INSERT (rows/s)'] = (n / rawMs) * 1000
    results['POST /api/v1/tasks (tasks/s)'] = (n / apiMs) * 1000
    results['create-task API ÷ raw INSERT (goal ≥ 0.5)'] = rawMs / apiMs

    // 10,000 tasks, then three filters at once.
    const people = [baton.ceo.id]
    const statuses = ['pending', 'in_progress', 'review', 'completed'] as const
    const priorities = ['low', 'medium', 'high', 'urgent', 'critical'] as const
    for (let batch = 0; batch < 20; batch++) {
      await db.insertInto('tasks').values(Array.from({ length: 500 }, (_, i) => ({
        title: `Seeded task ${batch * 500 + i}`, description: null, channelId: null, parentTaskId: null, createdBy: baton.ceo.id,
        assignedTo: i % 7 === 0 ? people : [], status: statuses[i % 4], priority: priorities[i % 5],
        estimatedHours: null, actualHours: null, dueDate: new Date(Date.now() + (i - 250) * 3_600_000), completedAt: null, deletedAt: null,
      }))).execute()
    }
    const samples: number[] = []
    const query = `${baton.url}/api/v1/tasks?status=pending,in_progress&priority=high,urgent&assignee=${baton.ceo.id}&limit=50`
    for (let i = 0; i < 220; i++) {
      const s = performance.now()
      const res = await fetch(query, { headers: auth })
      await res.arrayBuffer()
      if (i >= 20) samples.push(performance.now() - s)
    }
    results['GET /tasks, 3 filters over 10k tasks p50 (ms)'] = percentile(samples, 50)
    results['GET /tasks, 3 filters over 10k tasks p95 (ms; goal < 20 on PostgreSQL)'] = percentile(samples, 95)
  } finally {
    await bare.close()
    await baton.close()
  }
  return results
}
