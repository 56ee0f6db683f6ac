import type { Database } from '../db/database'
import { hashPassword } from '../auth/passwords'
import type { Actor } from '../actions/context'

/**
 * On an empty database: creates the organization and, when configured, its CEO. This is the one
 * write outside the action layer, because actions need an actor and the first CEO has none.
 */
export async function bootstrapOrganization(db: Database, options: {
  organizationName: string
  ceo?: { email: string; password: string; name: string }
}): Promise<{ organizationId: string; ceo: Actor | null; created: boolean }> {
  let org = await db.selectFrom('organizations').select('id').orderBy('createdAt').executeTakeFirst()
  if (!org) {
    org = await db.insertInto('organizations').values({ name: options.organizationName }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('eventCounters').values({ organizationId: org.id, lastId: 0 }).onConflict((oc) => oc.doNothing()).execute()
  }
  let ceo = await db.selectFrom('users').select(['id', 'organizationId', 'role', 'name', 'email'])
    .where('organizationId', '=', org.id).where('role', '=', 'ceo').where('deactivatedAt', 'is', null).executeTakeFirst()
  let created = false
  if (!ceo && options.ceo) {
    ceo = await db.insertInto('users').values({
      organizationId: org.id,
      email: options.ceo.email.toLowerCase(),
      name: options.ceo.name,
      role: 'ceo',
      passwordHash: await hashPassword(options.ceo.password),
      avatarUrl: null, lastActiveAt: null, deactivatedAt: null, deletedAt: null,
    }).returning(['id', 'organizationId', 'role', 'name', 'email']).executeTakeFirstOrThrow()
    created = true
  }
  return { organizationId: org.id, ceo: ceo ?? null, created }
}
