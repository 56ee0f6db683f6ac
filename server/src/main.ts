import pino from 'pino'
import { buildApp } from './app'
import { loadConfig } from './config'
import { createServices } from './services'
import { bootstrapOrganization } from './seed/bootstrap'
import { seedDemo } from './seed/demo'
import { demoContent } from './seed/demoContent'
import { startReminderScheduler } from './jobs/reminders'

/** Starts one Baton node: config, database (migrated), services, HTTP, graceful shutdown. */
const config = loadConfig(process.env)
const logger = pino({ level: config.logLevel })
const services = await createServices(config, logger)
const kick = () => { void services.relay.kick() }

await bootstrapOrganization(services.database.db, { organizationName: config.organizationName, ceo: config.bootstrapCeo })
const demo = config.demo
  ? await seedDemo(services.database.db, { organizationName: config.organizationName, content: demoContent, onCommit: kick, storage: services.storage })
  : null

const app = await buildApp(services, { logger: { level: config.logLevel } })
await app.listen({ port: config.port, host: config.host })
const stopReminders = startReminderScheduler(services)
services.files.start()

const where = `http://localhost:${config.port}`
logger.info({ database: services.database.kind, redis: Boolean(config.redisUrl) }, `Baton is running at ${where}`)
if (demo) {
  console.log(`\n  Baton is running at ${where}  (API docs: ${where}/docs)\n`)
  console.log(`  Demo organization — every account's password is: ${demo.password}`)
  for (const login of demo.logins) console.log(`    ${login.role.padEnd(8)} ${login.email.padEnd(22)} ${login.name}`)
  console.log('')
}

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing in-flight requests')
    const force = setTimeout(() => process.exit(1), 10_000).unref()
    try {
      await stopReminders()
      await app.close()
      await services.close()
    } finally {
      clearTimeout(force)
      process.exit(0)
    }
  })
}
