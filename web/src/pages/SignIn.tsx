import { useEffect, useState, type FormEvent } from 'react'
import { api, ApiError } from '../api/client'
import { useT } from '../i18n'

interface DemoInfo { demo: boolean; password?: string; logins?: Array<{ email: string; name: string; role: string }> }

/** Demo mode is announced by `/api/v1/meta` when the server has it, else by the web route's `/app-config.json`. */
async function loadDemoInfo(): Promise<DemoInfo | null> {
  for (const url of ['/api/v1/meta', '/app-config.json']) {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } })
      if (res.ok) return await res.json() as DemoInfo
    } catch { /* try the next */ }
  }
  return null
}

export function SignIn() {
  const t = useT()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [demo, setDemo] = useState<DemoInfo | null>(null)
  useEffect(() => { void loadDemoInfo().then(setDemo) }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true); setError(null)
    try { await api.login(email.trim(), password) } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
    } finally { setBusy(false) }
  }

  return (
    <main className="signin" id="main">
      <form className="card signin-card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <div className="brand big"><span className="logo" aria-hidden="true" />Baton</div>
        <h1 id="signin-title">{t('signIn')}</h1>
        <label>{t('email')}<input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus /></label>
        <label>{t('password')}<input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {error && <p className="error-text" role="alert">{error}</p>}
        <button className="btn primary" type="submit" disabled={busy}>{busy ? t('signingIn') : t('signIn')}</button>
        {demo?.demo && demo.logins?.length ? (
          <details className="demo" open>
            <summary>{t('demoAccounts')}</summary>
            <p className="muted small">{t('demoHint')} <code>{demo.password}</code></p>
            <ul>
              {demo.logins.map((l) => (
                <li key={l.email}>
                  <button type="button" className="link" onClick={() => { setEmail(l.email); if (demo.password) setPassword(demo.password) }}
                    aria-label={`${t('useAccount')}: ${l.name}`}>
                    {l.name}</button> <span className="muted small">{l.role} · {l.email}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </form>
    </main>
  )
}
