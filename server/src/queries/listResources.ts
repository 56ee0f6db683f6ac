import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { Actor } from '../actions/context'
import { visibleChannelIds } from '../access/channels'
import { requireLinkTarget, requireResource, visibleResourceFilter } from '../access/resources'
import { can } from '../access/permissions'
import { visibleTaskFilter } from '../access/tasks'
import { resourceTypeSchema } from '../actions/resources/resourceSchemas'
import type { Database } from '../db/database'
import type { DB, LinkEntityType, ResourceLink, SharedResource } from '../db/schema'
import { presentResource } from '../presenters/presentResource'
import { checkCursorKeys } from './cursorKeys'
import { decodeCursor, pageQuery, toPage } from './pagination'

export const listResourcesQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  type: resourceTypeSchema.optional(),
})
export type ListResourcesQuery = z.output<typeof listResourcesQuery>

/** Resources the actor can see (access/resources.ts), newest first; `q` matches name or description (as a substring) or a file's text (words). */
export async function listResources(db: Database, actor: Actor, filter: ListResourcesQuery) {
  let query = db.selectFrom('sharedResources').selectAll('sharedResources').where(visibleResourceFilter(db, actor))
  if (filter.type) query = query.where('sharedResources.resourceType', '=', filter.type)
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([
      eb('sharedResources.name', 'ilike', like), eb('sharedResources.description', 'ilike', like),
      // …or the words of a file's text (found by the file pipeline).
      eb.exists(eb.selectFrom('resourceTexts').select('resourceTexts.resourceId').whereRef('resourceTexts.resourceId', '=', 'sharedResources.id')
        .where(sql<boolean>`resource_texts.search @@ websearch_to_tsquery('english', ${filter.q})`)),
    ]))
  }
  return pageByCreated(db, actor, query, filter)
}

/** Resources linked to a channel or task the actor can see, newest first. */
export async function listEntityResources(db: Database, actor: Actor, entityType: LinkEntityType, entityId: string, filter: ListResourcesQuery) {
  await requireLinkTarget(db, actor, entityType, entityId, 'see')
  let query = db.selectFrom('sharedResources').selectAll('sharedResources').where('sharedResources.deletedAt', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('resourceLinks').select('resourceLinks.id').whereRef('resourceLinks.resourceId', '=', 'sharedResources.id')
      .where('resourceLinks.entityType', '=', entityType).where('resourceLinks.entityId', '=', entityId)))
  if (filter.type) query = query.where('sharedResources.resourceType', '=', filter.type)
  return pageByCreated(db, actor, query, filter)
}

/** One resource with the links the actor can see. */
export async function getResource(db: Database, actor: Actor, resourceId: string) {
  const resource = await requireResource(db, actor, resourceId, 'see')
  return presentResource(resource, await visibleLinks(db, actor, [resource.id]))
}

type ResourceQuery = SelectQueryBuilder<DB, 'sharedResources', SharedResource>

async function pageByCreated(db: Database, actor: Actor, query: ResourceQuery, filter: ListResourcesQuery) {
  const after = checkCursorKeys(decodeCursor(filter.cursor, 2), ['timestamptz', 'uuid'])
  if (after) {
    query = query.where(sql<SqlBool>`(shared_resources.created_at, shared_resources.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` as Expression<SqlBool>)
  }
  const rows = await query.select(sql<string>`shared_resources.created_at::text`.as('createdKey'))
    .orderBy('sharedResources.createdAt', 'desc').orderBy('sharedResources.id', 'desc').limit(filter.limit + 1).execute()
  const links = await visibleLinks(db, actor, rows.slice(0, filter.limit).map((r) => r.id))
  return toPage(rows, filter.limit, (r) => presentResource(r, links.filter((l) => l.resourceId === r.id)), (r) => [r.createdKey, r.id])
}

/** The links of these resources that point at something the actor can see (no leaking private channel ids). */
export async function visibleLinks(db: Database, actor: Actor, resourceIds: string[]): Promise<ResourceLink[]> {
  if (!resourceIds.length) return []
  let query = db.selectFrom('resourceLinks').selectAll().where('resourceId', 'in', resourceIds)
  if (!can(actor, 'channel.see_all_private')) {
    query = query.where((l) => l.or([
      l('resourceLinks.entityType', '=', 'category'),
      l.and([l('resourceLinks.entityType', '=', 'channel'), l('resourceLinks.entityId', 'in', visibleChannelIds(db, actor))]),
      l.and([l('resourceLinks.entityType', '=', 'task'), l('resourceLinks.entityId', 'in', l.selectFrom('tasks').select('tasks.id').where(visibleTaskFilter(actor)))]),
    ]))
  }
  return query.orderBy('createdAt').orderBy('id').execute()
}
