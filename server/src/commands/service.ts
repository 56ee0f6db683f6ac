import { sql } from 'kysely'
import type { Actor } from '../actions/context'
import { inTransaction } from '../actions/transaction'
import type { Database } from '../db/database'
import type { Command } from '../db/schema'
import { emit } from '../events/outbox'
import { AppError } from '../http/errors'
import { loadDirectory } from './directory'
import { executePlan, PlanActionError, type PlanStep } from './execute'
import { interpretCommand, type Interpretation } from './interpreter'
import { presentCommand } from './presentCommand'
import type { ActionResult } from './refs'
import { undoCommand } from './undo'

export interface CommandRequest {
  text: string
  dryRun?: boolean
  now?: Date
  timezone?: string
  channelId?: string
  sessionId?: string
  idempotencyKey?: string
  source?: 'text' | 'voice'
  sttMs?: number
  /** Voice: a low-confidence transcript is always planned for confirmation, never executed. */
  requireConfirmation?: boolean
  transcriptMeta?: Record<string, unknown>
}

export interface CommandDeps { db: Database; onCommit?: () => void }

const UNDO = /^\s*(undo|undo that|undo the last( one| command)?|deshaz( eso)?|deshacer( eso)?|anula( eso)?)\s*[.!]?\s*$/i
const DESTRUCTIVE = new Set(['UNASSIGN_USER', 'ARCHIVE_CHANNEL'])
/** Answers to "Shall I go ahead?" about the session's plan that waits for confirmation. */
const CONFIRM = /^(yes|yeah|yep|yes please|sure|confirm|confirmed|do it|go ahead|ok|okay|s[ií]|s[ií] por favor|confirma|confirmo|hazlo|adelante|vale)$/i
const DECLINE = /^(no|nope|no thanks|cancel|cancel that|cancel it|never mind|stop|no gracias|cancela|cancélalo|olvídalo|déjalo)$/i

/**
 * One command, start to finish: interpret the sentence against what the speaker can see, then
 * either store it (dry run, clarification, not understood) or execute the whole plan in ONE
 * transaction with the speaker's permissions. Every command is stored, whatever its outcome.
 */
