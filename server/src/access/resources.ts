import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Actor } from '../actions/context'
import type { DB, LinkEntityType, ResourceLink, SharedResource } from '../db/schema'
import type { EventScope } from '../events/types'
import { forbidden, notFound } from '../http/errors'
import { requireChannel, visibleChannelIds } from './channels'
import { can } from './permissions'
import { requireTask, taskScope, visibleTaskFilter } from './tasks'

/**
 * Shared-resource visibility (docs/messages-resources-notifications.md). A resource is visible to:
 * - the CEO, always;
 * - the person who uploaded it;
 * - everyone, while it is linked to nothing (an organization-wide resource);
 * - whoever can see at least one of the channels or tasks it is linked to (a category link is
 *   visible to the whole organization, categories being public).
 * Editing and deleting: the uploader, a manager or the CEO.
 */
export type ResourceAccess = 'see' | 'edit'

export function visibleResourceFilter(db: Kysely<DB>, actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'sharedResources'>) => {
    if (can(actor, 'channel.see_all_private')) return eb('sharedResources.deletedAt', 'is', null)
    const link = () => eb.selectFrom('resourceLinks').select('resourceLinks.id').whereRef('resourceLinks.resourceId', '=', 'sharedResources.id')
    return eb.and([
      eb('sharedResources.deletedAt', 'is', null),
      eb.or([
        eb('sharedResources.uploadedBy', '=', actor.id),
        eb.not(eb.exists(link())),
        eb.exists(link().where((l) => l.or([
          l('resourceLinks.entityType', '=', 'category'),
          l.and([l('resourceLinks.entityType', '=', 'channel'), l('resourceLinks.entityId', 'in', visibleChannelIds(db, actor))]),
          l.and([l('resourceLinks.entityType', '=', 'task'),
            l('resourceLinks.entityId', 'in', l.selectFrom('tasks').select('tasks.id').where(visibleTaskFilter(actor)))]),
        ]))),
      ]),
    ])
  }
}

export async function requireResource(db: Kysely<DB>, actor: Actor, resourceId: string, access: ResourceAccess = 'see'): Promise<SharedResource> {
  const resource = await db.selectFrom('sharedResources').selectAll()
    .where('id', '=', resourceId).where(visibleResourceFilter(db, actor)).executeTakeFirst()
  if (!resource) throw notFound('resource', resourceId)
  if (access === 'edit' && resource.uploadedBy !== actor.id && !can(actor, 'resource.delete.others')) {
    throw forbidden(`Only its uploader, a manager or the CEO can change "${resource.name}".`)
  }
  return resource
}

/**
 * Checks the actor may attach something to this entity and returns the scope of its events:
 * posting rights in a channel; sight of a task (and posting rights in its channel); category links
 * are for managers and the CEO (categories shape the whole organization).
 */
export async function requireLinkTarget(db: Kysely<DB>, actor: Actor, entityType: LinkEntityType, entityId: string, access: 'see' | 'post' = 'post'): Promise<EventScope> {
  if (entityType === 'channel') return { kind: 'channel', channelId: (await requireChannel(db, actor, entityId, access)).id }
  if (entityType === 'task') {
    const task = await requireTask(db, actor, entityId, 'see')
    if (access === 'post' && task.channelId) await requireChannel(db, actor, task.channelId, 'post')
    return taskScope(task)
  }
  const category = await db.selectFrom('categories').select('id').where('id', '=', entityId).where('deletedAt', 'is', null).executeTakeFirst()
  if (!category) throw notFound('category', entityId)
  if (access === 'post' && !can(actor, 'category.update')) throw forbidden('Only managers and the CEO can attach resources to a category.')
  return { kind: 'org' }
}

/** Where a resource's events go: the scopes of what it is linked to, or the organization when unlinked. */
export async function resourceScopes(db: Kysely<DB>, links: ResourceLink[]): Promise<EventScope[]> {
  if (!links.length) return [{ kind: 'org' }]
  const scopes: EventScope[] = []
  const seen = new Set<string>()
  for (const link of links) {
    let scope: EventScope = { kind: 'org' }
    if (link.entityType === 'channel') scope = { kind: 'channel', channelId: link.entityId }
    if (link.entityType === 'task') {
      const task = await db.selectFrom('tasks').select('channelId').where('id', '=', link.entityId).executeTakeFirst()
      if (task) scope = taskScope(task)
    }
    const key = JSON.stringify(scope)
    if (!seen.has(key)) { seen.add(key); scopes.push(scope) }
  }
  return scopes.some((s) => s.kind === 'org') ? [{ kind: 'org' }] : scopes
}
