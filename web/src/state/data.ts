import { api, listAll, qs } from '../api/client'
import type { Category, Channel, Notification, Page, Self, Task, User } from '../api/types'
import { byId, getState, setState, toast } from './store'
import { live } from '../api/socket'
import { navigate } from '../router'
import { langOf } from '../i18n'

const quiet = async <T>(p: Promise<T>): Promise<T | null> => { try { return await p } catch { return null } }

/** Loads what every page needs after sign-in, then goes live. Parts not served yet are skipped. */
export async function bootstrap() {
  const [me, users, categories, channels, notifications, unread] = await Promise.all([
    quiet(api.get<Self>('/users/me')),
    quiet(listAll<User>('/users')),
    quiet(listAll<Category>('/categories')),
    quiet(listAll<Channel>('/channels')),
    quiet(api.get<Page<Notification>>('/notifications?limit=50')),
    quiet(api.get<{ count?: number; unread?: number }>('/notifications/unread-count')),
  ])
  if (me) api.updateUser(me)
  const unreadByChannel: Record<string, number> = {}
  for (const c of channels ?? []) if (c.unreadCount) unreadByChannel[c.id] = c.unreadCount
  setState({
    me: me ?? api.current?.user ?? null,
    users: byId(users ?? []), categories: byId(categories ?? []), channels: byId((channels ?? []).filter((c) => !c.archivedAt)),
    notifications: notifications?.items ?? [], unread: unreadByChannel,
    unreadNotifications: unread?.count ?? unread?.unread ?? (notifications?.items ?? []).filter((n) => !n.read).length,
  })
  live.start()
}

/** Refetches the sidebar lists (after a resync or a membership change we could not apply). */
export async function refreshLists() {
  const [categories, channels] = await Promise.all([quiet(listAll<Category>('/categories')), quiet(listAll<Channel>('/channels'))])
  setState((s) => ({
    categories: categories ? byId(categories) : s.categories,
    channels: channels ? byId(channels.filter((c) => !c.archivedAt)) : s.channels,
  }))
}

/** Tasks matching a filter, merged into the store; returns their ids in server order. */
export async function loadTasks(filter: Record<string, string | number | boolean | undefined>, max = 1000) {
  const tasks = await listAll<Task>(`/tasks${qs(filter)}`, max)
  setState((s) => ({ tasks: { ...s.tasks, ...byId(tasks) } }))
  return tasks.map((t) => t.id)
}

export async function signOut() {
  live.stop()
  await api.logout()
  navigate('/signin', true)
}

/** Shows a toast when a task becomes assigned to me by someone else. */
export function watchAssignments() {
  return live.onEvent((e, before) => {
    if (!e.type.startsWith('task.')) return
    const me = getState().me
    const task = (e.data as { task?: Task })?.task ?? (e.data as Task)
    if (!me || !task?.id || e.actor === me.id) return
    const was = before.tasks[task.id]?.assigneeIds ?? []
    if (task.assigneeIds?.includes(me.id) && !was.includes(me.id)) toast(`${langOf(me.language) === 'es' ? 'Asignado a ti' : 'Assigned to you'}: ${task.title}`, { href: `/tasks/${task.id}`, tone: 'info' })
  })
}
