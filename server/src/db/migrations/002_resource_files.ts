import { sql, type Kysely } from 'kysely'

/**
 * Uploaded files: the content hash of the stored bytes, and what the processing pipeline needs to
 * claim work across nodes (a claim time that expires, so a crashed node's file is taken up again,
 * and an attempt count that stops retrying a file that always fails).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table shared_resources add column sha256 text`.execute(db)
  await sql`alter table shared_resources add column processing_claimed_at timestamptz`.execute(db)
  await sql`alter table shared_resources add column processing_attempts integer not null default 0`.execute(db)
  await sql`create index shared_resources_processing_idx on shared_resources (updated_at) where status = 'processing' and deleted_at is null`.execute(db)
}
