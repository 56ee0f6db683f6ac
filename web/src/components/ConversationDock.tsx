/**
 * The hands-free conversation, docked in a corner so the page behind it stays visible and live
 * while spoken commands change it: what the server heard, what Baton answered (spoken and written),
 * the latest command's steps, and Confirm/Cancel for a plan that waits (saying "yes" works too).
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from '../api/client'
import type { Command, CommandResponse } from '../api/types'
import { sessionId, timezone } from '../api/commandSession'
import { useT, type Key } from '../i18n'
import { useStore } from '../state/store'
import { conversation } from '../voice/conversation'
import type { ConversationStatus } from '../voice/conversationState'
import { CommandView } from './CommandView'
import { Icon } from './ui'

const STATUS_TEXT: Record<ConversationStatus, Key | null> = {
  off: null, starting: 'convStarting', listening: 'convListening', hearing: 'convHearing',
  thinking: 'convThinking', speaking: 'convSpeaking', stopping: 'convStopping', reconnecting: 'convReconnecting',
}

export function ConversationDock() {
  const t = useT()
  const state = useSyncExternalStore((l) => conversation.subscribe(l), () => conversation.current)
  const language = useStore((s) => s.me?.language ?? undefined)
  const [dismissed, setDismissed] = useState(false)
  const [acting, setActing] = useState<string | null>(null)
  const [actError, setActError] = useState<string | null>(null)
  const [headphones, setHeadphones] = useState(() => conversation.headphones)
  const [decided, setDecided] = useState<Record<string, Command>>({}) // clicked Confirm/Cancel answers
  useEffect(() => { if (state.status !== 'off') setDismissed(false) }, [state.status])

  if (dismissed || (state.status === 'off' && !state.turns.length && !state.error)) return null
  const latest = state.turns.at(-1)
  const shown = latest?.command ? decided[latest.command.id] ?? latest.command : null
  const waiting = shown?.status === 'planned' ? shown : null
  const statusKey = STATUS_TEXT[state.status]

  /** A click does what the spoken "yes"/"no" would: execute or cancel the waiting plan. */
  const decide = async (run: boolean) => {
    if (!waiting) return
    setActing(waiting.id); setActError(null)
    try {
      const res = run ? await api.post<CommandResponse>(`/commands/${waiting.id}/execute`, {}, { 'idempotency-key': `exec-${waiting.id}` })
        : await api.post<CommandResponse>(`/commands/${waiting.id}/cancel`)
      setDecided((d) => ({ ...d, [waiting.id]: res.command }))
    } catch (e) { setActError((e as Error).message) } finally { setActing(null) }
  }

  return (
    <section className="conv" aria-label={t('convTitle')} data-status={state.status}>
      <header className="conv-head">
        <span className={`conv-dot ${state.status}`} aria-hidden="true" />
        <strong>{t('convTitle')}</strong>
        <span className="conv-status muted small" role="status" aria-live="polite">{statusKey ? t(statusKey) : t('convEnded')}</span>
      </header>
      <ol className="conv-turns" aria-live="polite">
        {state.turns.map((turn) => (
          <li key={turn.responseId} className={`conv-turn${turn.dropped ? ' dropped' : ''}`} data-response-id={turn.responseId}>
            <p className="conv-you"><span className="muted small">{t('convYou')}:</span>{' '}
              {turn.transcript === null ? <span className="muted">…</span> : <>“{turn.transcript}”</>}
              {turn.lowConfidence && <span className="muted small"> ({t('convUnsure')})</span>}
              {turn.dropped && <span className="muted small"> ({t('convDropped')})</span>}</p>
            {(turn.reply.length > 0 || turn.error) && (
              <p className="conv-baton"><span className="muted small">{t('convBaton')}:</span>{' '}
                {turn.reply.length ? turn.reply.join(' ') : turn.error?.message}</p>
            )}
          </li>
        ))}
      </ol>
      {shown && shown.plan.actions.length > 0 && <CommandView command={shown} running={acting === shown.id} />}
      {waiting && (
        <div className="cmd-actions">
          <span className="muted small">{t('convSayYes')}</span>
          <button className="btn primary small" disabled={acting !== null} onClick={() => void decide(true)}>{t('confirm')}</button>
          <button className="btn ghost small" disabled={acting !== null} onClick={() => void decide(false)}>{t('cancel')}</button>
        </div>
      )}
      {(state.error || actError) && <p className="error-text" role="alert">{actError ?? state.error?.message}</p>}
      <label className="conv-option small">
        <input type="checkbox" checked={headphones} onChange={(e) => { conversation.setHeadphones(e.target.checked); setHeadphones(e.target.checked) }} />
        {' '}{t('convHeadphones')}
      </label>
      <div className="conv-controls">
        {state.playing && <button className="btn small" onClick={() => conversation.hush()}>{t('convHush')}</button>}
        {state.status === 'off' ? (
          <>
            <button className="btn small" onClick={() => void conversation.start({ sessionId, timezone, ...(language ? { language } : {}) })}>
              <Icon name="waves" size={14} /> {t('convAgain')}</button>
            <button className="btn ghost small" onClick={() => setDismissed(true)}>{t('convDismiss')}</button>
          </>
        ) : (
          <button className="btn danger small" onClick={() => conversation.stop()} disabled={state.status === 'stopping'}>{t('convEnd')}</button>
        )}
      </div>
    </section>
  )
}
