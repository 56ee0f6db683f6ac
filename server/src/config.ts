import { z } from 'zod'

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  BATON_DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.string().url().optional(),
  BATON_REDIS_PREFIX: z.string().default('baton:'),
  BATON_DEMO: flag.default(false),
  BATON_BOOTSTRAP_CEO_EMAIL: z.string().email().optional(),
  BATON_BOOTSTRAP_CEO_PASSWORD: z.string().min(8).optional(),
  BATON_BOOTSTRAP_CEO_NAME: z.string().default('Chief Executive'),
  BATON_ORG_NAME: z.string().default('Baton'),
  BATON_JWT_SECRET: z.string().min(32).optional(),
  BATON_EVENT_RETENTION_DAYS: z.coerce.number().positive().default(7),
  BATON_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  BATON_FILES_DIR: z.string().optional(),
  BATON_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  port: number
  host: string
  databaseUrl?: string
  dataDir: string
  redisUrl?: string
  /** Namespaces every Redis key and channel, so several deployments (or test runs) can share a server. */
  redisPrefix: string
  demo: boolean
  bootstrapCeo?: { email: string; password: string; name: string }
  organizationName: string
  jwtSecret?: string
  eventRetentionDays: number
  bodyLimitBytes: number
  /** Uploaded files: a folder (default `<dataDir>/files`, a temporary folder with an in-memory database). */
  filesDir?: string
  maxUploadBytes: number
  logLevel: string
  /** The speech providers' settings (STT_*, TTS_*, OPENAI_*, …, and PATH, where their programs are found). */
  voiceEnv: NodeJS.ProcessEnv
}

const VOICE_SETTING = /^(PATH|STT_|TTS_|POCKETSPHINX_|OPENAI_|WHISPER_|ELEVENLABS_)/

/** Reads configuration from the environment; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.BATON_DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.BATON_REDIS_PREFIX,
    demo: e.BATON_DEMO,
    bootstrapCeo: e.BATON_BOOTSTRAP_CEO_EMAIL && e.BATON_BOOTSTRAP_CEO_PASSWORD
      ? { email: e.BATON_BOOTSTRAP_CEO_EMAIL, password: e.BATON_BOOTSTRAP_CEO_PASSWORD, name: e.BATON_BOOTSTRAP_CEO_NAME }
      : undefined,
    organizationName: e.BATON_ORG_NAME,
    jwtSecret: e.BATON_JWT_SECRET,
    eventRetentionDays: e.BATON_EVENT_RETENTION_DAYS,
    bodyLimitBytes: e.BATON_BODY_LIMIT_BYTES,
    filesDir: e.BATON_FILES_DIR,
    maxUploadBytes: e.BATON_MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
    voiceEnv: Object.fromEntries(Object.entries(env).filter(([key]) => VOICE_SETTING.test(key))),
  }
}
