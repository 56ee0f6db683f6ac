import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Config } from './config'
import { openDatabase, type DatabaseHandle } from './db/database'
import { migrateToLatest } from './db/migrate'
import { TokenService } from './auth/tokens'
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './auth/rateLimiter'
import { InProcessBus, type EventBus } from './events/bus'
import { OutboxRelay } from './events/relay'
import { RedisBus } from './events/redisBus'
import { RealtimeHub } from './realtime/hub'
import { MemoryPresence, RedisPresence, type PresenceStore } from './realtime/presence'
import { VoiceService } from './voice/service'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FilePipeline } from './files/pipeline'
import { llmSummarizer } from './files/llmSummary'
import { llmConfigFromEnv } from './commands/interpret/llm'
import type { FileStorage } from './storage/fileStorage'
import { LocalDiskStorage } from './storage/localDiskStorage'

/** Everything a Baton node holds for its lifetime. Built once in main.ts (or per test). */
export interface Services {
  config: Config
  database: DatabaseHandle
  tokens: TokenService
  limiter: RateLimiter
  redis?: Redis
  bus: EventBus
  relay: OutboxRelay
  presence: PresenceStore
  hub: RealtimeHub
  /** Speech in and out (lazy: no decoder starts until someone speaks). */
  voice: VoiceService
  /** Uploaded files' bytes. */
  storage: FileStorage
  /** Processes uploaded files (started by main.ts; tests drive it with drain()). */
  files: FilePipeline
  close(): Promise<void>
}

export async function createServices(config: Config, logger?: Logger): Promise<Services> {
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
  await migrateToLatest(database.db)
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 }) : undefined
  redis?.on('error', (error) => logger?.warn({ err: error }, 'redis error'))
  if (redis) await redis.connect()
  const tokens = await TokenService.create(database.db, config.jwtSecret)
  const limiter: RateLimiter = redis ? new RedisRateLimiter(redis, `${config.redisPrefix}rl:`) : new MemoryRateLimiter()
  const redisBus = redis ? new RedisBus(redis, config.redisPrefix, (error) => logger?.warn({ err: error }, 'bad bus message')) : undefined
  const redisPresence = redis ? new RedisPresence(redis, config.redisPrefix) : undefined
  await redisBus?.start()
  await redisPresence?.start()
  const bus: EventBus = redisBus ?? new InProcessBus()
  const presence: PresenceStore = redisPresence ?? new MemoryPresence()
  const relay = new OutboxRelay(database.db, bus)
  const hub = new RealtimeHub({ db: database.db, bus, presence, retentionDays: config.eventRetentionDays, nodeId: redisBus?.nodeId ?? 'local' })
  hub.start()
  await relay.start()
  const voice = new VoiceService({ db: database.db, bus, onCommit: () => { void relay.kick() }, env: { ...process.env, ...config.voiceEnv } })
  // With an in-memory database the files are temporary too.
  const temporaryFiles = !config.filesDir && config.dataDir.startsWith('memory://') ? mkdtempSync(join(tmpdir(), 'baton-files-')) : null
  const storage = new LocalDiskStorage(config.filesDir ?? temporaryFiles ?? join(config.dataDir, 'files'))
  const llm = llmConfigFromEnv()
  const files = new FilePipeline({
    db: database.db, storage, onCommit: () => { void relay.kick() },
    summarize: llm ? llmSummarizer(llm) : undefined,
    onError: (error, resourceId) => logger?.warn({ err: error, resourceId }, 'file processing failed'),
    // Recordings are transcribed with the same speech-to-text as spoken commands, when it works here.
    transcriber: async (language) => ((await voice.stt.status()).available
      ? (audio: Uint8Array) => voice.transcribeRecording(audio, language, { maxBytes: config.maxUploadBytes, maxSeconds: 300 })
      : undefined),
  })
  return {
    config, database, tokens, limiter, redis, bus, relay, presence, hub, voice, storage, files,
    async close() {
      await files.close()
      await hub.close()
      await voice.close()
      await relay.stop()
      await presence.close()
      await bus.close()
      if (redis) await redis.quit().catch(() => undefined)
      await database.close()
      if (temporaryFiles) rmSync(temporaryFiles, { recursive: true, force: true })
    },
  }
}
