import type { ActionContext } from '../actions/context'
import { visibleChannelIds } from '../access/channels'
import { invalid } from '../http/errors'
import { listTasks } from '../queries/listTasks'

type Filters = Record<string, any>
const idOf = (v: unknown): string | undefined => (v && typeof v === 'object' && 'id' in v ? String((v as { id: string }).id) : typeof v === 'string' ? v : undefined)

/** QUERY: read-only answers to questions ("what's overdue?"), with the speaker's visibility. */
export async function runQuery(ctx: ActionContext, entity: string, filters: Filters) {
  switch (entity) {
    case 'tasks': {
      const assignees = [filters.assignee, ...(filters.assignees ?? [])].flat().map(idOf).filter((x): x is string => Boolean(x))
      const page = await listTasks(ctx.tx, ctx.actor, {
        limit: 50,
        assignee: assignees.length ? assignees : undefined,
        status: filters.status ? [filters.status].flat() : filters.overdue || filters.blocked ? undefined : ['pending', 'in_progress', 'review'],
        priority: filters.priority ? [filters.priority].flat() : undefined,
        channelId: idOf(filters.channel),
        dueTo: filters.dueBefore, dueFrom: filters.dueAfter,
        overdue: filters.overdue === true ? true : undefined,
        q: filters.text || undefined,
        sort: filters.text ? 'rank' : 'due',
      }, ctx.now)
      let items = page.items
      if (filters.blocked) {
        const blocked = await ctx.tx.selectFrom('taskDependencies as d').innerJoin('tasks as b', 'b.id', 'd.dependsOnTaskId')
          .select('d.taskId').where('d.dependencyType', 'in', ['blocks', 'requires']).where('b.status', 'in', ['pending', 'in_progress', 'review'])
          .where('b.deletedAt', 'is', null).execute()
        const ids = new Set(blocked.map((b) => b.taskId))
        items = items.filter((t) => ids.has(t.id))
      }
      return { entity, count: items.length, items: items.map((t) => ({ id: t.id, title: t.title, status: t.status, priority: t.priority, dueDate: t.dueDate, assigneeIds: t.assigneeIds, channelId: t.channelId, overdue: t.overdue })) }
    }
    case 'channels': {
      let q = ctx.tx.selectFrom('channels').select(['id', 'name', 'status', 'privacy']).where('id', 'in', visibleChannelIds(ctx.tx, ctx.actor))
      if (filters.text) q = q.where('name', 'ilike', `%${String(filters.text).replace(/[%_\\]/g, '\\$&')}%`)
      if (filters.status) q = q.where('status', '=', filters.status)
      const items = await q.orderBy('name').limit(50).execute()
      return { entity, count: items.length, items }
    }
    case 'messages': {
      let q = ctx.tx.selectFrom('messages').select(['id', 'content', 'channelId', 'taskId', 'userId', 'createdAt'])
        .where('deletedAt', 'is', null).where((eb) => eb.or([eb('channelId', 'is', null), eb('channelId', 'in', visibleChannelIds(ctx.tx, ctx.actor))]))
      if (idOf(filters.channel)) q = q.where('channelId', '=', idOf(filters.channel)!)
      if (filters.text) q = q.where('content', 'ilike', `%${String(filters.text).replace(/[%_\\]/g, '\\$&')}%`)
      const items = await q.orderBy('createdAt', 'desc').limit(20).execute()
      return { entity, count: items.length, items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) }
    }
    case 'users': {
      let q = ctx.tx.selectFrom('users').select(['id', 'name', 'email', 'role']).where('organizationId', '=', ctx.actor.organizationId).where('deactivatedAt', 'is', null)
      if (filters.text) q = q.where('name', 'ilike', `%${String(filters.text).replace(/[%_\\]/g, '\\$&')}%`)
      if (filters.role) q = q.where('role', '=', filters.role)
      const items = await q.orderBy('name').limit(50).execute()
      return { entity, count: items.length, items }
    }
    default:
      throw invalid(`Cannot answer questions about ${entity}.`)
  }
}
