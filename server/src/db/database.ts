import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect, type Dialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pgliteDialect'
import type { DB } from './schema'

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

const INT8 = 20
const NUMERIC = 1700

// Counts and event ids fit comfortably in a double; numeric hours are small decimals.
pg.types.setTypeParser(INT8, (value) => Number(value))
pg.types.setTypeParser(NUMERIC, (value) => Number(value))

/**
 * Opens the database: a real PostgreSQL server when `url` is given, otherwise embedded PGlite in
 * `dataDir` (or in memory when dataDir is 'memory://'). Both speak the same SQL to the same schema.
 */
export function openDatabase(options: { url?: string; dataDir?: string; poolSize?: number }): DatabaseHandle {
  let dialect: Dialect
  let kind: DatabaseHandle['kind']
  if (options.url) {
    kind = 'postgres'
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 })
    // An idle client the server dropped (restart, admin termination) must not crash the process:
    // the pool discards it and the next query opens a fresh connection.
    pool.on('error', () => undefined)
    dialect = new PostgresDialect({ pool })
  } else {
    kind = 'pglite'
    const dataDir = options.dataDir ?? 'memory://'
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
    const pglite = new PGlite(dataDir, {
      parsers: { [INT8]: (value: string) => Number(value), [NUMERIC]: (value: string) => Number(value) },
    })
    dialect = new PGliteDialect(pglite)
  }
  const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] })
  return { db, kind, close: () => db.destroy() }
}