export async function runCommand(deps: CommandDeps, actor: Actor, request: CommandRequest) {
  const started = performance.now()
  if (request.idempotencyKey) {
    const previous = await findByIdempotencyKey(deps.db, actor, request.idempotencyKey)
    if (previous) return presentCommand(previous)
  }
  if (UNDO.test(request.text)) {
    const last = await deps.db.selectFrom('commands').selectAll().where('userId', '=', actor.id).where('status', '=', 'completed')
      .$if(Boolean(request.sessionId), (q) => q.where('sessionId', '=', request.sessionId!))
      .orderBy('createdAt', 'desc').limit(1).executeTakeFirst()
    if (!last) throw new AppError('UNDO_NOT_POSSIBLE', 'There is no command of yours to undo.')
    return undoCommand(deps, actor, last.id)
  }

  const said = request.text.replace(/[,.!?¡¿]/g, ' ').replace(/\s+/g, ' ').trim()
  if (request.sessionId && (CONFIRM.test(said) || DECLINE.test(said))) {
    const answered = await answerPlan(deps, actor, request.sessionId, CONFIRM.test(said), Boolean(request.requireConfirmation), request.idempotencyKey)
    if (answered) return answered
  }

  const now = request.now ?? new Date()
  const timezone = request.timezone ?? (await userTimezone(deps.db, actor))
  const directory = await loadDirectory(deps.db, actor)
  const recent = request.sessionId ? await sessionEntities(deps.db, actor, request.sessionId) : []
  const pending = request.sessionId ? await pendingClarification(deps.db, actor, request.sessionId) : null

  const interpretStarted = performance.now()
  const interpretation: Interpretation = await interpretCommand({
    text: request.text, now, timezone, speaker: { id: actor.id, name: actor.name }, directory,
    context: { channelId: request.channelId, recent },
  }, pending?.pending ?? undefined)
  const interpretMs = performance.now() - interpretStarted
  const timings = { sttMs: Math.round(request.sttMs ?? 0), interpretMs: round(interpretMs), executeMs: 0, totalMs: 0 }
  const base = {
    userId: actor.id, sessionId: request.sessionId ?? null, transcript: request.text, language: interpretation.language,
    interpreter: interpretation.interpreter, source: request.source ?? 'text', idempotencyKey: request.idempotencyKey ?? null,
    intentAnalysis: JSON.stringify({ now: now.toISOString(), timezone, channelId: request.channelId ?? null,
      fallbackReason: interpretation.fallbackReason ?? null, answered: pending?.id ?? null, ...request.transcriptMeta }),
  }
  const finish = () => ({ ...timings, totalMs: round(performance.now() - started + (request.sttMs ?? 0)) })

  if (interpretation.kind === 'not_understood') {
    await store(deps.db, { ...base, status: 'failed', plan: null, error: JSON.stringify({ code: 'COMMAND_NOT_UNDERSTOOD', message: interpretation.message }), timings: JSON.stringify(finish()) })
    throw new AppError('COMMAND_NOT_UNDERSTOOD', interpretation.message)
  }
  if (pending) await deps.db.updateTable('commands').set({ status: 'failed', error: JSON.stringify({ code: 'SUPERSEDED', message: 'Answered by a later command.' }) })
    .where('id', '=', pending.id).execute()
  if (interpretation.kind === 'clarify') {
    const row = await store(deps.db, { ...base, status: 'needs_clarification', question: interpretation.question,
      pending: JSON.stringify(interpretation.pending), plan: null, timings: JSON.stringify(finish()) })
    return presentCommand(row)
  }

  const plan = interpretation.plan
  const mustConfirm = request.requireConfirmation || (request.source === 'voice' && plan.actions.some((a: PlanStep) => DESTRUCTIVE.has(a.type) || isDestructiveUpdate(a)))
  const readOnly = plan.actions.every((a: PlanStep) => a.type === 'QUERY')
  if ((request.dryRun || mustConfirm) && !readOnly) {
    const row = await store(deps.db, { ...base, status: 'planned', dryRun: true, plan: JSON.stringify(plan),
      intentAnalysis: JSON.stringify({ ...JSON.parse(base.intentAnalysis), snapshot: await snapshot(deps.db, plan.actions), confirmationRequired: mustConfirm }),
      timings: JSON.stringify(finish()) })
    return presentCommand(row)
  }
  return execute(deps, actor, { ...base, plan }, plan.actions, timings, started, request.sttMs ?? 0, now)
}

/** "Yes" runs the session's latest plan (as /execute would); "no" cancels it; null when no plan waits. */
async function answerPlan(deps: CommandDeps, actor: Actor, sessionId: string, yes: boolean, heardUnsure: boolean, idempotencyKey?: string) {
  const latest = await deps.db.selectFrom('commands').selectAll().where('userId', '=', actor.id).where('sessionId', '=', sessionId)
    .orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (latest?.status !== 'planned') return null // not an answer: the interpreter reads it as a command
  if (yes && heardUnsure) return presentCommand(latest) // a "yes" we are not sure we heard runs nothing: ask again
  if (yes) return executeStoredCommand(deps, actor, latest.id, idempotencyKey)
  return cancelStoredCommand(deps, actor, latest.id)
}

/** Cancels one of my plans that waits for confirmation (a click on Cancel, or a spoken "no"). */
export async function cancelStoredCommand(deps: CommandDeps, actor: Actor, commandId: string) {
  const row = await deps.db.selectFrom('commands').select(['status', 'language']).where('id', '=', commandId).where('userId', '=', actor.id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `No command with id ${commandId}.`)
  const language = row.language === 'es' ? 'es' : 'en'
  const cancelled = await deps.db.updateTable('commands').set({
    status: 'failed', updatedAt: new Date(),
    error: JSON.stringify({ code: 'CANCELLED', message: language === 'es' ? 'Cancelado; no he cambiado nada.' : 'Cancelled; nothing was changed.' }),
  }).where('id', '=', commandId).where('userId', '=', actor.id).where('status', '=', 'planned').returningAll().executeTakeFirst()
  if (!cancelled) throw new AppError('CONFLICT', row.status === 'planned' ? 'That plan is already running.' : `Only a plan waiting for confirmation can be cancelled; this command is ${row.status}.`)
  return presentCommand(cancelled)
}

