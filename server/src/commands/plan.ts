/**
 * The plan contract of ../shared/spec/commands.md: an ordered list of actions whose params refer
 * to entities either created earlier in the same plan (`{ref}`) or existing (`{id, name}`).
 */
export const ACTION_TYPES = [
  'CREATE_CHANNEL',
  'ASSIGN_USER',
  'UNASSIGN_USER',
  'CREATE_TASK',
  'UPDATE_TASK',
  'SET_DEADLINE',
  'CREATE_DEPENDENCY',
  'SEND_MESSAGE',
  'SHARE_RESOURCE',
  'UPLOAD_FILE',
  'LINK_CHANNELS',
  'SET_REMINDER',
  'ARCHIVE_CHANNEL',
  'QUERY',
] as const
export type ActionType = (typeof ACTION_TYPES)[number]

/** A reference to an entity created by an earlier action of the same plan. */
export interface PlanRef {
  ref: string
}
/** A reference to an existing entity, resolved at planning time. */
export interface ExistingRef {
  id: string
  name: string
}
export type EntityRef = PlanRef | ExistingRef

export const isPlanRef = (value: unknown): value is PlanRef =>
  typeof value === 'object' && value !== null && typeof (value as PlanRef).ref === 'string'

export const isExistingRef = (value: unknown): value is ExistingRef =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ExistingRef).id === 'string' &&
  typeof (value as ExistingRef).name === 'string'

export interface PlanAction {
  ref: string
  type: ActionType
  params: Record<string, unknown>
  dependsOn: string[]
}

export interface Plan {
  actions: PlanAction[]
}

/** Every `{ref}` mentioned anywhere inside params, in order of first appearance. */
export function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, out)
  else if (isPlanRef(value)) {
    if (!out.includes(value.ref)) out.push(value.ref)
  } else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) refsIn(item, out)
  return out
}
