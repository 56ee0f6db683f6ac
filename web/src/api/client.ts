import type { Session } from './types'

/** An API error with the server's stable code and human message. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) { super(message) }
}

const STORAGE_KEY = 'baton.session'
type Listener = (session: Session | null) => void

/**
 * The typed fetch client: bearer tokens kept in localStorage, one silent refresh on 401
 * TOKEN_EXPIRED (shared by concurrent callers), sign-out when the refresh fails.
 */
class Api {
  private session: Session | null = null
  private refreshing: Promise<boolean> | null = null
  private listeners = new Set<Listener>()

  constructor() {
    try { this.session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null } catch { this.session = null }
  }

  get current() { return this.session }
  get token() { return this.session?.accessToken ?? null }
  onSession(listener: Listener) { this.listeners.add(listener); return () => { this.listeners.delete(listener) } }

  private setSession(session: Session | null) {
    this.session = session
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session)); else localStorage.removeItem(STORAGE_KEY)
    for (const l of this.listeners) l(session)
  }

  async login(email: string, password: string) {
    const session = await this.request<Session>('POST', '/auth/login', { email, password }, { auth: false })
    this.setSession(session)
    return session
  }

  async logout() {
    const refreshToken = this.session?.refreshToken
    if (refreshToken) await this.request('POST', '/auth/logout', { refreshToken }).catch(() => undefined)
    this.setSession(null)
  }

  updateUser(user: Session['user']) { if (this.session) this.setSession({ ...this.session, user }) }

  /** Rotates the pair once for everyone waiting; false means the session is over. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      const refreshToken = this.session?.refreshToken
      this.refreshing = (async () => {
        if (!refreshToken) return false
        try {
          this.setSession(await this.request<Session>('POST', '/auth/refresh', { refreshToken }, { auth: false }))
          return true
        } catch (e) {
          if (e instanceof ApiError && e.status < 500) this.setSession(null)
          return false
        }
      })().finally(() => { this.refreshing = null })
    }
    return this.refreshing
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, opts: { auth?: boolean; headers?: Record<string, string>; retried?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers }
    const isForm = typeof FormData !== 'undefined' && body instanceof FormData
    if (body !== undefined && !isForm) headers['content-type'] = 'application/json'
    if (opts.auth !== false && this.session) headers.authorization = `Bearer ${this.session.accessToken}`
    let res: Response
    try {
      res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body) })
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection.')
    }
    if (res.status === 204) return undefined as T
    const data = await res.json().catch(() => null) as { error?: { code: string; message: string; details?: unknown } } | null
    if (res.ok) return data as T
    const err = data?.error ?? { code: `HTTP_${res.status}`, message: res.statusText || 'Request failed' }
    if (res.status === 401 && opts.auth !== false && !opts.retried && this.session) {
      if (await this.refresh()) return this.request<T>(method, path, body, { ...opts, retried: true })
    }
    throw new ApiError(res.status, err.code, err.message, err.details)
  }

  get<T>(path: string) { return this.request<T>('GET', path) }
  post<T>(path: string, body?: unknown, headers?: Record<string, string>) { return this.request<T>('POST', path, body ?? {}, { headers }) }
  patch<T>(path: string, body: unknown) { return this.request<T>('PATCH', path, body) }
  del<T>(path: string, body?: unknown) { return this.request<T>('DELETE', path, body) }
}

export const api = new Api()

/** `?a=1&b=2` from an object, skipping empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>) {
  const s = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v))
  const out = s.toString()
  return out ? `?${out}` : ''
}

/** Every page of a collection (bounded), for small lists like channels and people. */
export async function listAll<T>(path: string, max = 1000): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const page: { items: T[]; nextCursor: string | null } = await api.get(`${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && out.length < max)
  return out
}
