import type { AddressInfo } from 'node:net'
import type { Actor } from '../../src/actions/context'
import { inTransaction } from '../../src/actions/transaction'
import { emit } from '../../src/events/outbox'
import type { EventScope, EventType } from '../../src/events/types'
import type { Privacy } from '../../src/db/schema'
import { createTestContext, type TestContext } from '../harness'
import { WsClient, type ConnectOptions } from './wsClient'

export interface RealtimeContext extends TestContext {
  url: string
  /** Logs the user in and opens a socket with their token. */
  connect(user: { email: string; password: string }, options?: ConnectOptions): Promise<WsClient>
}

/** A listening test app (real sockets need a port). */
export async function createRealtimeContext(overrides: Partial<Record<string, string>> = {}): Promise<RealtimeContext> {
  const ctx = await createTestContext(overrides)
  await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`
  const sockets: WsClient[] = []
  const baseClose = ctx.close
  return Object.assign(ctx, {
    url,
    async connect(user: { email: string; password: string }, options: ConnectOptions = {}) {
      const { accessToken } = await ctx.login(user)
      const client = await WsClient.connect(url, { token: accessToken, ...options })
      sockets.push(client)
      return client
    },
    async close() {
      await Promise.all(sockets.map((s) => s.close()))
      await baseClose()
    },
  })
}

/** Emits one event in its own committed transaction, as an action would, and kicks the relay. */
export function emitEvent(ctx: TestContext, actor: Actor, type: EventType, scope: EventScope, data: unknown = {}) {
  return inTransaction(ctx.services.database.db, { actor, onCommit: () => void ctx.services.relay.kick() },
    (c) => emit(c, type, scope, data))
}

/** A channel row with members (fixture: the channel actions have their own tests). */
export async function createChannel(ctx: TestContext, privacy: Privacy, memberIds: string[]) {
  const db = ctx.services.database.db
  const channel = await db.insertInto('channels').values({ name: `c-${Math.random().toString(36).slice(2, 8)}`, privacy, createdBy: ctx.ceo.id })
    .returning(['id']).executeTakeFirstOrThrow()
  if (memberIds.length) {
    await db.insertInto('channelMembers').values(memberIds.map((userId) => ({ channelId: channel.id, userId }))).execute()
  }
  return channel.id
}

export async function removeMember(ctx: TestContext, channelId: string, userId: string) {
  await ctx.services.database.db.deleteFrom('channelMembers').where('channelId', '=', channelId).where('userId', '=', userId).execute()
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
