import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { Database } from './database'
import * as initial from './migrations/001_initial'
import * as resourceFiles from './migrations/002_resource_files'
import * as resourceTexts from './migrations/003_resource_texts'

/** Migrations are imported, not discovered, so the list is explicit and works from any bundle. */
const migrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_resource_files': resourceFiles,
  '003_resource_texts': resourceTexts,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
