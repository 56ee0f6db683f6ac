/** Stage 7 — build the plan: refs a1, a2 … in order, dependsOn derived from the refs in params. */
import { refsIn, type ActionType, type Plan, type PlanAction, type PlanRef } from '../plan'

const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)))

export class PlanBuilder {
  private readonly actions: PlanAction[] = []

  add(type: ActionType, params: Record<string, unknown>): PlanRef {
    const ref = `a${this.actions.length + 1}`
    const clean = defined(params)
    const dependsOn = refsIn(clean).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)))
    this.actions.push({ ref, type, params: clean, dependsOn })
    return { ref }
  }

  get size(): number {
    return this.actions.length
  }

  /** Drops actions added after `size` (a rule that declined its match). */
  truncate(size: number): void {
    this.actions.length = size
  }

  build(): Plan {
    return { actions: this.actions.map((a) => ({ ...a, dependsOn: [...a.dependsOn] })) }
  }
}
