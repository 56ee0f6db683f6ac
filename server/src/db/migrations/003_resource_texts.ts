import { sql, type Kysely } from 'kysely'

/**
 * The text the file pipeline found in a file, searchable (`GET /resources?q=`). A table of its
 * own so that listing resources never loads the text itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table resource_texts (
    resource_id uuid primary key references shared_resources(id) on delete cascade,
    content text not null,
    search tsvector generated always as (to_tsvector('english', content)) stored,
    updated_at timestamptz not null default now()
  )`.execute(db)
  await sql`create index resource_texts_search_idx on resource_texts using gin (search)`.execute(db)
}
