import type { ActionContext } from '../actions/context'
import { addChannelMembers } from '../actions/channels/addChannelMembers'
import { archiveChannel } from '../actions/channels/archiveChannel'
import { createChannel } from '../actions/channels/createChannel'
import { linkChannels } from '../actions/channels/linkChannels'
import { removeChannelMembers } from '../actions/channels/removeChannelMembers'
import { postMessage } from '../actions/messages/postMessage'
import { setReminder } from '../actions/notifications/setReminder'
import { createPendingUpload } from '../actions/resources/createPendingUpload'
import { shareResource } from '../actions/resources/shareResource'
import { addDependency } from '../actions/tasks/addDependency'
import { assignTaskUsers, unassignTaskUsers } from '../actions/tasks/assignTaskUsers'
import { createTask } from '../actions/tasks/createTask'
import { setTaskDeadline } from '../actions/tasks/setTaskDeadline'
import { updateTask } from '../actions/tasks/updateTask'
import { requireTask } from '../access/tasks'
import { invalid } from '../http/errors'
import { runQuery } from './query'
import { optionalId, resolveId, resolveIds, type ActionResult } from './refs'

type Params = Record<string, any>
type Outcome = Omit<ActionResult, 'ref' | 'status'>
export type Handler = (ctx: ActionContext, params: Params, results: Map<string, ActionResult>) => Promise<Outcome>

/** Which of `channel` / `task` a plan action targets: exactly one. */
function target(params: Params, results: Map<string, ActionResult>) {
  const channelId = optionalId(params.channel, results, 'channel')
  const taskId = optionalId(params.task, results, 'task')
  if (Boolean(channelId) === Boolean(taskId)) throw invalid('Name exactly one of a channel or a task.')
  return { channelId, taskId }
}

/**
 * The command engine's door into the action layer: each spec action type maps to exactly one
 * action (style.md: "Plans go through the same doors as HTTP"). Handlers translate plan params
 * and references into action input, and say how to undo what they did.
 */
