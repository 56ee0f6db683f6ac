import type { Command } from '../db/schema'
import { summarize } from './summarize'

/** The spec's command response: `{command: {...}}`, with the spoken-style summary. */
export function presentCommand(row: Command) {
  const plan = row.plan as { actions: unknown[] } | null
  return {
    command: {
      id: row.id,
      status: row.status,
      transcript: row.transcript,
      language: row.language,
      interpreter: row.interpreter,
      source: row.source,
      sessionId: row.sessionId,
      plan: plan ?? { actions: [] },
      ...(row.question ? { question: row.question } : {}),
      results: (row.results ?? []) as unknown[],
      ...(row.error ? { error: row.error } : {}),
      timings: row.timings,
      summary: summarize(row),
      confirmationRequired: Boolean((row.intentAnalysis as { confirmationRequired?: boolean } | null)?.confirmationRequired),
      dryRun: row.dryRun,
      undoneAt: row.undoneAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    },
  }
}

export type CommandResponse = ReturnType<typeof presentCommand>
