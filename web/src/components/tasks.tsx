import { useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { Task } from '../api/types'
import { PRIORITIES } from '../api/types'
import { setState, useStore } from '../state/store'
import { formatDate, useT } from '../i18n'
import { A, Avatar, PriorityPill, StatusPill } from './ui'

export function TaskRow({ task }: { task: Task }) {
  const t = useT()
  const channel = useStore((s) => (task.channelId ? s.channels[task.channelId] : undefined))
  return (
    <li className={`task-row${task.overdue ? ' overdue' : ''}`} data-task-id={task.id}>
      <A href={`/tasks/${task.id}`} className="task-title">{task.title}</A>
      <span className="task-meta">
        <StatusPill status={task.status} /> <PriorityPill priority={task.priority} />
        {channel && <span className="muted small">#{channel.name}</span>}
        {task.dueDate && <time className={`small ${task.overdue ? 'danger' : 'muted'}`} dateTime={task.dueDate}>{t('due')} {formatDate(task.dueDate, t.locale)}</time>}
        <span className="avatars">{task.assigneeIds.slice(0, 4).map((id) => <Avatar key={id} userId={id} size={20} />)}</span>
      </span>
    </li>
  )
}

/** A one-line task creator (title, optional due date and priority), in a channel or as a subtask. */
export function NewTaskForm({ channelId, parentTaskId, assignToMe, onCreated }: { channelId?: string | null; parentTaskId?: string; assignToMe?: boolean; onCreated?: (t: Task) => void }) {
  const t = useT()
  const me = useStore((s) => s.me)
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const [priority, setPriority] = useState('medium')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return
    setBusy(true); setError(null)
    try {
      const task = await api.post<Task>('/tasks', {
        title: title.trim(), priority,
        ...(channelId ? { channelId } : {}), ...(parentTaskId ? { parentTaskId } : {}),
        ...(due ? { dueDate: new Date(`${due}T17:00:00`).toISOString() } : {}),
        ...(assignToMe && me ? { assigneeIds: [me.id] } : {}),
      })
      setState((s) => ({ tasks: { ...s.tasks, [task.id]: task } }))
      setTitle(''); setDue('')
      onCreated?.(task)
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) } finally { setBusy(false) }
  }
  return (
    <form className="new-task" onSubmit={(e) => void submit(e)} aria-label={t('newTask')}>
      <input aria-label={t('title')} placeholder={`${t('newTask')}…`} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      <input type="date" aria-label={t('due')} value={due} onChange={(e) => setDue(e.target.value)} />
      <select aria-label={t('priority')} value={priority} onChange={(e) => setPriority(e.target.value)}>
        {PRIORITIES.map((p) => <option key={p} value={p}>{t(p)}</option>)}
      </select>
      <button className="btn primary" type="submit" disabled={busy || !title.trim()}>{t('create')}</button>
      {error && <p className="error-text" role="alert">{error}</p>}
    </form>
  )
}
