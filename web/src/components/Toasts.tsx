import { setState, useStore } from '../state/store'
import { A } from './ui'
import { useT } from '../i18n'

export function Toasts() {
  const toasts = useStore((s) => s.toasts)
  const t = useT()
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`toast ${x.tone ?? 'info'}`}>
          {x.href ? <A href={x.href}>{x.text}</A> : <span>{x.text}</span>}
          <button className="icon-btn" aria-label={t('close')} onClick={() => setState((s) => ({ toasts: s.toasts.filter((y) => y.id !== x.id) }))}>×</button>
        </div>
      ))}
    </div>
  )
}
