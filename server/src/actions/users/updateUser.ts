import type { z } from 'zod'
import { can, canManageRole } from '../../access/permissions'
import { requireUser } from '../../access/requireUser'
import { audit } from '../../audit/audit'
import { hashPassword } from '../../auth/passwords'
import type { UserUpdate } from '../../db/schema'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentSelf, presentUser } from '../../presenters/presentUser'
import type { ActionContext } from '../context'
import { checkVersion, parseInput } from '../validate'
import { updateUserInput } from './userSchemas'

/**
 * Updates a profile and preferences. Anyone edits themselves (except their role); the CEO edits
 * anyone, a manager edits staff; only the CEO changes roles. Emits user.updated.
 */
export async function updateUser(ctx: ActionContext, userId: string, raw: z.input<typeof updateUserInput>) {
  const input = parseInput(updateUserInput, raw)
  const user = await requireUser(ctx.tx, ctx.actor, userId)
  const self = user.id === ctx.actor.id
  if (!self && !(can(ctx.actor, 'user.update.others') && canManageRole(ctx.actor, user.role))) {
    throw forbidden(`A ${ctx.actor.role} cannot edit this user.`)
  }
  if (input.role !== undefined && input.role !== user.role) {
    if (!can(ctx.actor, 'user.change_role') || self) throw forbidden('Only the CEO can change roles, and not their own.')
    if (input.role === 'ceo') throw forbidden('An organization has one CEO.')
  }
  if (input.password !== undefined && !self) throw forbidden('Only the account holder can change a password.')
  checkVersion(user, input.version, () => presentUser(user))

  const changes: UserUpdate = {}
  if (input.name !== undefined) changes.name = input.name
  if (input.avatarUrl !== undefined) changes.avatarUrl = input.avatarUrl
  if (input.timezone !== undefined) changes.timezone = input.timezone
  if (input.language !== undefined) changes.language = input.language
  if (input.notificationSettings !== undefined) changes.notificationSettings = JSON.stringify(input.notificationSettings)
  if (input.role !== undefined) changes.role = input.role
  if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password)

  const updated = await ctx.tx.updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: ctx.now }))
    .where('id', '=', user.id).returningAll().executeTakeFirstOrThrow()
  await emit(ctx, 'user.updated', { kind: 'org' }, presentUser(updated))
  await audit(ctx, { action: 'user.update', entityType: 'user', entityId: user.id,
    before: presentSelf(user), after: presentSelf(updated) })
  return updated
}
