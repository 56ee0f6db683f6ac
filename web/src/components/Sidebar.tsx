import { useMemo } from 'react'
import { useStore } from '../state/store'
import { useT } from '../i18n'
import { A, Avatar, Icon } from './ui'
import type { Channel } from '../api/types'

/** Channels grouped by category (with unread badges), the main pages, and who is online. */
export function Sidebar({ path }: { path: string }) {
  const t = useT()
  const channels = useStore((s) => s.channels)
  const categories = useStore((s) => s.categories)
  const unread = useStore((s) => s.unread)
  const users = useStore((s) => s.users)
  const presence = useStore((s) => s.presence)
  const me = useStore((s) => s.me)

  const groups = useMemo(() => {
    const map = new Map<string, Channel[]>()
    for (const c of Object.values(channels)) {
      const key = c.categoryId && categories[c.categoryId] ? c.categoryId : ''
      map.set(key, [...(map.get(key) ?? []), c])
    }
    return [...map.entries()]
      .map(([id, list]) => ({ id, name: id ? categories[id]!.name : t('uncategorized'), color: id ? categories[id]!.color : null, list: list.sort((a, b) => a.name.localeCompare(b.name)) }))
      .sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.name.localeCompare(b.name)))
  }, [channels, categories, t])

  const people = Object.values(users).filter((u) => u.active !== false && u.id !== me?.id)
    .sort((a, b) => Number(presence[b.id]?.status === 'online') - Number(presence[a.id]?.status === 'online') || a.name.localeCompare(b.name))
  const nav = [['/', t('myTasks')], ['/board', t('board')], ['/dashboard', t('dashboard')], ['/files', t('files')], ['/settings', t('settings')]] as const

  return (
    <nav className="sidebar" aria-label={t('channels')}>
      <div className="brand"><span className="logo" aria-hidden="true" />Baton</div>
      <ul className="nav-list">
        {nav.map(([href, label]) => (
          <li key={href}><A href={href} className={`nav-item${path === href || (href === '/' && path === '/me') ? ' active' : ''}`}>{label}</A></li>
        ))}
      </ul>
      {groups.length === 0 && <p className="muted small pad">{t('noChannels')}</p>}
      {groups.map((g) => (
        <section key={g.id || 'none'} className="group" aria-label={g.name}>
          <h2 className="group-title"><span className="swatch" style={{ background: g.color ?? 'var(--muted)' }} aria-hidden="true" />{g.name}</h2>
          <ul className="nav-list">
            {g.list.map((c) => {
              const n = unread[c.id] ?? 0
              const active = path === `/channels/${c.id}`
              return (
                <li key={c.id}>
                  <A href={`/channels/${c.id}`} className={`nav-item channel${active ? ' active' : ''}${n ? ' has-unread' : ''}`}
                    label={n ? `${c.name}, ${n} unread` : c.name}>
                    <span className="hash" aria-hidden="true">{c.privacy === 'public' ? '#' : <Icon name="lock" size={12} />}</span>
                    <span className="name">{c.name}</span>
                    {n > 0 && !active && <span className="badge" aria-hidden="true">{n > 99 ? '99+' : n}</span>}
                  </A>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
      {people.length > 0 && (
        <section className="group" aria-label={t('members')}>
          <h2 className="group-title">{t('members')}</h2>
          <ul className="people">
            {people.map((u) => (
              <li key={u.id}><Avatar userId={u.id} size={22} /> <span className="name">{u.name}</span></li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  )
}
