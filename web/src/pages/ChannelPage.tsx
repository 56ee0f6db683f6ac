import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { api, ApiError } from '../api/client'
import type { Channel, Message, Page, Resource, User } from '../api/types'
import { uploadNewFile } from '../api/files'
import { live } from '../api/socket'
import { loadTasks } from '../state/data'
import { keepChannelRead } from '../state/readMarks'
import { getState, keepResources, setState, toast, useStore } from '../state/store'
import { useAsync } from '../state/useAsync'
import { formatDate, useT } from '../i18n'
import { Avatar, Empty, ErrorBox, Spinner } from '../components/ui'
import { NewTaskForm, TaskRow } from '../components/tasks'
import { FileRow, Files } from '../components/Files'

export function ChannelPage({ channelId }: { channelId: string }) {
  const t = useT()
  const channel = useStore((s) => s.channels[channelId])
  const viewers = useStore((s) => Object.entries(s.presence).filter(([id, p]) => p.viewing === channelId && p.status !== 'offline' && id !== s.me?.id).map(([id]) => id).join(','))
  const [tab, setTab] = useState<'messages' | 'tasks'>('messages')

  useEffect(() => {
    live.viewing(channelId)
    setState((s) => ({ unread: { ...s.unread, [channelId]: 0 } }))
    const stopReading = keepChannelRead(channelId)
    return () => { stopReading(); live.viewing(null) }
  }, [channelId])

  const info = useAsync(async () => {
    const c = await api.get<Channel>(`/channels/${channelId}`)
    setState((s) => ({ channels: { ...s.channels, [c.id]: { ...s.channels[c.id], ...c } } }))
    return c
  }, [channelId])

  if (!channel && info.error) return <section className="page"><ErrorBox error={info.error} onRetry={info.retry} /></section>
  if (!channel) return <section className="page"><Spinner /></section>
  return (
    <section className="page channel-page" aria-labelledby="page-title">
      <header className="page-head">
        <div>
          <h1 id="page-title"># {channel.name}</h1>
          {channel.description && <p className="muted">{channel.description}</p>}
        </div>
        <div className="viewers" aria-label={t('viewing')}>
          {viewers && viewers.split(',').map((id) => <Avatar key={id} userId={id} size={26} />)}
        </div>
      </header>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'messages'} onClick={() => setTab('messages')}>{t('messages')}</button>
        <button role="tab" aria-selected={tab === 'tasks'} onClick={() => setTab('tasks')}>{t('tasks')}</button>
      </div>
      <div className={`channel-cols show-${tab}`}>
        <Messages channelId={channelId} />
        <ChannelTasks channelId={channelId} />
      </div>
    </section>
  )
}

