import { z } from 'zod'

const name = z.string().trim().min(1).max(100)
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #3366ff')

export const createCategoryInput = z.strictObject({
  name,
  description: z.string().max(2000).nullish(),
  color: color.nullish(),
  icon: z.string().trim().max(50).nullish(),
  priorityLevel: z.number().int().min(1).max(10).optional(),
})

export const updateCategoryInput = z.strictObject({
  name: name.optional(),
  description: z.string().max(2000).nullable().optional(),
  color: color.nullable().optional(),
  icon: z.string().trim().max(50).nullable().optional(),
  priorityLevel: z.number().int().min(1).max(10).optional(),
  version: z.number().int().positive().optional(),
})