/** Runs a stored dry-run plan unchanged; refused when something it names changed meanwhile. */
export async function executeStoredCommand(deps: CommandDeps, actor: Actor, commandId: string, idempotencyKey?: string) {
  const started = performance.now()
  const command = await deps.db.selectFrom('commands').selectAll().where('id', '=', commandId).where('userId', '=', actor.id).executeTakeFirst()
  if (!command) throw new AppError('NOT_FOUND', `No command with id ${commandId}.`)
  if (command.status !== 'planned') {
    if (command.status === 'completed' || command.status === 'failed') return presentCommand(command) // a retried confirm
    throw new AppError('CONFLICT', `This command is ${command.status.replace('_', ' ')}, not a plan waiting to run.`)
  }
  const plan = command.plan as { actions: PlanStep[] }
  const analysis = (command.intentAnalysis ?? {}) as { snapshot?: Snapshot[]; now?: string }
  const changed = await changedSince(deps.db, analysis.snapshot ?? [])
  if (changed) throw new AppError('CONFLICT', `${changed} changed since this plan was made; plan the command again.`, { changed })
  const timings = { ...(command.timings as Record<string, number>), executeMs: 0, totalMs: 0 }
  return execute(deps, actor, { id: command.id, idempotencyKey: idempotencyKey ?? null }, plan.actions, timings, started, 0, new Date())
}

async function execute(deps: CommandDeps, actor: Actor, row: Record<string, unknown> & { id?: string }, actions: PlanStep[],
  timings: Record<string, number>, started: number, sttMs: number, now: Date) {
  const executeStarted = performance.now()
  const plan = { actions }
  try {
    const stored = await inTransaction(deps.db, { actor, onCommit: deps.onCommit, now }, async (ctx) => {
      const command = row.id
        ? await ctx.tx.updateTable('commands').set({ status: 'processing', updatedAt: ctx.now }).where('id', '=', row.id).where('status', '=', 'planned')
            .returningAll().executeTakeFirst()
        : await ctx.tx.insertInto('commands').values({ ...(row as object), plan: JSON.stringify(plan), status: 'processing' } as never).returningAll().executeTakeFirstOrThrow()
      if (!command) throw new AppError('CONFLICT', 'This plan is already being executed.')
      const results = await executePlan(ctx, command.id, actions)
      const finalTimings = { ...timings, executeMs: round(performance.now() - executeStarted), totalMs: round(performance.now() - started + sttMs) }
      const done = await ctx.tx.updateTable('commands').set({
        status: 'completed', results: JSON.stringify(results), timings: JSON.stringify(finalTimings),
        processingTimeMs: Math.round(finalTimings.totalMs), updatedAt: ctx.now, idempotencyKey: command.idempotencyKey ?? (row.idempotencyKey as string | null) ?? null,
      }).where('id', '=', command.id).returningAll().executeTakeFirstOrThrow()
      await emit(ctx, 'command.completed', { kind: 'users', userIds: [actor.id] }, presentCommand(done).command)
      return done
    })
    return presentCommand(stored)
  } catch (error) {
    if (isUniqueViolation(error) && row.idempotencyKey) {
      const first = await findByIdempotencyKey(deps.db, actor, row.idempotencyKey as string)
      if (first) return presentCommand(first)
    }
    if (!(error instanceof AppError)) throw error
    const failure = { code: error.code, message: error.message, ref: error instanceof PlanActionError ? error.ref : undefined,
      ...(error.details !== undefined ? { details: error.details } : {}) }
    const finalTimings = { ...timings, executeMs: round(performance.now() - executeStarted), totalMs: round(performance.now() - started + sttMs) }
    const failed = await inTransaction(deps.db, { actor, onCommit: deps.onCommit }, async (ctx) => {
      const values = { status: 'failed' as const, error: JSON.stringify(failure), timings: JSON.stringify(finalTimings), updatedAt: ctx.now }
      const command = row.id
        ? await ctx.tx.updateTable('commands').set(values).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()
        : await ctx.tx.insertInto('commands').values({ ...(row as object), ...values, plan: JSON.stringify(plan) } as never).returningAll().executeTakeFirstOrThrow()
      await emit(ctx, 'command.failed', { kind: 'users', userIds: [actor.id] }, presentCommand(command).command)
      return command
    })
    return presentCommand(failed)
  }
}

