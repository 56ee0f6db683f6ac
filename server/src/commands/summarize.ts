import type { Command } from '../db/schema'
import type { Plan } from './plan'
import { summarizePlan, summarizeResults } from './summary'

/** The spoken-style sentence for a stored command, in its language: preview, result or question. */
export function summarize(row: Command): string {
  const language = row.language === 'es' ? 'es' : 'en'
  const plan = row.plan as Plan | null
  if (row.status === 'needs_clarification') return row.question ?? ''
  if (row.status === 'failed') {
    const error = row.error as { message?: string } | null
    return error?.message ?? (language === 'es' ? 'No se pudo completar la orden.' : 'The command failed.')
  }
  if (!plan) return ''
  if (row.status === 'planned') return summarizePlan(plan, language)
  if (row.status === 'undone') return language === 'es' ? 'Deshecho: ' + summarizePlan(plan, language) : 'Undone: ' + summarizePlan(plan, language)
  return summarizeResults(plan, language, (row.results ?? []) as never)
}
