import { useSyncExternalStore } from 'react'
import type { BatonEvent, Category, Channel, Message, Notification, Resource, Self, Task, User } from '../api/types'

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'offline'
export interface Presence { status: 'online' | 'away' | 'offline'; viewing?: string | null }
export interface Toast { id: number; text: string; href?: string; tone?: 'info' | 'error' | 'success' }
export interface CommandProgress { id: string; status: string; steps: Record<string, { status: string; message?: string }>; summary?: string }

export interface State {
  me: Self | null
  users: Record<string, User>
  categories: Record<string, Category>
  channels: Record<string, Channel>
  tasks: Record<string, Task>
  /** messages by channel id, oldest first; only for channels that were opened */
  messages: Record<string, Message[]>
  /** Files and other resources pages have loaded, kept live by resource.* events. */
  resources: Record<string, Resource>
  unread: Record<string, number>
  notifications: Notification[]
  unreadNotifications: number
  presence: Record<string, Presence>
  commands: Record<string, CommandProgress>
  connection: Connection
  lastEventId: number | null
  toasts: Toast[]
  /** bumps whenever something the current page fetched may be stale (e.g. after a resync) */
  epoch: number
  viewingChannel: string | null
}

export const initialState = (): State => ({
  me: null, users: {}, categories: {}, channels: {}, tasks: {}, messages: {}, resources: {}, unread: {}, notifications: [],
  unreadNotifications: 0, presence: {}, commands: {}, connection: 'offline', lastEventId: null, toasts: [], epoch: 0,
  viewingChannel: null,
})

let state = initialState()
const listeners = new Set<() => void>()

export const getState = () => state
export function setState(update: Partial<State> | ((s: State) => Partial<State>)) {
  const patch = typeof update === 'function' ? update(state) : update
  state = { ...state, ...patch }
  for (const l of listeners) l()
}
export function resetState() { state = initialState(); for (const l of listeners) l() }
export function subscribe(l: () => void) { listeners.add(l); return () => { listeners.delete(l) } }

/** Subscribes a component to one slice of the store. */
export function useStore<T>(select: (s: State) => T): T {
  return useSyncExternalStore(subscribe, () => select(state))
}

export const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.id, i])) as Record<string, T>
export const without = <T>(record: Record<string, T>, id: string) => { const { [id]: _gone, ...rest } = record; return rest }

let toastSeq = 0
export function toast(text: string, opts: Omit<Toast, 'id' | 'text'> = {}) {
  const t = { id: ++toastSeq, text, ...opts }
  setState((s) => ({ toasts: [...s.toasts.slice(-3), t] }))
  setTimeout(() => setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== t.id) })), 6000)
}

export type { BatonEvent }

/** Files fetched or saved by a page: each merged onto what the store already knows of it. */
export function keepResources(items: Resource[]) {
  setState((s) => ({ resources: { ...s.resources, ...Object.fromEntries(items.map((r) => [r.id, { ...s.resources[r.id], ...r }])) } }))
}
