import { useEffect, useState } from 'react'
import { api } from '../api/client'

/** What `GET /api/v1/voice/status` says (the subset the microphone buttons need). */
export interface VoiceStatus { available: boolean; installCommand?: string; stt?: { reason?: string } }

let cached: Promise<VoiceStatus | null> | null = null

/**
 * Whether this server can hear, asked once per page load: the microphone buttons say so before
 * anyone presses them. Null while unknown or when the question failed (then the buttons stay on
 * and a press reports the server's error).
 */
export function useVoiceStatus(enabled: boolean) {
  const [status, setStatus] = useState<VoiceStatus | null>(null)
  useEffect(() => {
    if (!enabled) return
    let alive = true
    cached ??= api.get<VoiceStatus>('/voice/status').catch(() => { cached = null; return null })
    void cached.then((s) => { if (alive) setStatus(s) })
    return () => { alive = false }
  }, [enabled])
  return status
}
