import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { Command, CommandResponse, PlanAction } from '../api/types'
import { getState, useStore } from '../state/store'
import { useT, type T } from '../i18n'
import { match, navigate } from '../router'
import { WavRecorder } from '../voice/wavRecorder'
import { Icon } from './ui'

type Phase = 'idle' | 'recording' | 'transcribing' | 'planning' | 'preview' | 'clarify' | 'executing' | 'done' | 'failed' | 'undone'

const openers = new Set<(text?: string) => void>()
/** Opens the command bar from anywhere (the top bar button, Ctrl/Cmd+K). */
export function openCommandBar(text?: string) { for (const o of openers) o(text) }

const sessionId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Date.now())
const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone

export function CommandBar({ path }: { path: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [answer, setAnswer] = useState('')
  const [phase, setPhase] = useState<Phase>('idle')
  const [command, setCommand] = useState<Command | null>(null)
  const [heard, setHeard] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [voiceNote, setVoiceNote] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const recorder = useRef<WavRecorder | null>(null)
  const channelId = match('/channels/:id', path)?.id

  const reset = () => { setPhase('idle'); setCommand(null); setError(null); setHeard(null); setAnswer('') }
  const show = useCallback((initial?: string) => {
    setOpen(true)
    if (initial !== undefined) setText(initial)
    setTimeout(() => inputRef.current?.focus(), 0)
  }, [])
  const close = useCallback(() => { setOpen(false); if (phase !== 'recording') reset() }, [phase])

  useEffect(() => { openers.add(show); return () => { openers.delete(show) } }, [show])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') { e.preventDefault(); if (open) close(); else show() }
      else if (e.key === 'Escape' && open) close()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, show, close])

  const accept = (res: CommandResponse) => {
    const c = res.command
    setCommand(c)
    if (res.transcript ?? c.transcript) setHeard((h) => (h !== null ? res.transcript ?? c.transcript : h))
    setPhase(c.status === 'needs_clarification' ? 'clarify' : c.status === 'failed' ? 'failed' : c.status === 'completed' ? 'done' : 'preview')
    if (c.status === 'failed') setError(c.error?.message ?? t('error'))
  }
  const fail = (e: unknown) => { setError(e instanceof ApiError || e instanceof Error ? e.message : String(e)); setPhase('failed') }

  const plan = async (sentence: string) => {
    if (!sentence.trim()) return
    setPhase('planning'); setError(null); setHeard(null)
    try { accept(await api.post<CommandResponse>('/commands', { text: sentence.trim(), dryRun: true, timezone, sessionId, ...(channelId ? { channelId } : {}) })) } catch (e) { fail(e) }
  }
  const execute = async () => {
    if (!command) return
    setPhase('executing')
    try { accept(await api.post<CommandResponse>(`/commands/${command.id}/execute`, {}, { 'idempotency-key': `exec-${command.id}` })) } catch (e) { fail(e) }
  }
  const undo = async () => {
    if (!command) return
    try { const res = await api.post<CommandResponse>(`/commands/${command.id}/undo`); setCommand(res.command); setPhase('undone') } catch (e) { setError((e as Error).message) }
  }

  const startTalking = async () => {
    if (phase === 'recording') return
    setVoiceNote(null); setError(null); setHeard(null)
    if (!WavRecorder.supported()) { setVoiceNote(t('micDenied')); return }
    const r = new WavRecorder()
    recorder.current = r
    setPhase('recording')
    try { await r.start() } catch { recorder.current = null; setPhase('idle'); setVoiceNote(t('micDenied')) }
  }
  const stopTalking = async () => {
    const r = recorder.current
    if (!r) return
    recorder.current = null
    const { blob } = await r.stop()
    setPhase('transcribing')
    const form = new FormData()
    form.set('dryRun', 'true'); form.set('timezone', timezone); form.set('sessionId', sessionId)
    if (channelId) form.set('channelId', channelId)
    form.set('audio', blob, 'speech.wav')
    try {
      const res = await api.post<CommandResponse>('/commands/voice', form)
      setHeard(res.transcript ?? res.command.transcript)
      setText(res.transcript ?? res.command.transcript)
      accept(res)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VOICE_UNAVAILABLE') { setVoiceNote(`${t('voiceUnavailable')} ${e.message}`); setPhase('idle') } else fail(e)
    }
  }

  const submit = (e: FormEvent) => { e.preventDefault(); void plan(text) }
  const busy = phase === 'planning' || phase === 'executing' || phase === 'transcribing'

  if (!open) return null
  return (
    <div className="cmd-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close() }}>
      <div className="cmd" role="dialog" aria-modal="true" aria-label={t('command')}>
        <form className="cmd-row" onSubmit={submit}>
          <input ref={inputRef} className="cmd-input" aria-label={t('command')} placeholder={t('commandPlaceholder')} value={text}
            onChange={(e) => { setText(e.target.value); if (phase !== 'idle' && !busy) reset() }} disabled={busy} />
          <button type="button" className={`mic${phase === 'recording' ? ' on' : ''}`} aria-label={t('holdToTalk')} aria-pressed={phase === 'recording'}
            title={t('holdToTalk')}
            onPointerDown={(e) => { e.preventDefault(); void startTalking() }}
            onPointerUp={() => void stopTalking()} onPointerLeave={() => { if (phase === 'recording') void stopTalking() }}
            onKeyDown={(e) => { if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) { e.preventDefault(); void startTalking() } }}
            onKeyUp={(e) => { if (e.key === ' ' || e.key === 'Enter') void stopTalking() }}><Icon name="mic" /></button>
          <button type="submit" className="btn primary" disabled={busy || !text.trim()}>{t('run')}</button>
        </form>
        <div className="cmd-body" aria-live="polite">
          {phase === 'recording' && <p className="rec">{t('recording')}</p>}
          {voiceNote && <p className="muted small">{voiceNote}</p>}
          {phase === 'transcribing' && <p className="muted">{t('transcribing')}</p>}
          {phase === 'planning' && <p className="muted">{t('planning')}</p>}
          {heard !== null && <p className="heard"><span className="muted">{t('transcript')}:</span> “{heard}”</p>}
          {command && <CommandView command={command} phase={phase} t={t} />}
          {error && <p className="error-text" role="alert">{error}</p>}
          {phase === 'clarify' && command && (
            <form className="clarify" onSubmit={(e) => { e.preventDefault(); void plan(answer) }}>
              <p><strong>{t('question')}:</strong> {command.question}</p>
              <input aria-label={t('answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} autoFocus />
              <button className="btn primary" type="submit" disabled={!answer.trim()}>{t('answer')}</button>
            </form>
          )}
          {phase === 'preview' && (
            <div className="cmd-actions">
              <button className="btn primary" onClick={() => void execute()} autoFocus>{t('confirm')}</button>
              <button className="btn ghost" onClick={reset}>{t('cancel')}</button>
            </div>
          )}
          {phase === 'executing' && <p className="muted">{t('executing')}</p>}
          {phase === 'done' && command && !command.undoneAt && command.plan.actions.some((a) => a.type !== 'QUERY') && (
            <div className="cmd-actions"><button className="btn" onClick={() => void undo()}>{t('undo')}</button></div>
          )}
          {phase === 'undone' && <p className="muted">{t('undone')}</p>}
        </div>
      </div>
    </div>
  )
}

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

