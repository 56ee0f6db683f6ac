import type { BatonEvent, Category, Channel, ChannelRead, EventType, Message, Notification, Resource, Task, User } from '../api/types'
import { byId, without, type CommandProgress, type State } from './store'

type Handler = (s: State, data: any) => Partial<State>

const upsertTask: Handler = (s, data: Task | { task: Task }) => {
  const task = 'task' in data && data.task ? data.task : (data as Task)
  return task?.id ? { tasks: { ...s.tasks, [task.id]: { ...s.tasks[task.id], ...task } } } : {}
}
const upsertChannel: Handler = (s, data: Channel | { channel: Channel }) => {
  const channel = 'channel' in data && data.channel ? data.channel : (data as Channel)
  return channel?.id ? { channels: { ...s.channels, [channel.id]: { ...s.channels[channel.id], ...channel } } } : {}
}
const upsertCategory: Handler = (s, c: Category) => ({ categories: { ...s.categories, [c.id]: c } })
const upsertUser: Handler = (s, u: User) => (u?.id ? { users: { ...s.users, [u.id]: { ...s.users[u.id], ...u } } } : {})

const upsertMessage: Handler = (s, data: Message | { message: Message }) => {
  const m = 'message' in data && data.message ? data.message : (data as Message)
  // A channel's messages, or a task's comments (keyed by the task's id), once a page loaded them.
  const key = m?.channelId ?? m?.taskId
  if (!m?.id || !key) return {}
  const list = s.messages[key]
  const isNew = !list?.some((x) => x.id === m.id)
  const patch: Partial<State> = {}
  if (list) patch.messages = { ...s.messages, [key]: isNew ? [...list, m] : list.map((x) => (x.id === m.id ? { ...x, ...m } : x)) }
  if (m.channelId && isNew && m.userId !== s.me?.id && s.viewingChannel !== m.channelId) patch.unread = { ...s.unread, [m.channelId]: (s.unread[m.channelId] ?? 0) + 1 }
  return patch
}

const progress = (s: State, data: any, status?: string): Partial<State> => {
  const id = data?.commandId ?? data?.id ?? data?.command?.id
  if (!id) return {}
  const prev: CommandProgress = s.commands[id] ?? { id, status: 'running', steps: {} }
  const next: CommandProgress = { ...prev, status: status ?? prev.status, summary: data?.summary ?? data?.command?.summary ?? prev.summary }
  if (data?.ref) next.steps = { ...prev.steps, [data.ref]: { status: data.status ?? 'done', message: data.message ?? data.summary } }
  return { commands: { ...s.commands, [id]: next } }
}

