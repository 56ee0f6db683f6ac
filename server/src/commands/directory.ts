import type { Actor } from '../actions/context'
import { visibleChannelIds } from '../access/channels'
import { visibleTaskFilter } from '../access/tasks'
import type { Database } from '../db/database'
import type { Directory } from './interpret'

export type { Directory }

/** Loads the speaker's directory: only what they may see, so a plan can never name the invisible. */
export async function loadDirectory(db: Database, actor: Actor): Promise<Directory> {
  const [users, channels, tasks, resources, categories] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email']).where('organizationId', '=', actor.organizationId)
      .where('deactivatedAt', 'is', null).where('deletedAt', 'is', null).orderBy('name').execute(),
    db.selectFrom('channels').leftJoin('categories', 'categories.id', 'channels.categoryId')
      .select(['channels.id', 'channels.name', 'categories.name as categoryName'])
      .where('channels.id', 'in', visibleChannelIds(db, actor)).where('channels.status', '!=', 'archived')
      .orderBy('channels.createdAt', 'desc').execute(),
    // Open work and anything touched in the last 90 days: what people talk about.
    db.selectFrom('tasks').select(['id', 'title', 'channelId']).where(visibleTaskFilter(actor))
      .where((eb) => eb.or([eb('status', 'in', ['pending', 'in_progress', 'review']), eb('updatedAt', '>', new Date(Date.now() - 90 * 86_400_000))]))
      .orderBy('updatedAt', 'desc').limit(5000).execute(),
    db.selectFrom('sharedResources').select(['id', 'name', 'resourceType']).where('deletedAt', 'is', null)
      .where('status', '=', 'ready').orderBy('updatedAt', 'desc').limit(2000).execute(),
    db.selectFrom('categories').select(['id', 'name']).where('deletedAt', 'is', null).orderBy('name').execute(),
  ])
  return { users, channels, tasks, resources, categories }
}