function CommandView({ command, phase, t }: { command: Command; phase: Phase; t: T }) {
  const live = useStore((s) => s.commands[command.id])
  const results = new Map(command.results.map((r) => [r.ref, r]))
  return (
    <div className="plan" data-status={command.status}>
      {command.summary && <p className="summary">{command.summary}</p>}
      <ol className="steps" aria-label={t('plan')}>
        {command.plan.actions.map((a) => {
          const r = results.get(a.ref)
          const step = live?.steps[a.ref]
          const state = r?.status ?? step?.status ?? (command.error?.ref === a.ref ? 'failed' : phase === 'executing' ? 'running' : 'planned')
          const href = r?.entity ? hrefOf(r.entity.type, r.entity.id) : null
          const label = r?.entity ? entityName(r.entity.type, r.entity.id, a) : null
          return (
            <li key={a.ref} className={`step step-${state}`} data-ref={a.ref}>
              <span className="step-icon" aria-hidden="true">{state === 'done' ? '✓' : state === 'failed' ? '✕' : state === 'running' ? '…' : '•'}</span>
              <code className="step-type">{a.type}</code> <span className="step-desc">{describe(a, t)}</span>
              {href && <> → <a href={href} onClick={(e) => { e.preventDefault(); navigate(href) }}>{label}</a></>}
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
