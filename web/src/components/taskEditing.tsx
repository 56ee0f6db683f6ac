/**
 * The editable parts of a task page: title, description, dependencies (add with a type, remove)
 * and comments. Each change goes through the REST API (so the one action layer), and the server's
 * refusal — a cycle, a permission — is shown as it is.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { api, ApiError } from '../api/client'
import type { Message, Page, Task, TaskDetail, TaskLink } from '../api/types'
import { setState, toast, useStore } from '../state/store'
import { formatDate, useT } from '../i18n'
import { A, Avatar } from './ui'

const message = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e))

/** The page heading: the title with its status, or a form to rename the task. */
export function TaskHeading({ task, onSave, status }: { task: Task; onSave: (body: Partial<Task>) => Promise<void>; status: ReactNode }) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState(task.title)
  if (!editing) {
    return (
      <div className="task-heading">
        <h1 id="page-title">{task.title} {status}</h1>
        <button className="link small" onClick={() => { setTitle(task.title); setEditing(true) }}>{t('rename')}</button>
      </div>
    )
  }
  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (title.trim() && title.trim() !== task.title) await onSave({ title: title.trim() })
    setEditing(false)
  }
  return (
    <form className="inline-edit task-heading" onSubmit={(e) => void save(e)} aria-labelledby="page-title">
      <span id="page-title" className="sr-only">{task.title}</span>
      <input aria-label={t('taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} autoFocus required
        onKeyDown={(e) => { if (e.key === 'Escape') setEditing(false) }} />
      <button className="btn primary small" type="submit">{t('save')}</button>
      <button className="btn ghost small" type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
    </form>
  )
}

export function DescriptionEditor({ task, onSave }: { task: Task; onSave: (body: Partial<Task>) => Promise<void> }) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(task.description ?? '')
  const save = async (e: FormEvent) => {
    e.preventDefault()
    await onSave({ description: text.trim() || null })
    setEditing(false)
  }
  return (
    <section aria-labelledby="desc-h">
      <h2 id="desc-h">{t('description')}</h2>
      {editing ? (
        <form className="edit-form" onSubmit={(e) => void save(e)}>
          <textarea aria-label={t('description')} value={text} onChange={(e) => setText(e.target.value)} rows={4} maxLength={10_000} autoFocus />
          <div className="cmd-actions">
            <button className="btn primary small" type="submit">{t('save')}</button>
            <button className="btn ghost small" type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          {task.description ? <p className="pre">{task.description}</p> : null}
          <button className="link small" onClick={() => { setText(task.description ?? ''); setEditing(true) }}>
            {task.description ? t('editDescription') : t('addDescription')}</button>
        </>
      )}
    </section>
  )
}

const TYPES = ['blocks', 'requires', 'follows', 'parallel'] as const

