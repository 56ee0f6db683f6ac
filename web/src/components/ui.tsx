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
