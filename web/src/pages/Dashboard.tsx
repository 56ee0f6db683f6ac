import { useMemo } from 'react'
import { api } from '../api/client'
import type { Command, Page, Task } from '../api/types'
import { loadTasks } from '../state/data'
import { useStore } from '../state/store'
import { useAsync } from '../state/useAsync'
import { formatDate, useT } from '../i18n'
import { Empty, ErrorBox, Spinner } from '../components/ui'
import { TaskRow } from '../components/tasks'

const OPEN = ['pending', 'in_progress', 'review'] as const
const DAY = 86_400_000

/** Overdue and at-risk tasks, workload per person, status mix and recent commands. */
export function Dashboard() {
  const t = useT()
  const tasks = useStore((s) => s.tasks)
  const users = useStore((s) => s.users)
  const loaded = useAsync(async () => {
    const [ids, commands] = await Promise.all([
      loadTasks({ status: OPEN.join(','), sort: 'due' }, 2000),
      api.get<Page<Command>>('/commands?limit=8').then((p) => p.items).catch(() => [] as Command[]),
    ])
    return { ids, commands }
  }, [])

  const view = useMemo(() => {
    const now = Date.now()
    const open = Object.values(tasks).filter((x) => (OPEN as readonly string[]).includes(x.status))
    const overdue = open.filter((x) => x.overdue || (x.dueDate && Date.parse(x.dueDate) < now))
    const atRisk = open.filter((x) => x.dueDate && !overdue.includes(x) && Date.parse(x.dueDate) - now < 2 * DAY
      && (x.status === 'pending' || x.priority === 'urgent' || x.priority === 'critical'))
    const load = new Map<string, { open: number; overdue: number }>()
    for (const x of open) for (const id of x.assigneeIds.length ? x.assigneeIds : ['']) {
      const w = load.get(id) ?? { open: 0, overdue: 0 }
      w.open++; if (overdue.includes(x)) w.overdue++
      load.set(id, w)
    }
    const status = Object.fromEntries(OPEN.map((s) => [s, open.filter((x) => x.status === s).length])) as Record<string, number>
    return { open, overdue, atRisk, load: [...load.entries()].sort((a, b) => b[1].open - a[1].open), status }
  }, [tasks])

  if (loaded.error) return <section className="page"><ErrorBox error={loaded.error} onRetry={loaded.retry} /></section>
  return (
    <section className="page dashboard" aria-labelledby="page-title">
      <h1 id="page-title">{t('dashboard')}</h1>
      {loaded.loading && !view.open.length ? <Spinner /> : null}
      <div className="kpis">
        <Kpi label={t('openTasks')} value={view.open.length} />
        <Kpi label={t('overdue')} value={view.overdue.length} tone="danger" />
        <Kpi label={t('atRisk')} value={view.atRisk.length} tone="warn" />
      </div>
      <div className="dash-grid">
        <section className="card" aria-labelledby="wl-h">
          <h2 id="wl-h">{t('workload')}</h2>
          {view.load.length ? <WorkloadChart rows={view.load.map(([id, w]) => ({ label: id ? users[id]?.name ?? id.slice(0, 8) : t('unassigned'), ...w }))} overdueLabel={t('overdue')} />
            : <Empty>{t('noTasks')}</Empty>}
        </section>
        <section className="card" aria-labelledby="st-h">
          <h2 id="st-h">{t('status')}</h2>
          <StatusBar counts={view.status} labels={(s) => t(s as 'pending')} />
        </section>
        <section className="card" aria-labelledby="od-h">
          <h2 id="od-h">{t('overdue')}</h2>
          {view.overdue.length ? <ul className="task-list">{view.overdue.slice(0, 15).map((x: Task) => <TaskRow key={x.id} task={x} />)}</ul> : <Empty>{t('nothingOverdue')}</Empty>}
        </section>
        <section className="card" aria-labelledby="ar-h">
          <h2 id="ar-h">{t('atRisk')}</h2>
          {view.atRisk.length ? <ul className="task-list">{view.atRisk.slice(0, 15).map((x) => <TaskRow key={x.id} task={x} />)}</ul> : <Empty>{t('nothingAtRisk')}</Empty>}
        </section>
        <section className="card wide" aria-labelledby="rc-h">
          <h2 id="rc-h">{t('recentCommands')}</h2>
          {loaded.data?.commands.length ? (
            <ul className="commands">
              {loaded.data.commands.map((c) => (
                <li key={c.id}><span className={`pill cmd-${c.status}`}>{c.status}</span> <span>“{c.transcript}”</span>
                  {c.summary && <span className="muted small"> — {c.summary}</span>} <time className="muted small">{formatDate(c.createdAt, t.locale, true)}</time></li>
              ))}
            </ul>
          ) : <Empty>{t('noCommands')}</Empty>}
        </section>
      </div>
    </section>
  )
}

function Kpi({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return <div className={`kpi ${tone ?? ''}`}><span className="kpi-value">{value}</span><span className="kpi-label">{label}</span></div>
}

function WorkloadChart({ rows, overdueLabel }: { rows: Array<{ label: string; open: number; overdue: number }>; overdueLabel: string }) {
  const max = Math.max(1, ...rows.map((r) => r.open))
  const rowH = 26, labelW = 120, barW = 220, width = labelW + barW + 40
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${rows.length * rowH + 4}`} width="100%" role="img"
      aria-label={rows.map((r) => `${r.label}: ${r.open} (${r.overdue} ${overdueLabel})`).join('; ')}>
      {rows.map((r, i) => {
        const w = (r.open / max) * barW, wo = (r.overdue / max) * barW
        return (
          <g key={r.label} transform={`translate(0,${i * rowH + 2})`}>
            <text x={labelW - 8} y={16} textAnchor="end" className="chart-label">{r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label}</text>
            <rect x={labelW} y={4} width={w} height={16} rx={3} className="bar" />
            {wo > 0 && <rect x={labelW} y={4} width={wo} height={16} rx={3} className="bar overdue" />}
            <text x={labelW + w + 6} y={16} className="chart-value">{r.open}</text>
          </g>
        )
      })}
    </svg>
  )
}

function StatusBar({ counts, labels }: { counts: Record<string, number>; labels: (s: string) => string }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1
  let x = 0
  return (
    <div>
      <svg className="chart" viewBox="0 0 300 24" width="100%" role="img" aria-label={Object.entries(counts).map(([s, n]) => `${labels(s)}: ${n}`).join(', ')}>
        {Object.entries(counts).map(([s, n]) => { const w = (n / total) * 300; const r = <rect key={s} x={x} y={0} width={w} height={24} className={`seg status-${s}`} />; x += w; return r })}
      </svg>
      <ul className="legend-list">{Object.entries(counts).map(([s, n]) => <li key={s}><span className={`legend-swatch status-${s}`} aria-hidden="true" /> {labels(s)} {n}</li>)}</ul>
    </div>
  )
}
