import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { Command, CommandResponse, Page } from '../api/types'
import { sessionId, timezone } from '../api/commandSession'
import { useStore } from '../state/store'
import { CommandHistory } from '../state/commandHistory'
import { useT } from '../i18n'
import { match } from '../router'
import { WavRecorder } from '../voice/wavRecorder'
import { conversation } from '../voice/conversation'
import { useVoiceStatus } from '../voice/useVoiceStatus'
import { CommandView } from './CommandView'
import { Icon } from './ui'

type Phase = 'idle' | 'recording' | 'transcribing' | 'planning' | 'preview' | 'clarify' | 'executing' | 'done' | 'failed' | 'undone'

const openers = new Set<(text?: string) => void>()
const history = new CommandHistory(async () => (await api.get<Page<Command>>('/commands?limit=50')).items.map((c) => c.transcript))
/** Opens the command bar from anywhere (the top bar button, Ctrl/Cmd+K). */
export function openCommandBar(text?: string) { for (const o of openers) o(text) }


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
  const voice = useVoiceStatus(open)
  const language = useStore((s) => s.me?.language ?? undefined)
  const noVoice = voice && !voice.available ? `${t('voiceUnavailable')} ${voice.installCommand ? `${t('voiceInstall')} ${voice.installCommand}` : voice.stt?.reason ?? ''}`.trim() : null

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
    history.remember(sentence)
    setPhase('planning'); setError(null); setHeard(null)
    try { accept(await api.post<CommandResponse>('/commands', { text: sentence.trim(), dryRun: true, timezone, sessionId, ...(channelId ? { channelId } : {}) })) } catch (e) { fail(e) }
  }
  const execute = async () => {
    if (!command) return
    setPhase('executing')
    try { accept(await api.post<CommandResponse>(`/commands/${command.id}/execute`, {}, { 'idempotency-key': `exec-${command.id}` })) } catch (e) { fail(e) }
  }
  /** Cancels the plan on the server too, so a later spoken "yes" cannot run it. */
  const cancelPlan = () => {
    if (command?.status === 'planned') void api.post(`/commands/${command.id}/cancel`).catch(() => undefined)
    reset()
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
  /** Hands-free: the conversation dock takes over, so the page stays visible while it acts. */
  const converse = () => {
    close()
    void conversation.start({ sessionId, timezone, ...(channelId ? { channelId } : {}), ...(language ? { language } : {}) })
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
            onChange={(e) => { setText(e.target.value); history.reset(); if (phase !== 'idle' && !busy) reset() }} disabled={busy}
            onKeyDown={(e) => {
              if (e.key === 'ArrowUp') { e.preventDefault(); void history.older(text).then((t) => { if (t !== null) setText(t) }) }
              else if (e.key === 'ArrowDown') { const t = history.newer(); if (t !== null) { e.preventDefault(); setText(t) } }
            }} />
          <button type="button" className={`mic${phase === 'recording' ? ' on' : ''}`} aria-label={t('holdToTalk')} aria-pressed={phase === 'recording'}
            title={noVoice ?? t('holdToTalk')} disabled={Boolean(noVoice)} aria-describedby={noVoice ? 'voice-note' : undefined}
            onPointerDown={(e) => { e.preventDefault(); void startTalking() }}
            onPointerUp={() => void stopTalking()} onPointerLeave={() => { if (phase === 'recording') void stopTalking() }}
            onKeyDown={(e) => { if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) { e.preventDefault(); void startTalking() } }}
            onKeyUp={(e) => { if (e.key === ' ' || e.key === 'Enter') void stopTalking() }}><Icon name="mic" /></button>
          <button type="button" className="mic" aria-label={t('converse')} title={noVoice ?? t('converseHint')} disabled={Boolean(noVoice)}
            aria-describedby={noVoice ? 'voice-note' : undefined} onClick={converse}><Icon name="waves" /></button>
          <button type="submit" className="btn primary" disabled={busy || !text.trim()}>{t('run')}</button>
        </form>
        <div className="cmd-body" aria-live="polite">
          {phase === 'recording' && <p className="rec">{t('recording')}</p>}
          {(voiceNote ?? noVoice) && <p className="muted small" id="voice-note">{voiceNote ?? noVoice}</p>}
          {phase === 'transcribing' && <p className="muted">{t('transcribing')}</p>}
          {phase === 'planning' && <p className="muted">{t('planning')}</p>}
          {heard !== null && <p className="heard"><span className="muted">{t('transcript')}:</span> “{heard}”</p>}
          {command && <CommandView command={command} running={phase === 'executing'} />}
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
              <button className="btn ghost" onClick={cancelPlan}>{t('cancel')}</button>
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
