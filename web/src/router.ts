import { useSyncExternalStore } from 'react'

/** A tiny history router: paths like /channels/:id, /tasks/:id, /board, /me, /dashboard. */
const listeners = new Set<() => void>()
window.addEventListener('popstate', () => { for (const l of listeners) l() })

export function navigate(path: string, replace = false) {
  if (path === location.pathname + location.search) return
  if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path)
  for (const l of listeners) l()
}

export function usePath() {
  return useSyncExternalStore((l) => { listeners.add(l); return () => { listeners.delete(l) } }, () => location.pathname)
}

export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/'), a = path.split('/')
  if (p.length !== a.length) return null
  const out: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) out[p[i]!.slice(1)] = decodeURIComponent(a[i]!)
    else if (p[i] !== a[i]) return null
  }
  return out
}

/** A link that navigates without reloading (and still opens in a new tab with a modifier). */
export function onLinkClick(e: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }, href: string) {
  if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
  e.preventDefault()
  navigate(href)
}
