import { loadConfig } from '../config'
import { openDatabase } from './database'
import { migrateToLatest } from './migrate'

const config = loadConfig(process.env)
const handle = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir })
const applied = await migrateToLatest(handle.db)
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.')
await handle.close()
