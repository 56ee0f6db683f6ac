import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../actions/context'
import { requireConversation, requireMessage } from '../access/messages'
import type { Database } from '../db/database'
import type { DB, Message } from '../db/schema'
import { presentMessage } from '../presenters/presentMessage'
import { checkCursorKeys, type CursorKey } from './cursorKeys'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listMessagesQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
})
export type ListMessagesQuery = z.output<typeof listMessagesQuery>

const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`

/**
 * Messages of a channel or task the actor can see, newest first, keyset-paginated on
 * (created_at, id). With `q`: PostgreSQL full-text search, best ts_rank first (ties newest first).
 * Cursor keys are carried as PostgreSQL text, so microsecond timestamps and real ranks round-trip exactly.
 */
export async function listMessages(db: Database, actor: Actor, target: { channelId?: string; taskId?: string }, filter: ListMessagesQuery) {
  await requireConversation(db, actor, target, 'see')
  let query = db.selectFrom('messages').selectAll('messages').where('messages.deletedAt', 'is', null)
  query = target.channelId ? query.where('messages.channelId', '=', target.channelId) : query.where('messages.taskId', '=', target.taskId!)
  return page(query, filter, 'desc')
}

/** The replies to a message (its thread), oldest first like a conversation reads. */
export async function listReplies(db: Database, actor: Actor, messageId: string, filter: ListMessagesQuery) {
  const { message } = await requireMessage(db, actor, messageId, { includeDeleted: true })
  const query = db.selectFrom('messages').selectAll('messages').where('messages.deletedAt', 'is', null).where('messages.replyTo', '=', message.id)
  return page(query, filter, 'asc')
}

type MessageQuery = SelectQueryBuilder<DB, 'messages', Message>

async function page(query: MessageQuery, filter: ListMessagesQuery, dir: 'asc' | 'desc') {
  const keys = filter.q
    ? [{ expr: sql`ts_rank(messages.search, ${tsQuery(filter.q)})`, cast: 'real' as const }, { expr: sql`messages.created_at`, cast: 'timestamptz' as const }]
    : [{ expr: sql`messages.created_at`, cast: 'timestamptz' as const }]
  const order = filter.q ? 'desc' : dir
  if (filter.q) query = query.where(sql<SqlBool>`messages.search @@ ${tsQuery(filter.q)}`)
  const after = checkCursorKeys(decodeCursor(filter.cursor, keys.length + 1), [...keys.map((k) => k.cast as CursorKey), 'uuid'])
  if (after) {
    const left = sql.join([...keys.map((k) => k.expr), sql`messages.id`])
    const right = sql.join([...keys.map((k, i) => sql`${after[i]}::${sql.raw(k.cast)}`), sql`${after[keys.length]}::uuid`])
    query = query.where(sql<SqlBool>`(${left}) ${sql.raw(order === 'desc' ? '<' : '>')} (${right})` as Expression<SqlBool>)
  }
  let q = query.select(keys.map((k, i) => sql<string>`(${k.expr})::text`.as(`k${i}`)))
  for (const k of keys) q = q.orderBy(sql`${k.expr}`, order) as typeof q
  const rows = await q.orderBy('messages.id', order).limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, presentMessage, (row) => [...keys.map((_, i) => (row as Record<string, unknown>)[`k${i}`]), row.id])
}