type Snapshot = { type: string; id: string; version: number | null; name?: string }

/** Versions of the existing entities a plan names, to detect changes before a confirmed run. */
async function snapshot(db: Database, actions: PlanStep[]): Promise<Snapshot[]> {
  const refs = new Map<string, string | undefined>()
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk)
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.id === 'string') refs.set(o.id, typeof o.name === 'string' ? o.name : undefined)
      else Object.values(o).forEach(walk)
    }
  }
  actions.forEach((a) => walk(a.params))
  if (!refs.size) return []
  const ids = [...refs.keys()]
  const rows = await sql<{ type: string; id: string; version: number | null }>`
    select 'task' as type, id, version from tasks where id = any(${ids}::uuid[]) and deleted_at is null
    union all select 'channel', id, version from channels where id = any(${ids}::uuid[]) and deleted_at is null
    union all select 'user', id, case when deactivated_at is null then 0 else -1 end from users where id = any(${ids}::uuid[])
    union all select 'resource', id, version from shared_resources where id = any(${ids}::uuid[]) and deleted_at is null`.execute(db)
  return ids.map((id) => {
    const row = rows.rows.find((r) => r.id === id)
    return { type: row?.type ?? 'missing', id, version: row ? Number(row.version) : null, name: refs.get(id) }
  })
}

async function changedSince(db: Database, before: Snapshot[]): Promise<string | null> {
  if (!before.length) return null
  const now = await snapshot(db, before.map((s, i) => ({ ref: `s${i}`, type: 'X', params: { x: { id: s.id } } })))
  for (const s of before) {
    const current = now.find((n) => n.id === s.id)
    if (!current || current.version !== s.version) return `${s.name ? `"${s.name}"` : `The ${s.type} ${s.id}`}`
  }
  return null
}

async function findByIdempotencyKey(db: Database, actor: Actor, key: string) {
  return db.selectFrom('commands').selectAll().where('userId', '=', actor.id).where('idempotencyKey', '=', key).executeTakeFirst()
}

async function store(db: Database, values: Record<string, unknown>): Promise<Command> {
  return db.insertInto('commands').values(values as never).returningAll().executeTakeFirstOrThrow()
}

async function userTimezone(db: Database, actor: Actor) {
  const row = await db.selectFrom('users').select('timezone').where('id', '=', actor.id).executeTakeFirst()
  return row?.timezone ?? 'UTC'
}

/** Entities the session's recent commands produced, newest first: what "it" and "them" may mean. */
async function sessionEntities(db: Database, actor: Actor, sessionId: string) {
  const rows = await db.selectFrom('commands').select('results').where('userId', '=', actor.id).where('sessionId', '=', sessionId)
    .where('status', '=', 'completed').orderBy('createdAt', 'desc').limit(5).execute()
  const out: { type: 'channel' | 'task' | 'user' | 'resource'; id: string; name: string }[] = []
  for (const row of rows) {
    for (const r of [...((row.results ?? []) as ActionResult[])].reverse()) {
      const e = r.entity
      if (e && e.name && (e.type === 'channel' || e.type === 'task' || e.type === 'user' || e.type === 'resource')) out.push({ type: e.type, id: e.id, name: e.name })
    }
  }
  return out
}

async function pendingClarification(db: Database, actor: Actor, sessionId: string) {
  return db.selectFrom('commands').select(['id', 'pending']).where('userId', '=', actor.id).where('sessionId', '=', sessionId)
    .where('status', '=', 'needs_clarification').where('createdAt', '>', new Date(Date.now() - 15 * 60_000))
    .orderBy('createdAt', 'desc').limit(1).executeTakeFirst() ?? null
}

function isDestructiveUpdate(a: PlanStep) {
  return a.type === 'UPDATE_TASK' && (a.params as { status?: string }).status === 'cancelled'
}
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505'
const round = (ms: number) => Math.round(ms * 10) / 10
