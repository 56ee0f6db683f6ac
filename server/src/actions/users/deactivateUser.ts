import { can, canManageRole } from '../../access/permissions'
import { requireUser } from '../../access/requireUser'
import { audit } from '../../audit/audit'
import { emit } from '../../events/outbox'
import { forbidden } from '../../http/errors'
import { presentUser } from '../../presenters/presentUser'
import type { ActionContext } from '../context'

/** Deactivates an account: it can no longer sign in and its sessions end. Emits user.deactivated. */
export async function deactivateUser(ctx: ActionContext, userId: string) {
  const user = await requireUser(ctx.tx, ctx.actor, userId)
  if (user.id === ctx.actor.id) throw forbidden('You cannot deactivate your own account.')
  if (!can(ctx.actor, 'user.deactivate') || !canManageRole(ctx.actor, user.role)) throw forbidden(`A ${ctx.actor.role} cannot deactivate this user.`)
  if (user.deactivatedAt) return user
  const updated = await ctx.tx.updateTable('users')
    .set((eb) => ({ deactivatedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
    .where('id', '=', user.id).returningAll().executeTakeFirstOrThrow()
  await ctx.tx.updateTable('refreshTokens').set({ revokedAt: ctx.now })
    .where('userId', '=', user.id).where('revokedAt', 'is', null).execute()
  await emit(ctx, 'user.deactivated', { kind: 'org' }, presentUser(updated))
  await audit(ctx, { action: 'user.deactivate', entityType: 'user', entityId: user.id })
  return updated
}
