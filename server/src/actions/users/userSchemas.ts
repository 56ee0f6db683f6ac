import { z } from 'zod'

export const roleSchema = z.enum(['ceo', 'manager', 'staff'])
export const languageSchema = z.enum(['en', 'es'])
export const timezoneSchema = z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid')
export const notificationSettingsSchema = z.strictObject({
  muted: z.boolean().optional(),
  types: z.partialRecord(z.enum(['task_assigned', 'deadline_reminder', 'channel_invite', 'task_completed', 'mention',
    'dependency_unblocked', 'reminder', 'system']), z.boolean()).optional(),
  quietHours: z.strictObject({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) }).optional(),
})

export const createUserInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  timezone: timezoneSchema.optional(),
  language: languageSchema.optional(),
})

export const updateUserInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  avatarUrl: z.url().max(2000).nullable().optional(),
  timezone: timezoneSchema.optional(),
  language: languageSchema.optional(),
  notificationSettings: notificationSettingsSchema.optional(),
  role: roleSchema.optional(),
  password: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  version: z.number().int().positive().optional(),
})

function isTimeZone(value: string): boolean {
  try { new Intl.DateTimeFormat('en', { timeZone: value }); return true } catch { return false }
}
