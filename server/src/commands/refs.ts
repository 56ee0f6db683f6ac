import { AppError } from '../http/errors'

/** A result of one executed plan action: what it touched, for `{ref}` references and undo. */
export interface ActionResult {
  ref: string
  status: 'done' | 'failed' | 'skipped'
  entity?: { type: EntityType; id: string; name?: string }
  /** Extra entities (e.g. the category a channel created). */
  entities?: Array<{ type: EntityType; id: string; name?: string }>
  /** Read-only answers (QUERY). */
  data?: unknown
  /** How to reverse this action; stored with the command. */
  undo?: UndoStep[]
}

export type EntityType = 'channel' | 'task' | 'user' | 'resource' | 'category' | 'message' | 'dependency' | 'relationship' | 'notification'

export type UndoStep =
  | { kind: 'delete_task'; taskId: string; version: number }
  | { kind: 'remove_channel'; channelId: string }
  | { kind: 'restore_channel'; channelId: string }
  | { kind: 'delete_category'; categoryId: string }
  | { kind: 'remove_members'; channelId: string; userIds: string[] }
  | { kind: 'add_members'; channelId: string; userIds: string[] }
  | { kind: 'set_assignees'; taskId: string; assigneeIds: string[] }
  | { kind: 'restore_task'; taskId: string; fields: Record<string, unknown>; version: number }
  | { kind: 'remove_dependency'; taskId: string; dependencyId: string }
  | { kind: 'delete_message'; messageId: string }
  | { kind: 'unshare_resource'; resourceId: string; linkId: string }
  | { kind: 'delete_resource'; resourceId: string }
  | { kind: 'remove_relationship'; channelId: string; relationshipId: string }
  | { kind: 'cancel_reminders'; notificationIds: string[] }

/** A reference in plan params: `{ref}` to an earlier action's entity, or `{id, name}` to an existing one. */
export type Reference = { ref: string } | { id: string; name?: string }

export function resolveId(value: unknown, results: Map<string, ActionResult>, field: string): string {
  if (value && typeof value === 'object') {
    if ('id' in value && typeof value.id === 'string') return value.id
    if ('ref' in value && typeof value.ref === 'string') {
      const id = results.get(value.ref)?.entity?.id
      if (!id) throw new AppError('VALIDATION_FAILED', `${field} refers to ${value.ref}, which has not produced anything.`)
      return id
    }
  }
  throw new AppError('VALIDATION_FAILED', `${field} must be a reference ({ref} or {id}).`)
}

export function resolveIds(value: unknown, results: Map<string, ActionResult>, field: string): string[] {
  const list = Array.isArray(value) ? value : [value]
  return [...new Set(list.map((v, i) => resolveId(v, results, `${field}[${i}]`)))]
}

export const optionalId = (value: unknown, results: Map<string, ActionResult>, field: string) =>
  value === undefined || value === null ? undefined : resolveId(value, results, field)
