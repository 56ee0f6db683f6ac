import { answerClarification, interpret, interpretWithProvider, llmConfigFromEnv, type InterpretInput, type PendingClarification } from './interpret'
import type { Plan } from './plan'

/** What the command service needs from interpretation, whichever interpreter produced it. */
export type Interpretation = { language: 'en' | 'es'; interpreter: 'rules' | 'llm'; fallbackReason?: string } & (
  | { kind: 'plan'; plan: Plan }
  | { kind: 'clarify'; question: string; pending: PendingClarification }
  | { kind: 'not_understood'; message: string })

const llm = llmConfigFromEnv(process.env)

/**
 * Interprets a sentence: as the answer to a pending clarification when there is one (falling back
 * to a fresh interpretation if it does not read as an answer), else with the configured provider
 * (the LLM when LLM_PROVIDER=openai, with the rules as fallback; the rules otherwise).
 */
export async function interpretCommand(input: InterpretInput, pending?: unknown): Promise<Interpretation> {
  if (pending) {
    const answered = answerClarification(pending as PendingClarification, input.text, input)
    if (answered.kind !== 'not_understood') return { ...answered, interpreter: 'rules' }
  }
  if (!llm) return { ...interpret(input), interpreter: 'rules' }
  const outcome = await interpretWithProvider(input, llm)
  return { ...outcome.result, interpreter: outcome.interpreter, fallbackReason: outcome.fallbackReason }
}
