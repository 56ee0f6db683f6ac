import type { Redis } from 'ioredis'

/** Fixed-window counters: in memory on one node, in Redis when several nodes share the limits. */
export interface RateLimiter {
  /** Counts one hit; returns how many hits this window holds and when it resets. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>
  peek(key: string): Promise<number>
  reset(key: string): Promise<void>
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>()

  async hit(key: string, windowSeconds: number) {
    const now = Date.now()
    let window = this.windows.get(key)
    if (!window || window.resetsAt <= now) {
      window = { count: 0, resetsAt: now + windowSeconds * 1000 }
      this.windows.set(key, window)
      if (this.windows.size > 100_000) this.sweep(now)
    }
    window.count += 1
    return { count: window.count, resetInSeconds: Math.ceil((window.resetsAt - now) / 1000) }
  }

  async peek(key: string) {
    const window = this.windows.get(key)
    return window && window.resetsAt > Date.now() ? window.count : 0
  }

  async reset(key: string) { this.windows.delete(key) }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(key)
  }
}

export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async hit(key: string, windowSeconds: number) {
    const k = this.prefix + key
    const [[, count], [, ttl]] = (await this.redis.multi().incr(k).ttl(k).exec()) as [[null, number], [null, number]]
    if (ttl < 0) await this.redis.expire(k, windowSeconds)
    return { count, resetInSeconds: ttl < 0 ? windowSeconds : ttl }
  }

  async peek(key: string) { return Number(await this.redis.get(this.prefix + key)) || 0 }
  async reset(key: string) { await this.redis.del(this.prefix + key) }
}
