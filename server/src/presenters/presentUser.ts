import type { User } from '../db/schema'

/** A user as other people see them. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    avatarUrl: user.avatarUrl,
    language: user.language,
    timezone: user.timezone,
    active: user.deactivatedAt === null,
    lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  }
}

/** A user as they see themselves: with their preferences. */
export function presentSelf(user: User) {
  return { ...presentUser(user), notificationSettings: user.notificationSettings }
}

export type UserDto = ReturnType<typeof presentUser>
