import type { ReactNode } from 'react'
import { onLinkClick } from '../router'
import { useStore } from '../state/store'
import { useT } from '../i18n'

export function A({ href, children, className, label }: { href: string; children: ReactNode; className?: string; label?: string }) {
  return <a href={href} className={className} aria-label={label} onClick={(e) => onLinkClick(e, href)}>{children}</a>
}

const initials = (name: string) => name.split(/\s+/).map((p) => p[0]).join('').slice(0, 2).toUpperCase()
const hue = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7)

/** A person's initials with a presence dot. */
export function Avatar({ userId, size = 24 }: { userId: string; size?: number }) {
  const user = useStore((s) => s.users[userId])
  const presence = useStore((s) => s.presence[userId]?.status ?? 'offline')
  const t = useT()
  const name = user?.name ?? '?'
  return (
    <span className="avatar" style={{ width: size, height: size, background: `hsl(${hue(userId)} 55% 42%)`, fontSize: size * 0.42 }}
      title={`${name} · ${t(presence)}`} role="img" aria-label={`${name}, ${t(presence)}`}>
      {initials(name)}
      <span className={`dot ${presence}`} aria-hidden="true" />
    </span>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty" role="status">{children}</div>
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  const message = error instanceof Error ? error.message : String(error)
  return (
    <div className="error-box" role="alert">
      <strong>{t('error')}</strong> <span>{message}</span>
      {onRetry && <button className="btn small" onClick={onRetry}>{t('retry')}</button>}
    </div>
  )
}

export function Spinner() {
  const t = useT()
  return <div className="spinner" role="status" aria-live="polite"><span className="visually-hidden">{t('loading')}</span></div>
}

export function StatusPill({ status }: { status: string }) {
  const t = useT()
  return <span className={`pill status-${status}`}>{t(status as 'pending')}</span>
}
export function PriorityPill({ priority }: { priority: string }) {
  const t = useT()
  return <span className={`pill prio-${priority}`}>{t(priority as 'low')}</span>
}

const ICONS = {
  bell: 'M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0',
  waves: 'M3 12h2M7 8v8M11 5v14M15 8v8M19 11v2',
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM6 11a6 6 0 0 0 12 0M12 17v4',
  menu: 'M4 7h16M4 12h16M4 17h16',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  spark: 'M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5 18 18M6 18l2.5-2.5M15.5 8.5 18 6',
}
/** A small stroke icon (no icon font, no emoji font needed). */
export function Icon({ name, size = 18 }: { name: keyof typeof ICONS; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={ICONS[name]} />
    </svg>
  )
}
