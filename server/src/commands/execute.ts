import type { ActionContext } from '../actions/context'
import { emit } from '../events/outbox'
import { AppError } from '../http/errors'
import { registry } from './registry'
import type { ActionResult } from './refs'

export interface PlanStep { ref: string; type: string; params: Record<string, unknown>; dependsOn?: string[] }

/** A failure inside a plan, carrying the ref of the action that failed. */
export class PlanActionError extends AppError {
  constructor(readonly ref: string, readonly original: AppError) {
    super(original.code, original.message, original.details)
  }
}

/**
 * Orders a plan topologically: every action after the actions it depends on, explicitly
 * (dependsOn) or through a {ref} in its params. Unknown refs and cycles are refused.
 */
export function topologicalOrder(actions: PlanStep[]): PlanStep[] {
  const byRef = new Map(actions.map((a) => [a.ref, a]))
  if (byRef.size !== actions.length) throw new AppError('VALIDATION_FAILED', 'Every action in a plan needs its own ref.')
  const needs = new Map(actions.map((a) => [a.ref, new Set([...(a.dependsOn ?? []), ...refsIn(a.params)])]))
  for (const [ref, deps] of needs) {
    for (const dep of deps) if (!byRef.has(dep)) throw new AppError('VALIDATION_FAILED', `Action ${ref} depends on ${dep}, which is not in the plan.`)
  }
  const ordered: PlanStep[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (ref: string) => {
    if (state.get(ref) === 'done') return
    if (state.get(ref) === 'visiting') throw new AppError('VALIDATION_FAILED', `The plan's actions depend on each other in a circle (at ${ref}).`)
    state.set(ref, 'visiting')
    for (const dep of needs.get(ref)!) visit(dep)
    state.set(ref, 'done')
    ordered.push(byRef.get(ref)!)
  }
  for (const a of actions) visit(a.ref) // stable: keeps the spoken order where dependencies allow
  return ordered
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn)
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.ref === 'string' && Object.keys(o).length === 1) return [o.ref]
    return Object.values(o).flatMap(refsIn)
  }
  return []
}

/**
 * Runs a plan inside the caller's transaction, action by action through the registry, with the
 * speaker's permissions. The first failure throws (and the caller's transaction rolls back
 * everything), tagged with the failing ref. Progress events go to the speaker only.
 */
export async function executePlan(ctx: ActionContext, commandId: string, actions: PlanStep[]): Promise<ActionResult[]> {
  const ordered = topologicalOrder(actions)
  const results = new Map<string, ActionResult>()
  const speaker = { kind: 'users' as const, userIds: [ctx.actor.id] }
  await emit(ctx, 'command.started', speaker, { commandId, total: ordered.length })
  for (const [index, step] of ordered.entries()) {
    const handler = registry[step.type]
    try {
      if (!handler) throw new AppError('VALIDATION_FAILED', `Unknown action type ${step.type}.`)
      const outcome = await handler(ctx, step.params as Record<string, any>, results)
      results.set(step.ref, { ref: step.ref, status: 'done', ...outcome })
    } catch (error) {
      if (error instanceof AppError) throw new PlanActionError(step.ref, error)
      throw error
    }
    const r = results.get(step.ref)!
    await emit(ctx, 'command.progress', speaker, { commandId, ref: step.ref, type: step.type, index: index + 1, total: ordered.length, status: 'done', entity: r.entity ?? null })
  }
  return actions.map((a) => results.get(a.ref)!)
}