/** What this task waits for and what waits for it; add a dependency with its type, or remove one. */
export function DependencyEditor({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const t = useT()
  const known = useStore((s) => s.tasks)
  const [nearby, setNearby] = useState<Task[]>([])
  // Candidates: the tasks of this task's channel (where dependencies usually are) and those loaded already.
  useEffect(() => {
    let alive = true
    void api.get<Page<Task>>(`/tasks?${task.channelId ? `channelId=${task.channelId}&` : ''}limit=100`)
      .then((page) => { if (alive) setNearby(page.items) }).catch(() => undefined)
    return () => { alive = false }
  }, [task.channelId])
  const tasks: Record<string, Task> = { ...Object.fromEntries(nearby.map((x) => [x.id, x])), ...known }
  const [target, setTarget] = useState('')
  const [type, setType] = useState<typeof TYPES[number]>('blocks')
  const [error, setError] = useState<string | null>(null)
  const linked = new Set([task.id, ...task.dependsOn.map((l) => l.task.id)])
  const options = Object.values(tasks).filter((x) => !linked.has(x.id) && x.parentTaskId !== task.id).sort((a, b) => a.title.localeCompare(b.title))

  const add = async (e: FormEvent) => {
    e.preventDefault()
    if (!target) return
    setError(null)
    try {
      await api.post(`/tasks/${task.id}/dependencies`, { dependsOnTaskId: target, dependencyType: type })
      setTarget('')
      onChanged()
    } catch (err) { setError(message(err)) }
  }
  const remove = async (owner: string, link: TaskLink) => {
    try { await api.del(`/tasks/${owner}/dependencies/${link.dependencyId}`); onChanged() } catch (err) { toast(message(err), { tone: 'error' }) }
  }
  const row = (owner: string, link: TaskLink) => (
    <li key={link.dependencyId} className="dep-row">
      <A href={`/tasks/${link.task.id}`}>{link.task.title}</A> <span className="pill">{t(`dep_${link.dependencyType}` as 'dep_blocks')}</span>
      <button className="icon-btn" aria-label={`${t('removeDependency')}: ${link.task.title}`} onClick={() => void remove(owner, link)}>×</button>
    </li>
  )
  return (
    <div className="deps-edit">
      {task.dependsOn.length > 0 && <><h3 className="small muted">{t('dependsOn')}</h3><ul className="dep-list">{task.dependsOn.map((l) => row(task.id, l))}</ul></>}
      {task.dependents.length > 0 && <><h3 className="small muted">{t('blocks')}</h3><ul className="dep-list">{task.dependents.map((l) => row(l.task.id, l))}</ul></>}
      <form className="dep-form" onSubmit={(e) => void add(e)} aria-label={t('addDependency')}>
        <span className="muted small">{t('waitsFor')}</span>
        <select aria-label={t('dependsOn')} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('pickTask')}</option>
          {options.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
        <select aria-label={t('dependencyType')} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {TYPES.map((x) => <option key={x} value={x}>{t(`dep_${x}` as 'dep_blocks')}</option>)}
        </select>
        <button className="btn small" type="submit" disabled={!target}>{t('addDependency')}</button>
      </form>
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  )
}

/** Comments on a task, live: loaded once into the store (keyed by the task), then kept by events. */
export function TaskComments({ taskId }: { taskId: string }) {
  const t = useT()
  const comments = useStore((s) => s.messages[taskId])
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    void api.get<Page<Message>>(`/tasks/${taskId}/messages?limit=100`).then((page) => {
      if (alive) setState((s) => ({ messages: { ...s.messages, [taskId]: [...page.items].reverse() } }))
    }).catch((e) => { if (alive) setError(message(e)) })
    return () => { alive = false; setState((s) => { const { [taskId]: _gone, ...rest } = s.messages; return { messages: rest } }) }
  }, [taskId])

  const send = async (e: FormEvent) => {
    e.preventDefault()
    if (!draft.trim()) return
    setError(null)
    try {
      const posted = await api.post<Message>(`/tasks/${taskId}/messages`, { content: draft.trim() })
      setState((s) => {
        const list = s.messages[taskId] ?? []
        return list.some((m) => m.id === posted.id) ? {} : { messages: { ...s.messages, [taskId]: [...list, posted] } }
      })
      setDraft('')
    } catch (err) { setError(message(err)) }
  }
  return (
    <section aria-labelledby="comments-h">
      <h2 id="comments-h">{t('comments')}</h2>
      <ul className="comments">
        {(comments ?? []).filter((m) => !m.deletedAt).map((m) => (
          <li key={m.id} className="comment"><Avatar userId={m.userId ?? ''} size={20} /> <span className="pre">{m.content}</span>{' '}
            <time className="muted small">{formatDate(m.createdAt, t.locale, true)}</time></li>
        ))}
      </ul>
      <form className="comment-form" onSubmit={(e) => void send(e)}>
        <textarea aria-label={t('comment')} placeholder={t('commentPlaceholder')} value={draft} rows={2} maxLength={10_000}
          onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e) }} />
        <button className="btn primary small" type="submit" disabled={!draft.trim()}>{t('send')}</button>
      </form>
      {error && <p className="error-text" role="alert">{error}</p>}
    </section>
  )
}
