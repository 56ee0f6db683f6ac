import type { ActionContext, Actor } from '../actions/context'
import { createCategory } from '../actions/categories/createCategory'
import { createChannel } from '../actions/channels/createChannel'
import { linkChannels } from '../actions/channels/linkChannels'
import type { ChannelType, Privacy, RelationshipType } from '../db/schema'

const categories = [
  { name: 'Marketing', description: 'Campaigns, brand and launches', color: '#e4572e', icon: 'megaphone', priorityLevel: 2 },
  { name: 'Engineering', description: 'Product, platform and reliability', color: '#3366ff', icon: 'code', priorityLevel: 3 },
  { name: 'Operations', description: 'Facilities, finance and the day to day', color: '#17a398', icon: 'settings', priorityLevel: 1 },
  { name: 'Sales', description: 'Pipeline, deals and customers', color: '#f3a712', icon: 'trending-up', priorityLevel: 2 },
  { name: 'People', description: 'Hiring, onboarding and leadership', color: '#8e44ad', icon: 'users', priorityLevel: 1 },
]

interface DemoChannel {
  name: string; description: string; category: string | null; channelType: ChannelType; privacy: Privacy
  /** Email of the owner (who creates it); null: the CEO. */
  owner: string | null
  members: string[]
}

const channels: DemoChannel[] = [
  { name: 'General', description: 'Announcements and everything company-wide', category: null, channelType: 'department', privacy: 'public', owner: null,
    members: ['sarah', 'mike', 'priya', 'diego', 'emma', 'james'] },
  { name: 'Q3 Product Launch', description: 'Everything for the September launch', category: 'Marketing', channelType: 'initiative', privacy: 'public', owner: 'sarah',
    members: ['priya', 'emma', 'mike'] },
  { name: 'Brand Refresh', description: 'New logo, palette and website', category: 'Marketing', channelType: 'project', privacy: 'public', owner: 'sarah',
    members: ['emma'] },
  { name: 'Platform Engineering', description: 'APIs, infrastructure and on-call', category: 'Engineering', channelType: 'department', privacy: 'public', owner: 'mike',
    members: ['diego', 'james'] },
  { name: 'Mobile App v2', description: 'The rebuilt iOS and Android apps', category: 'Engineering', channelType: 'project', privacy: 'public', owner: 'mike',
    members: ['james', 'diego', 'priya'] },
  { name: 'Security Response', description: 'Incidents and vulnerability fixes (members only)', category: 'Engineering', channelType: 'temporary', privacy: 'restricted', owner: 'mike',
    members: ['james'] },
  { name: 'Office Move', description: 'Moving to the new office in October', category: 'Operations', channelType: 'temporary', privacy: 'public', owner: null,
    members: ['emma', 'priya'] },
  { name: 'Budget Planning', description: 'Next year\'s budget by department', category: 'Operations', channelType: 'project', privacy: 'private', owner: null,
    members: ['sarah', 'mike'] },
  { name: 'Enterprise Deals', description: 'Large accounts and their contracts', category: 'Sales', channelType: 'project', privacy: 'private', owner: 'sarah',
    members: ['diego'] },
  { name: 'Hiring', description: 'Open roles, candidates and interviews', category: 'People', channelType: 'initiative', privacy: 'private', owner: 'mike',
    members: ['sarah'] },
  { name: 'Leadership', description: 'The leadership team', category: 'People', channelType: 'department', privacy: 'private', owner: null,
    members: ['sarah', 'mike'] },
]

const relationships: Array<[string, string, RelationshipType]> = [
  ['Q3 Product Launch', 'Brand Refresh', 'parent_child'],
  ['Q3 Product Launch', 'Mobile App v2', 'collaborative'],
  ['Platform Engineering', 'Mobile App v2', 'sequential'],
  ['Budget Planning', 'Hiring', 'collaborative'],
]

const email = (short: string) => `${short}@baton.demo`

/**
 * Demo categories and channels, created through the actions: each channel by its owner (a
 * manager or the CEO) inside the caller's transaction, with members among the demo people.
 * People missing from `people` are skipped. Returns channel name → id.
 */
export async function seedDemoChannels(ctx: ActionContext, people: Map<string, Actor>): Promise<Map<string, string>> {
  const categoryIds = new Map<string, string>()
  for (const category of categories) categoryIds.set(category.name, (await createCategory(ctx, category)).id)

  const ids = new Map<string, string>()
  for (const c of channels) {
    const owner = c.owner ? people.get(email(c.owner)) : undefined
    const actorCtx: ActionContext = owner ? { ...ctx, actor: owner } : ctx
    const memberIds = c.members.map((m) => people.get(email(m))?.id).filter((id): id is string => Boolean(id))
    const { channel } = await createChannel(actorCtx, {
      name: c.name, description: c.description, categoryId: c.category ? categoryIds.get(c.category) : null,
      channelType: c.channelType, privacy: c.privacy, memberIds,
    })
    ids.set(c.name, channel.id)
  }
  for (const [from, to, relationshipType] of relationships) {
    await linkChannels(ctx, { channelId: ids.get(from)!, relatedChannelId: ids.get(to)!, relationshipType })
  }
  return ids
}
