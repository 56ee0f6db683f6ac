import type { Role } from '../db/schema'
import type { Actor } from '../actions/context'

/**
 * The permission matrix: who may do what, by role (ceo > manager > staff). Every route, action,
 * command plan and real-time filter asks here, so the rules live in one place. Documented in
 * docs/permissions.md; keep the two in step.
 */
export const permissionMatrix = {
  'user.create': ['ceo', 'manager'],          // managers create staff only (see canManageUser)
  'user.list': ['ceo', 'manager', 'staff'],
  'user.update.others': ['ceo', 'manager'],   // managers: staff only
  'user.deactivate': ['ceo', 'manager'],      // managers: staff only
  'user.change_role': ['ceo'],
  'category.create': ['ceo', 'manager'],
  'category.update': ['ceo', 'manager'],
  'category.delete': ['ceo'],
  'channel.create': ['ceo', 'manager'],
  'channel.see_all_private': ['ceo'],
  'channel.manage_any': ['ceo'],              // others: owners/admins of the channel, or its creator
  'task.edit.others': ['ceo', 'manager'],     // staff: tasks they created or are assigned to
  'task.force_blocked': ['ceo', 'manager'],
  'task.delete.others': ['ceo', 'manager'],
  'resource.delete.others': ['ceo', 'manager'],
  'message.delete.others': ['ceo', 'manager'],
  'audit.read': ['ceo'],
  'reminder.set_for_others': ['ceo', 'manager'], // staff: themselves and a visible task's assignees
  'dashboard.read': ['ceo', 'manager'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissionMatrix

const rank: Record<Role, number> = { ceo: 3, manager: 2, staff: 1 }

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (permissionMatrix[permission] as readonly Role[]).includes(actor.role)
}

/** A CEO manages everyone; a manager manages staff; nobody manages a peer or a superior. */
export function canManageRole(actor: Pick<Actor, 'role'>, targetRole: Role): boolean {
  if (actor.role === 'ceo') return true
  return actor.role === 'manager' && targetRole === 'staff'
}

export function outranks(a: Role, b: Role): boolean { return rank[a] > rank[b] }