export const registry: Record<string, Handler> = {
  async CREATE_CHANNEL(ctx, p, results) {
    const { channel, category } = await createChannel(ctx, {
      name: p.name, description: p.description, categoryName: p.category, channelType: p.channelType, privacy: p.privacy,
      parentChannelId: optionalId(p.parent, results, 'parent'),
    })
    return {
      entity: { type: 'channel', id: channel.id, name: channel.name },
      entities: category?.created ? [{ type: 'category', id: category.id, name: category.name }] : [],
      undo: [{ kind: 'remove_channel', channelId: channel.id }, ...(category?.created ? [{ kind: 'delete_category' as const, categoryId: category.id }] : [])],
    }
  },

  async ASSIGN_USER(ctx, p, results) {
    const userIds = resolveIds(p.users, results, 'users')
    const { channelId, taskId } = target(p, results)
    if (channelId) {
      const added = await addChannelMembers(ctx, channelId, { userIds })
      const newIds = added.map((m) => m.userId)
      return { entity: { type: 'channel', id: channelId }, undo: newIds.length ? [{ kind: 'remove_members', channelId, userIds: newIds }] : [] }
    }
    const before = await requireTask(ctx.tx, ctx.actor, taskId!)
    const task = await assignTaskUsers(ctx, taskId!, { userIds })
    return { entity: { type: 'task', id: task.id, name: task.title }, undo: [{ kind: 'set_assignees', taskId: task.id, assigneeIds: before.assignedTo }] }
  },

  async UNASSIGN_USER(ctx, p, results) {
    const userIds = resolveIds(p.users, results, 'users')
    const { channelId, taskId } = target(p, results)
    if (channelId) {
      const removed = await removeChannelMembers(ctx, channelId, { userIds })
      const ids = removed.map((m) => m.userId)
      return { entity: { type: 'channel', id: channelId }, undo: ids.length ? [{ kind: 'add_members', channelId, userIds: ids }] : [] }
    }
    const before = await requireTask(ctx.tx, ctx.actor, taskId!)
    const task = await unassignTaskUsers(ctx, taskId!, { userIds })
    return { entity: { type: 'task', id: task.id, name: task.title }, undo: [{ kind: 'set_assignees', taskId: task.id, assigneeIds: before.assignedTo }] }
  },

  async CREATE_TASK(ctx, p, results) {
    const task = await createTask(ctx, {
      title: p.title, description: p.description, dueDate: p.dueDate, priority: p.priority, tags: p.tags, estimatedHours: p.estimatedHours,
      channelId: optionalId(p.channel, results, 'channel'),
      parentTaskId: optionalId(p.parentTask, results, 'parentTask'),
      assigneeIds: p.assignees ? resolveIds(p.assignees, results, 'assignees') : undefined,
    })
    return { entity: { type: 'task', id: task.id, name: task.title }, undo: [{ kind: 'delete_task', taskId: task.id, version: task.version }] }
  },

  async UPDATE_TASK(ctx, p, results) {
    const taskId = resolveId(p.task, results, 'task')
    const before = await requireTask(ctx.tx, ctx.actor, taskId)
    const changes = Object.fromEntries(['title', 'status', 'priority', 'description'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]))
    const task = await updateTask(ctx, taskId, changes)
    const previous = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as Record<string, unknown>)[k]]))
    return { entity: { type: 'task', id: task.id, name: task.title }, undo: [{ kind: 'restore_task', taskId, fields: previous, version: task.version }] }
  },

  async SET_DEADLINE(ctx, p, results) {
    const taskId = resolveId(p.task, results, 'task')
    const before = await requireTask(ctx.tx, ctx.actor, taskId)
    const task = await setTaskDeadline(ctx, taskId, p.dueDate ?? null)
    return { entity: { type: 'task', id: task.id, name: task.title },
      undo: [{ kind: 'restore_task', taskId, fields: { dueDate: before.dueDate?.toISOString() ?? null }, version: task.version }] }
  },

  async CREATE_DEPENDENCY(ctx, p, results) {
    const taskId = resolveId(p.task, results, 'task')
    const dep = await addDependency(ctx, taskId, { dependsOnTaskId: resolveId(p.dependsOn, results, 'dependsOn'), dependencyType: p.dependencyType })
    return { entity: { type: 'dependency', id: dep.id }, undo: [{ kind: 'remove_dependency', taskId, dependencyId: dep.id }] }
  },

  async SEND_MESSAGE(ctx, p, results) {
    const { channelId, taskId } = target(p, results)
    const message = await postMessage(ctx, { channelId, taskId, content: p.content })
    return { entity: { type: 'message', id: message.id }, undo: [{ kind: 'delete_message', messageId: message.id }] }
  },

  async SHARE_RESOURCE(ctx, p, results) {
    const { channelId, taskId } = target(p, results)
    const resourceId = resolveId(p.resource, results, 'resource')
    const link = await shareResource(ctx, { resourceId, entityType: channelId ? 'channel' : 'task', entityId: (channelId ?? taskId)! })
    return { entity: { type: 'resource', id: resourceId, name: p.resource?.name }, undo: [{ kind: 'unshare_resource', resourceId, linkId: link.id }] }
  },

  async UPLOAD_FILE(ctx, p, results) {
    const { channelId, taskId } = target(p, results)
    const resource = await createPendingUpload(ctx, { name: p.name, channelId, taskId })
    return { entity: { type: 'resource', id: resource.id, name: resource.name }, undo: [{ kind: 'delete_resource', resourceId: resource.id }] }
  },

  async LINK_CHANNELS(ctx, p, results) {
    const channelId = resolveId(p.channel, results, 'channel')
    const relationship = await linkChannels(ctx, { channelId, relatedChannelId: resolveId(p.relatedChannel, results, 'relatedChannel'), relationshipType: p.relationshipType })
    return { entity: { type: 'relationship', id: relationship.id }, undo: [{ kind: 'remove_relationship', channelId, relationshipId: relationship.id }] }
  },

  async SET_REMINDER(ctx, p, results) {
    const ids = await setReminder(ctx, {
      at: p.at, message: p.message, taskId: optionalId(p.task, results, 'task'),
      userIds: p.users ? resolveIds(p.users, results, 'users') : undefined,
    })
    const notificationIds = Array.isArray(ids) ? ids.map((n: string | { id: string }) => (typeof n === 'string' ? n : n.id)) : []
    return { entity: notificationIds[0] ? { type: 'notification', id: notificationIds[0] } : undefined, undo: [{ kind: 'cancel_reminders', notificationIds }] }
  },

  async ARCHIVE_CHANNEL(ctx, p, results) {
    const channelId = resolveId(p.channel, results, 'channel')
    const channel = await archiveChannel(ctx, channelId)
    return { entity: { type: 'channel', id: channelId, name: channel.name }, undo: [{ kind: 'restore_channel', channelId }] }
  },

  async QUERY(ctx, p) {
    return { data: await runQuery(ctx, p.entity, p.filters ?? {}) }
  },
}
