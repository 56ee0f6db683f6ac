/** A command's plan as steps with live progress, links to what it made, and query answers. */
import { useRef, useState } from 'react'
import type { Command, PlanAction } from '../api/types'
import { uploadContent } from '../api/files'
import { getState, keepResources, useStore } from '../state/store'
import { useT, type T } from '../i18n'
import { navigate } from '../router'

const hrefOf = (type: string, id: string) => (type === 'task' ? `/tasks/${id}` : type === 'channel' ? `/channels/${id}` : null)
const name = (v: unknown): string => {
  if (v == null) return ''
  if (Array.isArray(v)) return v.map(name).join(', ')
  if (typeof v === 'object') { const o = v as Record<string, unknown>; return String(o.name ?? o.title ?? (o.ref ? `↳${o.ref}` : o.id ?? '')) }
  return String(v)
}

function describe(a: PlanAction, t: T) {
  const locale = t.locale
  const p = a.params
  const parts: string[] = []
  for (const key of ['name', 'title', 'content', 'users', 'channel', 'task', 'dependsOn', 'resource', 'status', 'priority', 'category', 'relatedChannel', 'message', 'entity']) {
    if (p[key] !== undefined && p[key] !== null && p[key] !== '') parts.push(`${key === 'name' || key === 'title' ? '' : `${key}: `}${name(p[key])}`)
  }
  for (const key of ['dueDate', 'at']) if (typeof p[key] === 'string') parts.push(`${key === 'at' ? t('remindAt') : t('due')} ${new Date(p[key] as string).toLocaleString(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })}`)
  return parts.join(' · ')
}

export function CommandView({ command, running }: { command: Command; running: boolean }) {
  const t = useT()
  const live = useStore((s) => s.commands[command.id])
  const results = new Map(command.results.map((r) => [r.ref, r]))
  return (
    <div className="plan" data-status={command.status}>
      {command.summary && <p className="summary">{command.summary}</p>}
      <ol className="steps" aria-label={t('plan')}>
        {command.plan.actions.map((a) => {
          const r = results.get(a.ref)
          const step = live?.steps[a.ref]
          const state = r?.status ?? step?.status ?? (command.error?.ref === a.ref ? 'failed' : running ? 'running' : 'planned')
          const href = r?.entity ? hrefOf(r.entity.type, r.entity.id) : null
          const label = r?.entity ? entityName(r.entity.type, r.entity.id, a) : null
          return (
            <li key={a.ref} className={`step step-${state}`} data-ref={a.ref}>
              <span className="step-icon" aria-hidden="true">{state === 'done' ? '✓' : state === 'failed' ? '✕' : state === 'running' ? '…' : '•'}</span>
              <code className="step-type">{a.type}</code> <span className="step-desc">{describe(a, t)}</span>
              {href && <> → <a href={href} onClick={(e) => { e.preventDefault(); navigate(href) }}>{label}</a></>}
              {a.type === 'UPLOAD_FILE' && r?.entity?.type === 'resource' && <FileForUpload resourceId={r.entity.id} name={label ?? ''} />}
              {Array.isArray(r?.items) && <QueryItems items={r.items as Array<Record<string, unknown>>} />}
            </li>
          )
        })}
      </ol>
    </div>
  )
}

function entityName(type: string, id: string, a: PlanAction) {
  const s = getState()
  return (type === 'task' ? s.tasks[id]?.title : type === 'channel' ? s.channels[id]?.name : null) ?? name(a.params.title ?? a.params.name) ?? type
}

function QueryItems({ items }: { items: Array<Record<string, unknown>> }) {
  if (!items.length) return <p className="muted small">—</p>
  return (
    <ul className="query-items">
      {items.slice(0, 20).map((it, i) => {
        const id = String(it.id ?? i)
        const href = it.title ? `/tasks/${id}` : it.name && it.channelType !== undefined ? `/channels/${id}` : null
        const label = String(it.title ?? it.name ?? it.content ?? id)
        return <li key={id}>{href ? <a href={href} onClick={(e) => { e.preventDefault(); navigate(href) }}>{label}</a> : label}
          {typeof it.dueDate === 'string' && <span className="muted small"> · {new Date(it.dueDate).toLocaleDateString()}</span>}</li>
      })}
    </ul>
  )
}

/** "Upload the brand guidelines to this channel" made a place for a file: pick it right here. */
function FileForUpload({ resourceId, name }: { resourceId: string; name: string }) {
  const t = useT()
  const resource = useStore((s) => s.resources[resourceId])
  const picker = useRef<HTMLInputElement>(null)
  const [percent, setPercent] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (resource && resource.status !== 'pending_upload') return <span className="muted small"> · {t('fileUploaded')}</span>
  const send = async (file: File) => {
    setError(null); setPercent(0)
    try {
      keepResources([await uploadContent(resourceId, file, setPercent)])
    } catch (e) { setError((e as Error).message) } finally { setPercent(null) }
  }
  return (
    <span className="step-upload">
      {percent !== null ? <progress max={100} value={percent} aria-label={`${t('uploading')} ${name}`} />
        : <button className="btn small primary" onClick={() => picker.current?.click()}>{t('uploadTheFile')}</button>}
      <input ref={picker} type="file" hidden aria-label={`${t('uploadTheFile')}: ${name}`}
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void send(f) }} />
      {error && <span className="error-text small" role="alert"> {error}</span>}
    </span>
  )
}
