import { z } from 'zod'

export const taskPriority = z.enum(['low', 'medium', 'high', 'urgent', 'critical'])
export const taskStatus = z.enum(['pending', 'in_progress', 'review', 'completed', 'cancelled'])
export const dependencyType = z.enum(['blocks', 'requires', 'follows', 'parallel'])
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
const hours = z.number().min(0).max(10_000)
const tags = z.array(z.string().trim().min(1).max(50)).max(30).transform((t) => [...new Set(t)])

export const createTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).nullish(),
  channelId: z.uuid().nullish(),
  parentTaskId: z.uuid().nullish(),
  priority: taskPriority.optional(),
  status: z.enum(['pending', 'in_progress', 'review']).optional(),
  complexity: z.number().int().min(1).max(10).optional(),
  dueDate: isoDate.nullish(),
  assigneeIds: z.array(z.uuid()).max(50).optional(),
  tags: tags.optional(),
  estimatedHours: hours.nullish(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})

export const updateTaskInput = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(20_000).nullable().optional(),
  channelId: z.uuid().nullable().optional(),
  parentTaskId: z.uuid().nullable().optional(),
  priority: taskPriority.optional(),
  status: taskStatus.optional(),
  complexity: z.number().int().min(1).max(10).optional(),
  dueDate: isoDate.nullable().optional(),
  assigneeIds: z.array(z.uuid()).max(50).optional(),
  tags: tags.optional(),
  estimatedHours: hours.nullable().optional(),
  actualHours: hours.nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Managers and the CEO may move a task past an open blocker. */
  force: z.boolean().optional(),
  version: z.number().int().positive().optional(),
})

export const addDependencyInput = z.strictObject({
  dependsOnTaskId: z.uuid(),
  dependencyType: dependencyType.default('blocks'),
})

export const assigneesInput = z.strictObject({ userIds: z.array(z.uuid()).min(1).max(50) })