function ChannelTasks({ channelId }: { channelId: string }) {
  const t = useT()
  const tasks = useStore((s) => s.tasks)
  const { loading, error, retry } = useAsync(() => loadTasks({ channelId, sort: 'due' }, 500), [channelId])
  const list = useMemo(() => Object.values(tasks).filter((x) => x.channelId === channelId && !x.parentTaskId)
    .sort((a, b) => (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9')), [tasks, channelId])
  return (
    <section className="channel-tasks" aria-labelledby="tasks-h">
      <h2 id="tasks-h">{t('tasks')}</h2>
      <NewTaskForm channelId={channelId} />
      {error ? <ErrorBox error={error} onRetry={retry} /> : null}
      {loading && !list.length ? <Spinner /> : list.length ? <ul className="task-list">{list.map((x) => <TaskRow key={x.id} task={x} />)}</ul> : <Empty>{t('noTasks')}</Empty>}
      <Files channelId={channelId} />
    </section>
  )
}

function Messages({ channelId }: { channelId: string }) {
  const t = useT()
  const messages = useStore((s) => s.messages[channelId])
  const listRef = useRef<HTMLOListElement>(null)
  const [thread, setThread] = useState<string | null>(null)
  const { error, retry } = useAsync(async () => {
    const page = await api.get<Page<Message>>(`/channels/${channelId}/messages?limit=100`)
    const sorted = [...page.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    setState((s) => ({ messages: { ...s.messages, [channelId]: sorted } }))
  }, [channelId])
  const top = (messages ?? []).filter((m) => !m.replyTo)
  const replies = useMemo(() => {
    const map = new Map<string, Message[]>()
    for (const m of messages ?? []) if (m.replyTo) map.set(m.replyTo, [...(map.get(m.replyTo) ?? []), m])
    return map
  }, [messages])
  useEffect(() => { listRef.current?.scrollTo({ top: listRef.current.scrollHeight }) }, [top.length])

  return (
    <section className="messages" aria-labelledby="messages-h">
      <h2 id="messages-h" className="visually-hidden">{t('messages')}</h2>
      {error ? <ErrorBox error={error} onRetry={retry} /> : null}
      {!messages && !error ? <Spinner /> : top.length === 0 ? <Empty>{t('noMessages')}</Empty> : (
        <ol className="message-list" ref={listRef} aria-live="polite">
          {top.map((m) => (
            <li key={m.id}>
              <MessageItem message={m} />
              <div className="thread-bar">
                <button className="link small" aria-expanded={thread === m.id} onClick={() => setThread(thread === m.id ? null : m.id)}>
                  {replies.get(m.id)?.length ? `${replies.get(m.id)!.length} ${t('replies')}` : t('reply')}
                </button>
              </div>
              {thread === m.id && (
                <div className="thread">
                  <ol>{(replies.get(m.id) ?? []).map((r) => <li key={r.id}><MessageItem message={r} /></li>)}</ol>
                  <Composer channelId={channelId} replyTo={m.id} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <Composer channelId={channelId} />
    </section>
  )
}

/** Message text with @mentions of known people highlighted. */
function renderContent(content: string, users: Record<string, User>, meId?: string): ReactNode[] {
  const names = Object.values(users).flatMap((u) => [u.name, u.name.split(' ')[0]!].map((n) => ({ n, id: u.id })))
  return content.split(/(@[\p{L}][\p{L}.'-]*(?: [\p{L}][\p{L}'-]*)?)/u).map((part, i) => {
    if (!part.startsWith('@')) return part
    const hit = names.find(({ n }) => part.slice(1).toLowerCase().startsWith(n.toLowerCase()))
    if (!hit) return part
    const mention = `@${part.slice(1, 1 + hit.n.length)}`
    return <span key={i}><span className={`mention${hit.id === meId ? ' me' : ''}`}>{mention}</span>{part.slice(mention.length)}</span>
  })
}

function MessageItem({ message }: { message: Message }) {
  const t = useT()
  const users = useStore((s) => s.users)
  const me = useStore((s) => s.me)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(message.content)
  const author = message.userId ? users[message.userId] : undefined
  const own = me && message.userId === me.id
  const save = async (e: FormEvent) => {
    e.preventDefault()
    try {
      const m = await api.patch<Message>(`/messages/${message.id}`, { content: draft })
      upsert(m); setEditing(false)
    } catch (err) { toast(err instanceof ApiError ? err.message : String(err), { tone: 'error' }) }
  }
  const remove = async () => {
    if (!confirm(t('deleteConfirm'))) return
    try {
      await api.del(`/messages/${message.id}`)
      const cid = message.channelId!
      setState((s) => ({ messages: { ...s.messages, [cid]: (s.messages[cid] ?? []).filter((x) => x.id !== message.id) } }))
    } catch (err) { toast((err as Error).message, { tone: 'error' }) }
  }
  const mentionsMe = Boolean(me && (message.mentions?.includes(me.id)))
  return (
    <article className={`message${mentionsMe ? ' mentions-me' : ''}`} aria-label={author?.name}>
      {message.userId ? <Avatar userId={message.userId} size={30} /> : <span className="avatar sys" aria-hidden="true">B</span>}
      <div className="message-body">
        <header><strong>{author?.name ?? 'Baton'}</strong> <time className="muted small" dateTime={message.createdAt}>{formatDate(message.createdAt, t.locale, true)}</time>
          {message.editedAt && <span className="muted small"> ({t('edited')})</span>}</header>
        {editing ? (
          <form onSubmit={(e) => void save(e)} className="edit-form">
            <textarea aria-label={t('edit')} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
            <button className="btn primary small" type="submit">{t('save')}</button>
            <button className="btn ghost small" type="button" onClick={() => setEditing(false)}>{t('cancel')}</button>
          </form>
        ) : <p className="pre">{renderContent(message.content, users, me?.id)}</p>}
        {message.messageType === 'file' && typeof message.metadata?.resourceId === 'string' && <AttachedFile resourceId={message.metadata.resourceId} />}
        {own && !editing && (
          <div className="message-actions">
            <button className="link small" onClick={() => { setDraft(message.content); setEditing(true) }}>{t('edit')}</button>
            <button className="link small danger" onClick={() => void remove()}>{t('delete')}</button>
          </div>
        )}
      </div>
    </article>
  )
}

function upsert(m: Message) {
  if (!m.channelId) return
  const cid = m.channelId
  const list = getState().messages[cid] ?? []
  setState((s) => ({ messages: { ...s.messages, [cid]: list.some((x) => x.id === m.id) ? list.map((x) => (x.id === m.id ? m : x)) : [...list, m] } }))
}

function Composer({ channelId, replyTo }: { channelId: string; replyTo?: string }) {
  const t = useT()
  const users = useStore((s) => s.users)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const query = /(?:^|\s)@([\p{L}]*)$/u.exec(text)?.[1]
  const suggestions = query !== undefined ? Object.values(users).filter((u) => u.name.toLowerCase().startsWith(query.toLowerCase()) || u.email.startsWith(query.toLowerCase())).slice(0, 5) : []
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return
    setBusy(true)
    try {
      const m = await api.post<Message>(`/channels/${channelId}/messages`, { content: text.trim(), ...(replyTo ? { replyTo } : {}) })
      upsert(m); setText('')
    } catch (err) { toast(err instanceof ApiError ? err.message : String(err), { tone: 'error' }) } finally { setBusy(false) }
  }
  const picker = useRef<HTMLInputElement>(null)
  /** A file in the conversation: stored with the channel's files, then posted as a file message (with what was typed as its caption). */
  const attach = async (file: File) => {
    setBusy(true)
    try {
      const resource = await uploadNewFile({ channelId }, file, () => undefined)
      keepResources([resource])
      const m = await api.post<Message>(`/channels/${channelId}/messages`, {
        content: text.trim() || `📎 ${file.name}`, messageType: 'file', metadata: { resourceId: resource.id }, ...(replyTo ? { replyTo } : {}),
      })
      upsert(m); setText('')
    } catch (err) { toast(err instanceof ApiError ? err.message : String(err), { tone: 'error' }) } finally { setBusy(false) }
  }
  return (
    <form className="composer" onSubmit={(e) => void submit(e)}>
      <input aria-label={replyTo ? t('reply') : t('messagePlaceholder')} placeholder={t('messagePlaceholder')} value={text} onChange={(e) => setText(e.target.value)} maxLength={10000} />
      <button type="button" className="icon-btn attach" aria-label={t('attachFile')} title={t('attachFile')} disabled={busy} onClick={() => picker.current?.click()}>📎</button>
      <input ref={picker} type="file" hidden aria-label={t('attachFile')} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void attach(f) }} />
      <button className="btn primary" type="submit" disabled={busy || !text.trim()}>{replyTo ? t('reply') : t('send')}</button>
      {suggestions.length > 0 && (
        <ul className="suggest" role="listbox" aria-label="mentions">
          {suggestions.map((u) => (
            <li key={u.id} role="option" aria-selected="false">
              <button type="button" onClick={() => setText(text.replace(/@[\p{L}]*$/u, `@${u.name.split(' ')[0]} `))}>{u.name}</button>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}

/** The file a message carries, live (its processing shows here too); nothing if I cannot see it. */
function AttachedFile({ resourceId }: { resourceId: string }) {
  const resource = useStore((s) => s.resources[resourceId])
  useEffect(() => {
    if (resource) return
    void api.get<Resource>(`/resources/${resourceId}`)
      .then((r) => setState((s) => ({ resources: { ...s.resources, [r.id]: { ...r, ...s.resources[r.id] } } })))
      .catch(() => undefined)
  }, [resourceId, resource])
  if (!resource) return null
  return <ul className="file-list attached"><FileRow resource={resource} onUpload={() => undefined} /></ul>
}
