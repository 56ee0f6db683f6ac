import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client'
import type { Notification, Self } from '../api/types'
import { setState, useStore } from '../state/store'
import { signOut } from '../state/data'
import { formatDate, useT } from '../i18n'
import { navigate, onLinkClick } from '../router'
import { openCommandBar } from './CommandBar'
import { Icon } from './ui'

export function TopBar({ onMenu, menuOpen }: { onMenu: () => void; menuOpen: boolean }) {
  const t = useT()
  const me = useStore((s) => s.me)
  const connection = useStore((s) => s.connection)
  const unread = useStore((s) => s.unreadNotifications)
  const [panel, setPanel] = useState(false)
  const connLabel = { live: t('connLive'), connecting: t('connConnecting'), reconnecting: t('connReconnecting'), offline: t('connOffline') }[connection]

  const setLanguage = async (language: Self['language']) => {
    setState((s) => ({ me: s.me ? { ...s.me, language } : s.me }))
    try { const user = await api.patch<Self>('/users/me', { language }); api.updateUser(user); setState({ me: user }) } catch { /* keep the local choice */ }
  }

  return (
    <header className="topbar">
      <button className="icon-btn menu-btn" aria-label={t('menu')} aria-expanded={menuOpen} onClick={onMenu}><Icon name="menu" /></button>
      <button className="cmd-trigger" onClick={() => openCommandBar()} aria-keyshortcuts="Control+K Meta+K">
        <Icon name="spark" size={16} /> <span className="cmd-trigger-text">{t('commandPlaceholder')}</span>
      </button>
      <span className={`conn conn-${connection}`} role="status" aria-live="polite" title={connLabel} data-connection={connection}>
        <span className="conn-dot" aria-hidden="true" /><span className="conn-text">{connLabel}</span>
      </span>
      <div className="notif-wrap">
        <button className="icon-btn bell" aria-label={`${t('notifications')}${unread ? ` (${unread})` : ''}`} aria-expanded={panel} onClick={() => setPanel((p) => !p)}>
          <Icon name="bell" />{unread > 0 && <span className="badge" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
        </button>
        {panel && <NotificationsPanel onClose={() => setPanel(false)} />}
      </div>
      <select className="lang" aria-label={t('language')} value={t.lang} onChange={(e) => void setLanguage(e.target.value as Self['language'])}>
        <option value="en">EN</option><option value="es">ES</option>
      </select>
      <a className="me" href="/settings" title={`${me?.email ?? ''} · ${t('settings')}`} onClick={(e) => onLinkClick(e, '/settings')}>{me?.name}</a>
      <button className="btn ghost small" onClick={() => void signOut()}>{t('signOut')}</button>
    </header>
  )
}

function hrefOf(n: Notification) {
  if (!n.entityId) return null
  if (n.entityType === 'task') return `/tasks/${n.entityId}`
  if (n.entityType === 'channel') return `/channels/${n.entityId}`
  return null
}

function NotificationsPanel({ onClose }: { onClose: () => void }) {
  const t = useT()
  const items = useStore((s) => s.notifications)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose() }
    const onDown = (e: MouseEvent) => { if (ref.current && !ref.current.parentElement!.contains(e.target as Node)) onClose() }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onDown)
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onDown) }
  }, [onClose])

  const markRead = (ids: string[] | 'all') => {
    setState((s) => {
      const notifications = s.notifications.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n))
      return { notifications, unreadNotifications: ids === 'all' ? 0 : notifications.filter((n) => !n.read).length }
    })
    if (ids === 'all') void api.post('/notifications/read-all').catch(() => undefined)
    else for (const id of ids) void api.post(`/notifications/${id}/read`).catch(() => undefined)
  }

  return (
    <div className="panel notif-panel" role="dialog" aria-label={t('notifications')} tabIndex={-1} ref={ref}>
      <div className="panel-head">
        <h2>{t('notifications')}</h2>
        <button className="btn ghost small" onClick={() => markRead('all')}>{t('markAllRead')}</button>
      </div>
      {items.length === 0 ? <p className="empty">{t('noNotifications')}</p> : (
        <ul className="notif-list">
          {items.map((n) => {
            const href = hrefOf(n)
            return (
              <li key={n.id} className={n.read ? 'read' : 'unread'}>
                <button className="notif" onClick={() => { markRead([n.id]); if (href) { navigate(href); onClose() } }}>
                  <strong>{n.title}</strong>
                  {n.content && <span className="muted">{n.content}</span>}
                  <time className="muted small" dateTime={n.createdAt}>{formatDate(n.createdAt, t.locale, true)}</time>
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
