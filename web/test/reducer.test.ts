/** The client store's reducer: events applied in order, duplicates at a resume seam dropped. */
import { describe, expect, it } from 'vitest'
import { initialState, type State } from '../src/state/store'
import { reduce } from '../src/state/reducer'

const task = (id: string, over: Record<string, unknown> = {}) => ({ id, title: `T${id}`, status: 'pending', assigneeIds: [], channelId: 'c1', ...over }) as never

describe('reduce', () => {
  it('applies task and channel events and records the last event id', () => {
    let s = initialState()
    s = reduce(s, { id: 1, type: 'channel.created', at: '', data: { id: 'c1', name: 'Q1 Campaign', categoryId: null, privacy: 'public' } })
    s = reduce(s, { id: 2, type: 'task.created', at: '', data: task('t1') })
    s = reduce(s, { id: 3, type: 'task.updated', at: '', data: task('t1', { status: 'in_progress' }) })
    expect(s.channels.c1!.name).toBe('Q1 Campaign')
    expect(s.tasks.t1!.status).toBe('in_progress')
    expect(s.lastEventId).toBe(3)
  })

  it('drops an event it already applied (resume seam) and keeps ephemeral presence without an id', () => {
    let s = reduce(initialState(), { id: 5, type: 'task.created', at: '', data: task('t1') })
    const again = reduce(s, { id: 5, type: 'task.deleted', at: '', data: { id: 't1' } })
    expect(again).toBe(s)
    s = reduce(s, { type: 'presence.changed', at: '', data: { userId: 'u1', status: 'online', viewingChannelId: 'c1' } })
    expect(s.presence.u1).toEqual({ status: 'online', viewing: 'c1' })
    expect(s.lastEventId).toBe(5)
  })

  it('shows a channel to someone just added (the event carries it) and hides a private one on removal', () => {
    let s: State = { ...initialState(), me: { id: 'me', role: 'staff' } as State['me'] }
    const channel = { id: 'c2', name: 'Secret', categoryId: null, privacy: 'private' }
    s = reduce(s, { id: 1, type: 'channel.member_added', at: '', data: { channelId: 'c2', channel, members: [] } })
    expect(s.channels.c2).toBeDefined()
    s = reduce(s, { id: 2, type: 'channel.member_removed', at: '', data: { channelId: 'c2', channel, userIds: ['me'] } })
    expect(s.channels.c2).toBeUndefined()
  })

  it('channel.read of mine sets the badge to what is left (zero for the channel I look at); someone else\'s changes nothing', () => {
    let s: State = { ...initialState(), me: { id: 'me', role: 'staff' } as State['me'], unread: { c1: 5, c2: 3 }, viewingChannel: 'c2' }
    s = reduce(s, { id: 1, type: 'channel.read', at: '', data: { channelId: 'c1', userId: 'me', lastReadAt: '2026-01-01T00:00:00.000Z', unreadCount: 2 } })
    expect(s.unread).toEqual({ c1: 2, c2: 3 })
    s = reduce(s, { id: 2, type: 'channel.read', at: '', data: { channelId: 'c2', userId: 'me', lastReadAt: '2026-01-01T00:00:00.000Z', unreadCount: 1 } })
    s = reduce(s, { id: 3, type: 'channel.read', at: '', data: { channelId: 'c1', userId: 'other', lastReadAt: '2026-01-01T00:00:00.000Z', unreadCount: 0 } })
    expect(s.unread).toEqual({ c1: 2, c2: 0 })
  })

  it('keeps a loaded task\'s comments live (keyed by the task) without touching channel unread badges', () => {
    const comment = (id: string, content: string) => ({ id, channelId: null, taskId: 't1', userId: 'other', content, replyTo: null, createdAt: '' })
    let s: State = { ...initialState(), me: { id: 'me', role: 'staff' } as State['me'] }
    expect(reduce(s, { id: 1, type: 'message.created', at: '', data: comment('m0', 'not loaded') }).messages).toEqual({}) // nobody looks at it
    s = { ...s, messages: { t1: [] } }
    s = reduce(s, { id: 2, type: 'message.created', at: '', data: comment('m1', 'Looks good') })
    s = reduce(s, { id: 3, type: 'message.updated', at: '', data: comment('m1', 'Looks great') })
    expect(s.messages.t1!.map((m) => m.content)).toEqual(['Looks great'])
    expect(s.unread).toEqual({})
    s = reduce(s, { id: 4, type: 'message.deleted', at: '', data: comment('m1', '') })
    expect(s.messages.t1).toEqual([])
  })

  it('keeps files live: created, shared, processing progress, ready, unshared and deleted', () => {
    const link = { id: 'l1', resourceId: 'r1', entityType: 'channel', entityId: 'c1', linkType: 'attachment', createdBy: 'u1', createdAt: '' }
    const file = (over: Record<string, unknown> = {}) => ({ id: 'r1', name: 'plan.txt', status: 'processing', metadata: {}, links: [], ...over }) as never
    let s = reduce(initialState(), { id: 1, type: 'resource.created', at: '', data: file() })
    s = reduce(s, { id: 2, type: 'resource.shared', at: '', data: { link, resource: file() } })
    expect(s.resources.r1!.links).toEqual([link])
    s = reduce(s, { id: 3, type: 'resource.processing', at: '', data: { id: 'r1', name: 'plan.txt', stage: 'extracting', percent: 35 } })
    expect(s.resources.r1!.metadata).toEqual({ processing: { stage: 'extracting', percent: 35 } })
    s = reduce(s, { id: 4, type: 'resource.updated', at: '', data: file({ status: 'ready', metadata: { analysis: { summary: 'S' } }, links: [link] }) })
    expect(s.resources.r1).toMatchObject({ status: 'ready', metadata: { analysis: { summary: 'S' } } })
    expect(reduce(s, { id: 5, type: 'resource.processing', at: '', data: { id: 'unknown', stage: 'reading', percent: 10 } }).resources).toBe(s.resources)
    s = reduce(s, { id: 6, type: 'resource.unshared', at: '', data: link })
    expect(s.resources.r1!.links).toEqual([])
    s = reduce(s, { id: 7, type: 'resource.deleted', at: '', data: { id: 'r1' } })
    expect(s.resources).toEqual({})
  })
})