/** One handler per event type: how an event changes the client state. Unknown types are ignored. */
export const handlers: Partial<Record<EventType, Handler>> = {
  'user.created': upsertUser,
  'user.updated': (s, u: User) => ({ ...upsertUser(s, u), ...(u.id === s.me?.id ? { me: { ...s.me!, ...u } } : {}) }),
  'user.deactivated': upsertUser,
  'category.created': upsertCategory,
  'category.updated': upsertCategory,
  'category.deleted': (s, c: { id: string }) => ({ categories: without(s.categories, c.id) }),
  'channel.created': upsertChannel,
  'channel.updated': upsertChannel,
  'channel.archived': (s, c: Channel | { id: string }) => ({ channels: without(s.channels, c.id) }),
  // the payload carries the channel, so people just added see it at once
  'channel.member_added': (s, d: { channelId: string; channel?: Channel }) => (d.channel ? upsertChannel(s, d.channel) : { epoch: s.epoch + 1 }),
  'channel.member_removed': (s, d: { channelId: string; channel?: Channel; userIds?: string[] }) => {
    const lostSight = s.me && d.userIds?.includes(s.me.id) && s.me.role !== 'ceo' && d.channel?.privacy !== 'public'
    if (lostSight) return { channels: without(s.channels, d.channelId) }
    return d.channel && s.channels[d.channelId] ? upsertChannel(s, d.channel) : {}
  },
  // I marked it read (in this tab or another): the badge shows what is left (none while I look at it)
  'channel.read': (s, d: ChannelRead) => (d.userId === s.me?.id && d.unreadCount !== null
    ? { unread: { ...s.unread, [d.channelId]: s.viewingChannel === d.channelId ? 0 : d.unreadCount } } : {}),
  'task.created': upsertTask,
  'task.updated': upsertTask,
  'task.assigned': upsertTask,
  'task.unassigned': upsertTask,
  'task.completed': upsertTask,
  'task.deleted': (s, t: { id: string }) => ({ tasks: without(s.tasks, t.id) }),
  'dependency.created': (s) => ({ epoch: s.epoch + 1 }),
  'dependency.deleted': (s) => ({ epoch: s.epoch + 1 }),
  // Files: kept once a page has loaded them or the event shows one anew (created, shared with me).
  'resource.created': (s, r: Resource) => ({ resources: { ...s.resources, [r.id]: { ...s.resources[r.id], ...r } } }),
  'resource.updated': (s, r: Resource) => ({ resources: { ...s.resources, [r.id]: { ...s.resources[r.id], ...r } } }),
  'resource.shared': (s, d: { resource: Resource; link: NonNullable<Resource['links']>[number] }) => {
    const known = s.resources[d.resource.id]
    const links = [...(known?.links ?? d.resource.links ?? []).filter((l) => l.id !== d.link.id), d.link]
    return { resources: { ...s.resources, [d.resource.id]: { ...known, ...d.resource, links } } }
  },
  'resource.unshared': (s, d: { id: string; resourceId: string }) => {
    const known = s.resources[d.resourceId]
    return known ? { resources: { ...s.resources, [known.id]: { ...known, links: (known.links ?? []).filter((l) => l.id !== d.id) } } } : {}
  },
  'resource.deleted': (s, r: { id: string }) => ({ resources: without(s.resources, r.id) }),
  'resource.processing': (s, p: { id: string; stage: string; percent: number }) => {
    const known = s.resources[p.id]
    return known ? { resources: { ...s.resources, [p.id]: { ...known, metadata: { ...known.metadata, processing: { stage: p.stage, percent: p.percent } } } } } : {}
  },
  'message.created': upsertMessage,
  'message.updated': upsertMessage,
  'message.deleted': (s, m: Message) => {
    const key = m.channelId ?? m.taskId
    if (!key || !s.messages[key]) return {}
    return { messages: { ...s.messages, [key]: s.messages[key].filter((x) => x.id !== m.id) } }
  },
  'notification.created': (s, n: Notification) => (s.notifications.some((x) => x.id === n.id) ? {} : {
    notifications: [n, ...s.notifications].slice(0, 100), unreadNotifications: s.unreadNotifications + (n.read ? 0 : 1),
  }),
  'notification.read': (s, d: { id?: string; ids?: string[]; all?: boolean }) => {
    const ids = new Set(d.ids ?? (d.id ? [d.id] : []))
    const notifications = s.notifications.map((n) => (d.all || ids.has(n.id) ? { ...n, read: true } : n))
    return { notifications, unreadNotifications: notifications.filter((n) => !n.read).length }
  },
  'presence.changed': (s, p: { userId: string; status: 'online' | 'away' | 'offline'; viewingChannelId?: string | null }) =>
    ({ presence: { ...s.presence, [p.userId]: { status: p.status, viewing: p.viewingChannelId ?? null } } }),
  'command.started': (s, d) => progress(s, d, 'running'),
  'command.progress': (s, d) => progress(s, d),
  'command.completed': (s, d) => progress(s, d, 'completed'),
  'command.failed': (s, d) => progress(s, d, 'failed'),
  'command.undone': (s, d) => progress(s, d, 'undone'),
}

/** Applies one server event; pure, so tests can replay events and compare with a fresh fetch. */
export function reduce(s: State, e: BatonEvent | Omit<BatonEvent, 'id'>): State {
  const id = 'id' in e && typeof e.id === 'number' ? e.id : null // ephemeral signals (presence, typing) have none
  if (id !== null && s.lastEventId !== null && id <= s.lastEventId) return s // duplicate at a seam
  const handler = handlers[e.type as EventType]
  const patch = handler ? handler(s, e.data ?? {}) : {}
  return { ...s, ...patch, lastEventId: id ?? s.lastEventId }
}

export { byId }
