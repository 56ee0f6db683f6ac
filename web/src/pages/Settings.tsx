/**
 * My settings: name, language and time zone (dates in commands and quiet hours follow it), and
 * notifications — mute, each kind on or off, quiet hours. Saved with PATCH /users/me; the server's
 * validation message is shown as it is.
 */
import { useEffect, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import type { Self } from '../api/types'
import { setState, useStore } from '../state/store'
import { useT, type Key } from '../i18n'

interface NotificationSettings {
  muted?: boolean
  types?: Partial<Record<NotificationKind, boolean>>
  quietHours?: { start: string; end: string }
}
type NotificationKind = typeof KINDS[number]
const KINDS = ['task_assigned', 'deadline_reminder', 'mention', 'channel_invite', 'task_completed', 'dependency_unblocked', 'reminder'] as const
const KIND_LABEL: Record<NotificationKind, Key> = {
  task_assigned: 'nkTaskAssigned', deadline_reminder: 'nkDeadline', mention: 'nkMention', channel_invite: 'nkChannelInvite',
  task_completed: 'nkTaskCompleted', dependency_unblocked: 'nkUnblocked', reminder: 'nkReminder',
}

const zones = (() => {
  try { return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone') } catch { return [] }
})()

export function Settings() {
  const t = useT()
  const me = useStore((s) => s.me)
  const [name, setName] = useState('')
  const [timezone, setTimezone] = useState('UTC')
  const [language, setLanguage] = useState<Self['language']>('en')
  const [settings, setSettings] = useState<NotificationSettings>({})
  const [saving, setSaving] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)

  useEffect(() => {
    if (!me) return
    setName(me.name); setTimezone(me.timezone); setLanguage(me.language)
    setSettings((me.notificationSettings as NotificationSettings | null) ?? {})
  }, [me?.id]) // load once per user; later edits are the form's

  if (!me) return null
  const quiet = settings.quietHours
  const setKind = (kind: NotificationKind, on: boolean) => setSettings((s) => ({ ...s, types: { ...s.types, [kind]: on } }))

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaving(true); setMessage(null)
    try {
      const user = await api.patch<Self>('/users/me', { name, timezone, language, notificationSettings: settings })
      api.updateUser(user); setState({ me: user })
      setMessage({ tone: 'ok', text: t('saved') })
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof ApiError ? err.message : String(err) })
    } finally { setSaving(false) }
  }

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings')}</h1>
      <form onSubmit={(e) => void save(e)} className="settings-form">
        <fieldset className="card">
          <legend>{t('profile')}</legend>
          <label>{t('name')}<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} /></label>
          <label>{t('language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value as Self['language'])}>
              <option value="en">English</option><option value="es">Español</option>
            </select>
          </label>
          <label>{t('timezone')}
            {zones.length ? (
              <select value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                {!zones.includes(timezone) && <option value={timezone}>{timezone}</option>}
                {zones.map((z) => <option key={z} value={z}>{z}</option>)}
              </select>
            ) : <input value={timezone} onChange={(e) => setTimezone(e.target.value)} />}
          </label>
        </fieldset>

        <fieldset className="card">
          <legend>{t('notifications')}</legend>
          <label className="check"><input type="checkbox" checked={Boolean(settings.muted)} onChange={(e) => setSettings((s) => ({ ...s, muted: e.target.checked }))} />
            {' '}{t('muteAll')}</label>
          <div className="kinds" role="group" aria-label={t('notificationKinds')}>
            {KINDS.map((kind) => (
              <label key={kind} className="check">
                <input type="checkbox" checked={settings.types?.[kind] !== false} disabled={Boolean(settings.muted) && kind !== 'reminder'}
                  onChange={(e) => setKind(kind, e.target.checked)} /> {t(KIND_LABEL[kind])}
              </label>
            ))}
          </div>
          <label className="check"><input type="checkbox" checked={Boolean(quiet)}
            onChange={(e) => setSettings((s) => {
              const { quietHours: _off, ...rest } = s
              return e.target.checked ? { ...rest, quietHours: { start: '22:00', end: '07:00' } } : rest
            })} /> {t('quietHours')}</label>
          {quiet && (
            <div className="quiet-row">
              <label>{t('from')}<input type="time" value={quiet.start} required onChange={(e) => setSettings((s) => ({ ...s, quietHours: { ...quiet, start: e.target.value } }))} /></label>
              <label>{t('until')}<input type="time" value={quiet.end} required onChange={(e) => setSettings((s) => ({ ...s, quietHours: { ...quiet, end: e.target.value } }))} /></label>
              <p className="muted small">{t('quietHoursHint')}</p>
            </div>
          )}
        </fieldset>
        <div className="cmd-actions">
          <button className="btn primary" type="submit" disabled={saving}>{t('save')}</button>
          {message && <span className={message.tone === 'ok' ? 'muted' : 'error-text'} role={message.tone === 'ok' ? 'status' : 'alert'}>{message.text}</span>}
        </div>
      </form>
    </section>
  )
}
