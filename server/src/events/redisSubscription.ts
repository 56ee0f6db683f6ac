import type { Redis } from 'ioredis'

/**
 * Subscribes to one Redis pub/sub channel on a dedicated connection (a subscribed connection can
 * run no other commands) and hands each message's parsed JSON to `onMessage`. Messages that do
 * not parse, or that `onMessage` rejects by throwing, go to `onError`. Returns the connection,
 * to `quit()` on close.
 */
export async function subscribeJson<T>(redis: Redis, channel: string, onMessage: (message: T) => void,
  onError: (error: unknown) => void = () => undefined): Promise<Redis> {
  const subscriber = redis.duplicate({ lazyConnect: true })
  subscriber.on('error', () => undefined) // ioredis reconnects by itself; errors surface on commands
  await subscriber.connect()
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return
    try { onMessage(JSON.parse(message) as T) } catch (error) { onError(error) }
  })
  await subscriber.subscribe(channel)
  return subscriber
}
