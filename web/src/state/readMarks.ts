import { api } from '../api/client'
import { live } from '../api/socket'
import type { ChannelRead, Message } from '../api/types'
import { getState } from './store'

const scheduled = new Map<string, ReturnType<typeof setTimeout>>()
const missedWhileHidden = new Set<string>()

/**
 * Marks a channel read on the server, at most once per `delayMs` per channel (calls in between
 * join the one scheduled). The answer is not applied here: the server sends channel.read to every
 * tab of this user, this one included, and the reducer clears the badge from it.
 */
export function markChannelRead(channelId: string, delayMs = 400) {
  if (scheduled.has(channelId)) return
  scheduled.set(channelId, setTimeout(() => {
    scheduled.delete(channelId)
    void api.post<ChannelRead>(`/channels/${channelId}/read`).catch(() => undefined) // a read mark is best effort
  }, delayMs))
}

/**
 * While a channel is open: marks it read now, again when messages by others arrive while the tab
 * is visible, and, when it was opened or got messages while hidden, once it shows again. Returns the cleanup.
 */
export function keepChannelRead(channelId: string): () => void {
  const seen = () => {
    if (document.visibilityState === 'hidden') missedWhileHidden.add(channelId)
    else markChannelRead(channelId)
  }
  seen() // opened (in a background tab: once it shows)
  const off = live.onEvent((e) => {
    const m = e.data as Message
    if (e.type === 'message.created' && m?.channelId === channelId && m.userId !== getState().me?.id) seen()
  })
  const onVisibility = () => {
    if (document.visibilityState === 'visible' && missedWhileHidden.delete(channelId)) markChannelRead(channelId)
  }
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    off()
    document.removeEventListener('visibilitychange', onVisibility)
    missedWhileHidden.delete(channelId)
  }
}
