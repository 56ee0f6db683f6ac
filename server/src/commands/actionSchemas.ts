/**
 * One zod schema per action type's params (the table of commands.md), and `planSchema` for a whole
 * plan. Every plan — from the rules or from an LLM — is validated here, and the LLM's JSON schema
 * is generated from the same definitions, so the two interpreters cannot drift apart.
 */
import { z } from 'zod'
import { ACTION_TYPES, refsIn, type ActionType, type Plan } from './plan'

const planRef = z.strictObject({ ref: z.string().regex(/^a\d+$/) })
const existingRef = z.strictObject({ id: z.string().min(1), name: z.string() })
export const entityRefSchema = z.union([planRef, existingRef])
const refs = z.array(entityRefSchema).min(1)
const isoDate = z.iso.datetime({ offset: true })
const text = z.string().trim().min(1)

export const PRIORITIES = ['low', 'medium', 'high', 'urgent', 'critical'] as const
export const STATUSES = ['pending', 'in_progress', 'review', 'completed', 'cancelled'] as const
export const DEPENDENCY_TYPES = ['blocks', 'requires', 'follows', 'parallel'] as const
export const RELATIONSHIP_TYPES = ['parent_child', 'collaborative', 'sequential', 'competitive'] as const
export const CHANNEL_TYPES = ['project', 'department', 'initiative', 'temporary'] as const
export const PRIVACIES = ['public', 'private', 'restricted'] as const
export const QUERY_ENTITIES = ['tasks', 'channels', 'messages', 'users'] as const

/** Exactly one of `channel` or `task`. */
const oneTarget = <T extends z.ZodRawShape>(shape: T) =>
  z.union([
    z.strictObject({ ...shape, channel: entityRefSchema }),
    z.strictObject({ ...shape, task: entityRefSchema }),
  ])

export const queryFiltersSchema = z.strictObject({
  assignee: entityRefSchema.optional(),
  status: z.enum(STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  dueAfter: isoDate.optional(),
  dueBefore: isoDate.optional(),
  overdue: z.boolean().optional(),
  blocked: z.boolean().optional(),
  channel: entityRefSchema.optional(),
  role: z.enum(['ceo', 'manager', 'staff']).optional(),
  text: text.optional(),
})

export const actionParamSchemas = {
  CREATE_CHANNEL: z.strictObject({
    name: text,
    description: text.optional(),
    category: text.optional(),
    channelType: z.enum(CHANNEL_TYPES).optional(),
    privacy: z.enum(PRIVACIES).optional(),
    parent: entityRefSchema.optional(),
  }),
  ASSIGN_USER: oneTarget({ users: refs }),
  UNASSIGN_USER: oneTarget({ users: refs }),
  CREATE_TASK: z.strictObject({
    title: text,
    channel: entityRefSchema.optional(),
    parentTask: entityRefSchema.optional(),
    dueDate: isoDate.optional(),
    priority: z.enum(PRIORITIES).optional(),
    assignees: refs.optional(),
    description: text.optional(),
    tags: z.array(text).min(1).optional(),
    estimatedHours: z.number().positive().optional(),
  }),
  UPDATE_TASK: z
    .strictObject({
      task: entityRefSchema,
      title: text.optional(),
      status: z.enum(STATUSES).optional(),
      priority: z.enum(PRIORITIES).optional(),
      description: text.optional(),
    })
    .refine((p) => p.title ?? p.status ?? p.priority ?? p.description, {
      message: 'UPDATE_TASK needs at least one of title, status, priority, description',
    }),
  SET_DEADLINE: z.strictObject({ task: entityRefSchema, dueDate: isoDate }),
  CREATE_DEPENDENCY: z.strictObject({
    task: entityRefSchema,
    dependsOn: entityRefSchema,
    dependencyType: z.enum(DEPENDENCY_TYPES),
  }),
  SEND_MESSAGE: oneTarget({ content: text }),
  SHARE_RESOURCE: oneTarget({ resource: existingRef }),
  UPLOAD_FILE: oneTarget({ name: text }),
  LINK_CHANNELS: z.strictObject({
    channel: entityRefSchema,
    relatedChannel: entityRefSchema,
    relationshipType: z.enum(RELATIONSHIP_TYPES),
  }),
  SET_REMINDER: z.strictObject({
    at: isoDate,
    message: text,
    task: entityRefSchema.optional(),
    users: refs.optional(),
  }),
  ARCHIVE_CHANNEL: z.strictObject({ channel: entityRefSchema }),
  QUERY: z.strictObject({ entity: z.enum(QUERY_ENTITIES), filters: queryFiltersSchema }),
} satisfies Record<ActionType, z.ZodType>

const actionSchema = <T extends ActionType>(type: T) =>
  z.strictObject({
    ref: z.string().regex(/^a\d+$/),
    type: z.literal(type),
    params: actionParamSchemas[type],
    dependsOn: z.array(z.string()),
  })

export const planActionSchema = z.discriminatedUnion(
  'type',
  ACTION_TYPES.map(actionSchema) as unknown as [
    ReturnType<typeof actionSchema>,
    ...ReturnType<typeof actionSchema>[],
  ],
)

/** A whole plan: valid actions, unique refs, and every `{ref}` pointing at an earlier action listed in dependsOn. */
export const planSchema = z
  .strictObject({ actions: z.array(planActionSchema).min(1) })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>()
    plan.actions.forEach((action, index) => {
      if (seen.has(action.ref)) ctx.addIssue({ code: 'custom', message: `duplicate ref ${action.ref}`, path: ['actions', index, 'ref'] })
      for (const used of [...refsIn(action.params), ...action.dependsOn]) {
        if (!seen.has(used))
          ctx.addIssue({ code: 'custom', message: `${action.ref} refers to ${used}, which is not an earlier action`, path: ['actions', index] })
      }
      for (const used of refsIn(action.params))
        if (!action.dependsOn.includes(used))
          ctx.addIssue({ code: 'custom', message: `${action.ref} uses ${used} but does not list it in dependsOn`, path: ['actions', index, 'dependsOn'] })
      seen.add(action.ref)
    })
  })

export type ValidPlan = z.infer<typeof planSchema>

export function validatePlan(plan: unknown): { ok: true; plan: Plan } | { ok: false; error: string } {
  const parsed = planSchema.safeParse(plan)
  if (parsed.success) return { ok: true, plan: parsed.data as Plan }
  return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }
}

/** JSON schema of a plan for an LLM tool definition (the same schemas, without the cross-action checks). */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.strictObject({ actions: z.array(planActionSchema).min(1) }), {
    unrepresentable: 'any',
  }) as Record<string, unknown>
}
