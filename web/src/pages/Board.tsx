import { memo, useCallback, useEffect, useMemo, useState, type DragEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { Task, TaskStatus } from '../api/types'
import { loadTasks } from '../state/data'
import { setState, useStore } from '../state/store'
import { useAsync } from '../state/useAsync'
import { formatDate, useT } from '../i18n'
import { A, Avatar, ErrorBox, PriorityPill, Spinner } from '../components/ui'

const COLUMNS: TaskStatus[] = ['pending', 'in_progress', 'review', 'completed']

/** Changes a task's status; a refusal (an open blocker) restores it and shows the server's message. */
export async function moveTask(task: Task, status: TaskStatus): Promise<string | null> {
  if (task.status === status) return null
  setState((s) => ({ tasks: { ...s.tasks, [task.id]: { ...task, status } } }))
  try {
    const updated = await api.patch<Task>(`/tasks/${task.id}`, { status })
    setState((s) => ({ tasks: { ...s.tasks, [task.id]: updated } }))
    return null
  } catch (e) {
    setState((s) => ({ tasks: { ...s.tasks, [task.id]: { ...s.tasks[task.id]!, status: task.status } } }))
    return e instanceof ApiError ? e.message : String(e)
  }
}

export function Board() {
  const t = useT()
  const tasks = useStore((s) => s.tasks)
  const channels = useStore((s) => s.channels)
  const [channelId, setChannelId] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const [over, setOver] = useState<TaskStatus | null>(null)
  const { loading, error, retry, data } = useAsync(() => loadTasks({ sort: 'due', ...(channelId ? { channelId } : {}) }, 2000), [channelId])

  const columns = useMemo(() => {
    const out = Object.fromEntries(COLUMNS.map((c) => [c, [] as Task[]])) as Record<TaskStatus, Task[]>
    for (const task of Object.values(tasks)) {
      if (channelId && task.channelId !== channelId) continue
      out[task.status]?.push(task)
    }
    for (const c of COLUMNS) out[c].sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9') || a.title.localeCompare(b.title))
    return out
  }, [tasks, channelId])

  useEffect(() => {
    if (data && !loading) requestAnimationFrame(() => { performance.mark('board-ready'); document.body.dataset.boardReady = '1' })
  }, [data, loading])

  const onMove = useCallback(async (task: Task, status: TaskStatus) => setRefusal(await moveTask(task, status)), [])
  const onDrop = (status: TaskStatus) => async (e: DragEvent) => {
    e.preventDefault()
    setOver(null)
    const id = e.dataTransfer.getData('text/plain')
    const task = tasks[id]
    if (task) setRefusal(await moveTask(task, status))
  }

  return (
    <section className="page board-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{t('board')}</h1>
        <select aria-label={t('channels')} value={channelId} onChange={(e) => setChannelId(e.target.value)}>
          <option value="">{t('filterAll')}</option>
          {Object.values(channels).sort((a, b) => a.name.localeCompare(b.name)).map((c) => <option key={c.id} value={c.id}>#{c.name}</option>)}
        </select>
      </div>
      {refusal && <div className="error-box" role="alert" data-testid="board-refusal">{refusal}<button className="icon-btn" aria-label={t('close')} onClick={() => setRefusal(null)}>×</button></div>}
      {error ? <ErrorBox error={error} onRetry={retry} /> : null}
      {loading && !Object.keys(tasks).length ? <Spinner /> : (
        <div className="board">
          {COLUMNS.map((status) => (
            <section key={status} className={`column${over === status ? ' over' : ''}`} aria-label={t(status)} data-status={status}
              onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; if (over !== status) setOver(status) }}
              onDragLeave={() => setOver(null)} onDrop={(e) => void onDrop(status)(e)}>
              <h2 className="column-title">{t(status)} <span className="count">{columns[status].length}</span></h2>
              <ul className="cards">
                {columns[status].map((task) => <Card key={task.id} task={task} onMove={onMove} />)}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  )
}

const Card = memo(function Card({ task, onMove }: { task: Task; onMove: (task: Task, s: TaskStatus) => void }) {
  const t = useT()
  return (
    <li className={`card task-card${task.overdue ? ' overdue' : ''}`} draggable data-task-id={task.id}
      onDragStart={(e) => { e.dataTransfer.setData('text/plain', task.id); e.dataTransfer.effectAllowed = 'move' }}>
      <A href={`/tasks/${task.id}`} className="task-title">{task.title}</A>
      <div className="card-meta">
        <PriorityPill priority={task.priority} />
        {task.dueDate && <time className={`small ${task.overdue ? 'danger' : 'muted'}`} dateTime={task.dueDate}>{formatDate(task.dueDate, t.locale)}</time>}
        <span className="avatars">{task.assigneeIds.slice(0, 3).map((id) => <Avatar key={id} userId={id} size={18} />)}</span>
        <select className="move" aria-label={`${t('moveTo')}… (${task.title})`} value={task.status} onChange={(e) => onMove(task, e.target.value as TaskStatus)}>
          {[...COLUMNS, 'cancelled' as const].map((s) => <option key={s} value={s}>{t(s)}</option>)}
        </select>
      </div>
    </li>
  )
})
