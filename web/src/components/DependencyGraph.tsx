import type { TaskDetail, TaskLink } from '../api/types'
import { navigate } from '../router'
import { useT } from '../i18n'

const W = 180, H = 40, GAP_X = 70, GAP_Y = 14

/**
 * The task's neighbourhood as a small left-to-right graph: what it depends on, the task, what
 * depends on it. Tasks on the channel's critical path, and the edges between them, are highlighted.
 */
export function DependencyGraph({ task, critical }: { task: TaskDetail; critical: Set<string> }) {
  const t = useT()
  const cols: Array<Array<{ id: string; title: string; status: string }>> = [
    task.dependsOn.map((l: TaskLink) => l.task), [{ id: task.id, title: task.title, status: task.status }], task.dependents.map((l) => l.task),
  ]
  const rows = Math.max(1, ...cols.map((c) => c.length))
  const height = rows * (H + GAP_Y) + GAP_Y
  const width = 3 * W + 2 * GAP_X + 2
  const pos = new Map<string, { x: number; y: number }>()
  cols.forEach((col, ci) => col.forEach((n, ri) => {
    const offset = ((rows - col.length) * (H + GAP_Y)) / 2
    pos.set(`${ci}:${n.id}`, { x: 1 + ci * (W + GAP_X), y: GAP_Y + offset + ri * (H + GAP_Y) })
  }))
  const center = pos.get(`1:${task.id}`)!
  const edges = [
    ...cols[0]!.map((n) => ({ from: pos.get(`0:${n.id}`)!, to: center, hot: critical.has(n.id) && critical.has(task.id) })),
    ...cols[2]!.map((n) => ({ from: center, to: pos.get(`2:${n.id}`)!, hot: critical.has(n.id) && critical.has(task.id) })),
  ]
  if (!task.dependsOn.length && !task.dependents.length) return <p className="muted small">{t('none')}</p>
  return (
    <svg className="dep-graph" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img"
      aria-label={`${t('dependencies')}: ${task.dependsOn.map((l) => l.task.title).join(', ') || t('none')} → ${task.title} → ${task.dependents.map((l) => l.task.title).join(', ') || t('none')}`}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor" /></marker>
      </defs>
      {edges.map((e, i) => {
        const x1 = e.from.x + W, y1 = e.from.y + H / 2, x2 = e.to.x, y2 = e.to.y + H / 2
        return <path key={i} className={`edge${e.hot ? ' critical' : ''}`} d={`M${x1},${y1} C${x1 + GAP_X / 2},${y1} ${x2 - GAP_X / 2},${y2} ${x2 - 2},${y2}`} markerEnd="url(#arrow)" />
      })}
      {cols.flatMap((col, ci) => col.map((n) => {
        const p = pos.get(`${ci}:${n.id}`)!
        const label = n.title.length > 24 ? `${n.title.slice(0, 23)}…` : n.title
        return (
          <g key={`${ci}:${n.id}`} className={`node status-${n.status}${critical.has(n.id) ? ' critical' : ''}${ci === 1 ? ' self' : ''}`}
            transform={`translate(${p.x},${p.y})`} tabIndex={ci === 1 ? -1 : 0} role="link" aria-label={n.title}
            onClick={() => ci !== 1 && navigate(`/tasks/${n.id}`)} onKeyDown={(e) => { if (e.key === 'Enter' && ci !== 1) navigate(`/tasks/${n.id}`) }}>
            <rect width={W} height={H} rx="8" />
            <text x="10" y={H / 2 + 4}>{label}</text>
            <title>{`${n.title} (${t(n.status as 'pending')})`}</title>
          </g>
        )
      }))}
    </svg>
  )
}
