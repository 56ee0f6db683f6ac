import { useCallback, useEffect, useState } from 'react'
import { useStore } from './store'

/** Runs a loader when its deps (or the store's epoch, bumped by resyncs) change. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const epoch = useStore((s) => s.epoch)
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    let alive = true
    setState((s) => ({ ...s, loading: true, error: undefined }))
    load().then((data) => { if (alive) setState({ data, loading: false }) }, (error) => { if (alive) setState({ error, loading: false }) })
    return () => { alive = false }
  }, [...deps, epoch, nonce])
  const retry = useCallback(() => setNonce((n) => n + 1), [])
  return { ...state, retry }
}
