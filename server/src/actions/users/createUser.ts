import type { z } from 'zod'
import { canManageRole, can } from '../../access/permissions'
import { audit } from '../../audit/audit'
import { hashPassword } from '../../auth/passwords'
import { emit } from '../../events/outbox'
import { AppError, forbidden } from '../../http/errors'
import { presentUser } from '../../presenters/presentUser'
import type { ActionContext } from '../context'
import { parseInput } from '../validate'
import { createUserInput } from './userSchemas'

/** Creates a user. The CEO creates anyone but a second CEO; a manager creates staff. Emits user.created. */
export async function createUser(ctx: ActionContext, raw: z.input<typeof createUserInput>) {
  const input = parseInput(createUserInput, raw)
  if (!can(ctx.actor, 'user.create') || !canManageRole(ctx.actor, input.role) || input.role === 'ceo') {
    throw forbidden(input.role === 'ceo' ? 'An organization has one CEO.' : `A ${ctx.actor.role} cannot create ${input.role} accounts.`)
  }
  const taken = await ctx.tx.selectFrom('users').select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email)).executeTakeFirst()
  if (taken) throw new AppError('DUPLICATE', `A user with email ${input.email} already exists.`, [{ field: 'email', message: 'already in use' }])
  const user = await ctx.tx.insertInto('users').values({
    organizationId: ctx.actor.organizationId,
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    avatarUrl: null,
    timezone: input.timezone,
    language: input.language,
    lastActiveAt: null,
    deactivatedAt: null,
    deletedAt: null,
  }).returningAll().executeTakeFirstOrThrow()
  const dto = presentUser(user)
  await emit(ctx, 'user.created', { kind: 'org' }, dto)
  await audit(ctx, { action: 'user.create', entityType: 'user', entityId: user.id, after: dto })
  return user
}
