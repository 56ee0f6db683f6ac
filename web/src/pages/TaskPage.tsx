import { useState } from 'react'
import { api, ApiError } from '../api/client'
import type { CriticalPath, Task, TaskDetail, TaskStatus } from '../api/types'
import { PRIORITIES, STATUSES } from '../api/types'
import { setState, toast, useStore } from '../state/store'
import { useAsync } from '../state/useAsync'
import { formatDate, useT } from '../i18n'
import { A, Avatar, ErrorBox, Spinner, StatusPill } from '../components/ui'
import { NewTaskForm, TaskRow } from '../components/tasks'
import { DependencyGraph } from '../components/DependencyGraph'
import { Files } from '../components/Files'
import { DependencyEditor, DescriptionEditor, TaskComments, TaskHeading } from '../components/taskEditing'
import { moveTask } from './Board'

export function TaskPage({ taskId }: { taskId: string }) {
  const t = useT()
  const live = useStore((s) => s.tasks[taskId])
  const users = useStore((s) => s.users)
  const channel = useStore((s) => (live?.channelId ? s.channels[live.channelId] : undefined))
  const [refusal, setRefusal] = useState<string | null>(null)
  const version = live?.version
  const { data, error, loading, retry } = useAsync(async () => {
    const detail = await api.get<TaskDetail>(`/tasks/${taskId}`)
    setState((s) => ({ tasks: { ...s.tasks, [detail.id]: { ...s.tasks[detail.id], ...stripDetail(detail) } } }))
    const path = detail.channelId ? await api.get<CriticalPath>(`/channels/${detail.channelId}/critical-path`).catch(() => null) : null
    return { detail, critical: new Set(path && path.length > 1 ? path.tasks.map((x) => x.id) : []) }
  }, [taskId, version])

  if (error && !data) return <section className="page"><ErrorBox error={error} onRetry={retry} /></section>
  if (!data) return <section className="page">{loading ? <Spinner /> : null}</section>
  const task: TaskDetail = { ...data.detail, ...(live ?? {}) }

  const patch = async (body: Partial<Task>) => {
    try {
      const updated = await api.patch<Task>(`/tasks/${task.id}`, body)
      setState((s) => ({ tasks: { ...s.tasks, [updated.id]: updated } }))
      setRefusal(null)
    } catch (e) { const m = e instanceof ApiError ? e.message : String(e); setRefusal(m); toast(m, { tone: 'error' }) }
  }
  const toggleAssignee = async (userId: string, on: boolean) => {
    try {
      const updated = on ? await api.post<Task>(`/tasks/${task.id}/assignees`, { userIds: [userId] }) : await api.del<Task>(`/tasks/${task.id}/assignees`, { userIds: [userId] })
      setState((s) => ({ tasks: { ...s.tasks, [updated.id]: updated } }))
    } catch (e) { toast((e as Error).message, { tone: 'error' }) }
  }

  return (
    <article className="page task-page" aria-labelledby="page-title">
      <nav className="crumbs" aria-label="breadcrumb">
        {channel ? <A href={`/channels/${channel.id}`}>#{channel.name}</A> : <A href="/">{t('myTasks')}</A>}
        {task.parentTaskId && <> / <A href={`/tasks/${task.parentTaskId}`}>↑</A></>}
      </nav>
      <TaskHeading key={task.id} task={task} onSave={patch} status={<StatusPill status={task.status} />} />
      {refusal && <div className="error-box" role="alert">{refusal}</div>}
      {task.blocked && task.blockedBy.length > 0 && (
        <p className="warn">{t('blockedBy')}: {task.blockedBy.map((b, i) => <span key={b.id}>{i ? ', ' : ''}<A href={`/tasks/${b.id}`}>{b.title}</A></span>)}</p>
      )}
      <div className="fields">
        <label>{t('status')}
          <select value={task.status} onChange={async (e) => setRefusal(await moveTask(task, e.target.value as TaskStatus))}>
            {STATUSES.map((s) => <option key={s} value={s}>{t(s)}</option>)}
          </select>
        </label>
        <label>{t('priority')}
          <select value={task.priority} onChange={(e) => void patch({ priority: e.target.value as Task['priority'] })}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(p)}</option>)}
          </select>
        </label>
        <label>{t('due')}
          <input type="date" value={task.dueDate ? toLocalDate(task.dueDate) : ''}
            onChange={(e) => void patch({ dueDate: e.target.value ? new Date(`${e.target.value}T17:00:00`).toISOString() : null })} />
        </label>
      </div>
      <DescriptionEditor key={`d-${task.id}`} task={task} onSave={patch} />
      <section aria-labelledby="assignees-h">
        <h2 id="assignees-h">{t('assignees')}</h2>
        <div className="assignees">
          {task.assigneeIds.length === 0 && <span className="muted">{t('unassigned')}</span>}
          {task.assigneeIds.map((id) => (
            <span key={id} className="chip"><Avatar userId={id} size={20} /> {users[id]?.name ?? id.slice(0, 8)}
              <button className="icon-btn" aria-label={`${t('delete')} ${users[id]?.name ?? ''}`} onClick={() => void toggleAssignee(id, false)}>×</button></span>
          ))}
          <select aria-label={`${t('assignees')} +`} value="" onChange={(e) => e.target.value && void toggleAssignee(e.target.value, true)}>
            <option value="">+</option>
            {Object.values(users).filter((u) => !task.assigneeIds.includes(u.id) && u.active !== false).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
      </section>
      <section aria-labelledby="subtasks-h">
        <h2 id="subtasks-h">{t('subtasks')} {task.progress.percent !== null && <span className="muted small">({task.progress.completed}/{task.progress.total})</span>}</h2>
        {task.progress.percent !== null && <progress max={100} value={task.progress.percent} aria-label={t('progress')} />}
        {task.subtasks.length ? <ul className="task-list">{task.subtasks.map((s) => <TaskRow key={s.id} task={s} />)}</ul> : null}
        <NewTaskForm channelId={task.channelId} parentTaskId={task.id} onCreated={() => retry()} />
      </section>
      <section aria-labelledby="deps-h">
        <h2 id="deps-h">{t('dependencies')} {data.critical.size > 0 && <span className="legend"><span className="legend-swatch" aria-hidden="true" /> {t('criticalPath')}</span>}</h2>
        <DependencyGraph task={task} critical={data.critical} />
        <DependencyEditor task={task} onChanged={retry} />
      </section>
      <Files taskId={task.id} />
      <TaskComments taskId={task.id} />
      <section aria-labelledby="activity-h">
        <h2 id="activity-h">{t('activity')}</h2>
        <ul className="activity">
          {task.completedAt && <li>✓ {t('completed')} <time className="muted small">{formatDate(task.completedAt, t.locale, true)}</time></li>}
          <li className="muted">{t('updated')}: <time className="small">{formatDate(task.updatedAt, t.locale, true)}</time></li>
          <li className="muted">{t('createdBy')}: {task.createdBy ? users[task.createdBy]?.name : ''} <time className="small">{formatDate(task.createdAt, t.locale, true)}</time></li>
        </ul>
      </section>
    </article>
  )
}

function stripDetail(d: TaskDetail): Task {
  const { dependsOn: _a, dependents: _b, subtasks: _c, progress: _d, blocked: _e, blockedBy: _f, ...task } = d
  return task
}
const toLocalDate = (iso: string) => { const d = new Date(iso); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` }
