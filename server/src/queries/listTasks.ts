import { sql, type Expression, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../actions/context'
import { visibleTaskFilter } from '../access/tasks'
import type { Database } from '../db/database'
import { presentTask } from '../presenters/presentTask'
import { decodeCursor, pageQuery, toPage } from './pagination'

const list = <T extends z.ZodType>(item: T) => z.preprocess(
  (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean)),
  z.array(item).max(50).optional())
const bool = z.enum(['true', 'false']).transform((v) => v === 'true')

/** The seed's TaskFilters, as query parameters. Lists accept `a,b` or repeated parameters. */
export const listTasksQuery = pageQuery.extend({
  assignee: list(z.union([z.uuid(), z.literal('me')])),
  status: list(z.enum(['pending', 'in_progress', 'review', 'completed', 'cancelled'])),
  priority: list(z.enum(['low', 'medium', 'high', 'urgent', 'critical'])),
  channelId: z.uuid().optional(),
  parentTaskId: z.union([z.uuid(), z.literal('none')]).optional(),
  createdBy: z.uuid().optional(),
  tag: list(z.string().min(1).max(50)),
  dueFrom: z.iso.datetime({ offset: true }).optional(),
  dueTo: z.iso.datetime({ offset: true }).optional(),
  overdue: bool.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(['created', '-created', 'due', '-due', 'priority', '-priority', 'updated', '-updated', 'rank']).optional(),
})
export type ListTasksQuery = z.output<typeof listTasksQuery>

const PRIORITY_RANK = sql<number>`case tasks.priority when 'critical' then 5 when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`
const tsQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`

/** Sort keys: an expression, its direction, and how to read a cursor value back into SQL. */
function sortSpec(sort: string) {
  const desc = sort.startsWith('-') || sort === 'rank'
  switch (sort.replace('-', '')) {
    case 'due': return { expr: sql`coalesce(tasks.due_date, 'infinity'::timestamptz)`, desc, cast: (v: unknown) => sql`${v}::timestamptz` }
    case 'priority': return { expr: PRIORITY_RANK, desc, cast: (v: unknown) => sql`${v}::int` }
    case 'updated': return { expr: sql`tasks.updated_at`, desc, cast: (v: unknown) => sql`${v}::timestamptz` }
    default: return { expr: sql`tasks.created_at`, desc, cast: (v: unknown) => sql`${v}::timestamptz` }
  }
}

/**
 * Tasks the actor can see, filtered, sorted and paginated by keyset (no gaps or repeats while
 * rows change). With `q`, PostgreSQL full-text search ranked by ts_rank (default sort: rank).
 */
export async function listTasks(db: Database, actor: Actor, filter: ListTasksQuery, now = new Date()) {
  const sort = filter.sort ?? (filter.q ? 'rank' : '-created')
  const spec = sort === 'rank' && filter.q
    ? { expr: sql`ts_rank(tasks.search, ${tsQuery(filter.q)})`, desc: true, cast: (v: unknown) => sql`${v}::real` }
    : sortSpec(sort === 'rank' ? '-created' : sort)

  let query = db.selectFrom('tasks').selectAll('tasks').select(sql<unknown>`${spec.expr}`.as('sortKey')).where(visibleTaskFilter(actor))
  if (filter.assignee?.length) {
    const ids = filter.assignee.map((a) => (a === 'me' ? actor.id : a))
    query = query.where(sql<SqlBool>`tasks.assigned_to && ${sql.val(ids)}::uuid[]`)
  }
  if (filter.status?.length) query = query.where('tasks.status', 'in', filter.status)
  if (filter.priority?.length) query = query.where('tasks.priority', 'in', filter.priority)
  if (filter.channelId) query = query.where('tasks.channelId', '=', filter.channelId)
  if (filter.parentTaskId === 'none') query = query.where('tasks.parentTaskId', 'is', null)
  else if (filter.parentTaskId) query = query.where('tasks.parentTaskId', '=', filter.parentTaskId)
  if (filter.createdBy) query = query.where('tasks.createdBy', '=', filter.createdBy)
  if (filter.tag?.length) query = query.where(sql<SqlBool>`tasks.tags @> ${sql.val(filter.tag)}::text[]`)
  if (filter.dueFrom) query = query.where('tasks.dueDate', '>=', new Date(filter.dueFrom))
  if (filter.dueTo) query = query.where('tasks.dueDate', '<=', new Date(filter.dueTo))
  if (filter.overdue !== undefined) {
    const overdue = sql<SqlBool>`(tasks.due_date < ${now} and tasks.status in ('pending', 'in_progress', 'review'))`
    query = query.where(filter.overdue ? overdue : sql<SqlBool>`not coalesce(${overdue}, false)`)
  }
  if (filter.q) query = query.where(sql<SqlBool>`tasks.search @@ ${tsQuery(filter.q)}`)

  const after = decodeCursor(filter.cursor, 2)
  if (after) {
    const cmp = spec.desc ? sql.raw('<') : sql.raw('>')
    query = query.where(sql<SqlBool>`(${spec.expr}, tasks.id) ${cmp} (${spec.cast(after[0])}, ${after[1]}::uuid)` as Expression<SqlBool>)
  }
  const dir = spec.desc ? 'desc' : 'asc'
  const rows = await query.orderBy(sql`${spec.expr}`, dir).orderBy('tasks.id', dir).limit(filter.limit + 1).execute()
  return toPage(rows, filter.limit, (row) => presentTask(row, now), (row) => [keyValue(row.sortKey), row.id])
}

function keyValue(v: unknown) { return v instanceof Date ? v.toISOString() : v }
