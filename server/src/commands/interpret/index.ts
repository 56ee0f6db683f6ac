/**
 * The rule-based interpreter: normalize → detect language → split sentences and clauses →
 * match each clause against the grammar → extract and resolve → build the plan.
 * Pure and synchronous: no clock, no database, no network.
 */
import { validatePlan } from '../actionSchemas'
import { channelName } from './extract'
import { best, fold, nameScore } from './fuzzy'
import { compile, matches } from './grammar'
import { EN_RULES } from './grammar.en'
import { ES_RULES } from './grammar.es'
import { handle, type Ctx } from './handlers'
import { detectLanguage } from './language'
import { LEXICONS, EN, ES } from './lexicon'
import { normalize, restore } from './normalize'
import { PlanBuilder } from './planBuilder'
import { Clarification, NotUnderstood, Resolver } from './resolve'
import { splitClauses, splitSentences } from './split'
import type { Choice, InterpretInput, InterpretResult, Language, PendingClarification } from './types'

export type { Directory, InterpretInput, InterpretResult, PendingClarification, Language, Choice, EntityKind } from './types'

const GRAMMARS = { en: compile(EN_RULES, EN), es: compile(ES_RULES, ES) }

const HELP: Record<Language, (bit: string) => string> = {
  en: (bit) =>
    `Sorry, I didn't understand “${bit}”. Try something like “create a task called budget review due Friday”, “add Sarah to the Marketing channel” or “what's overdue?”.`,
  es: (bit) =>
    `Perdona, no he entendido “${bit}”. Prueba algo como “crea una tarea llamada revisión de presupuesto para el viernes”, “añade a Sarah al canal de Marketing” o “¿qué está vencido?”.`,
}

/** Turns one utterance into a plan, a question, or a helpful refusal. */
export function interpret(input: InterpretInput): InterpretResult {
  return run(input, input.text, input.now, input.language, {})
}

function run(input: InterpretInput, text: string, now: Date, forced: Language | undefined, choices: Record<string, Choice>): InterpretResult {
  const norm = normalize(text)
  const language = forced ?? detectLanguage(norm.text)
  const lex = LEXICONS[language]
  if (!norm.text) return { kind: 'not_understood', language, message: HELP[language]('') }
  const resolver = new Resolver(input, language, lex, choices)
  const plan = new PlanBuilder()
  resolver.onCreateChannel = (name) => {
    const finalName = channelName(name, lex, language)
    const ref = plan.add('CREATE_CHANNEL', { name: finalName })
    resolver.created_('channel', { ref, name: finalName })
    return ref
  }
  const ctx: Ctx = { language, lex, clock: { now, timezone: input.timezone, language }, resolver, plan, quotes: norm.quotes }
  const failed: string[] = []
  try {
    for (const sentence of splitSentences(norm.text))
      for (const clause of splitClauses(sentence, lex)) if (!understand(clause, ctx)) failed.push(restore(clause, norm.quotes).text)
  } catch (error) {
    if (error instanceof Clarification) {
      const pending: PendingClarification = { version: 1, text, language, now: now.toISOString(), timezone: input.timezone, choices, question: error.question }
      return { kind: 'clarify', language, question: error.question.prompt, pending }
    }
    if (error instanceof NotUnderstood) return { kind: 'not_understood', language, message: error.message }
    throw error
  }
  if (failed.length || plan.size === 0) return { kind: 'not_understood', language, message: HELP[language](failed.join('; ') || text) }
  const built = plan.build()
  const valid = validatePlan(built)
  if (!valid.ok) return { kind: 'not_understood', language, message: HELP[language](text) }
  return { kind: 'plan', language, plan: built }
}

/** Stage 4 to 7 for one clause: the first rule whose handler accepts it wins. */
function understand(clause: string, ctx: Ctx): boolean {
  // A rule that needs a question may be the wrong reading: keep trying, ask only if nothing else fits.
  let question: Clarification | undefined
  for (const match of matches(clause, GRAMMARS[ctx.language])) {
    const size = ctx.plan.size
    try {
      if (handle(match.intent, { ...match.slots, __template: match.template }, ctx)) return true
    } catch (error) {
      if (!(error instanceof Clarification)) throw error
      question ??= error
    }
    ctx.plan.truncate(size)
  }
  if (question) throw question
  return false
}

/** Completes an interrupted interpretation with the user's answer to its question. */
export function answerClarification(pending: PendingClarification, answer: string, input: InterpretInput): InterpretResult {
  const { language, question } = pending
  const lex = LEXICONS[language]
  const said = answer.trim().replace(/^[¡¿]+|[.!?]+$/g, '').trim()
  if (lex.cancel.test(said))
    return { kind: 'not_understood', language, message: language === 'es' ? 'De acuerdo, lo dejo.' : "Okay, I've dropped that command." }
  const choice = pick(said, pending, input)
  if (!choice) {
    const again = language === 'es' ? `Perdona, no te he entendido. ${question.prompt}` : `Sorry, I didn't catch that. ${question.prompt}`
    return { kind: 'clarify', language, question: again, pending }
  }
  const choices = { ...pending.choices, [question.key]: choice }
  return run({ ...input, timezone: pending.timezone }, pending.text, new Date(pending.now), language, choices)
}

function pick(said: string, pending: PendingClarification, input: InterpretInput): Choice | null {
  const { question, language } = pending
  const lex = LEXICONS[language]
  const text = said.replace(/^(?:i mean|i meant|the one (?:called|named)|me refiero a|quiero decir|el de|la de|el|la|the)\s+/i, '').trim()
  const ordinal = lex.ordinals[fold(text).replace(/\s+(?:one|uno|una)$/, '')]
  if (ordinal !== undefined && question.candidates.length) {
    const c = ordinal === -1 ? question.candidates[question.candidates.length - 1] : question.candidates[ordinal - 1]
    if (c) return { id: c.id, name: c.name }
  }
  const score = (name: string, email?: string) => {
    const f = fold(text)
    if (email && email.toLowerCase() === f) return 1
    const n = fold(name)
    if (n === f) return 1
    if (n.split(' ').includes(f)) return 0.9
    return nameScore(text, name)
  }
  const fromCandidates = best(question.candidates, (c) => score(c.name), 0.7)
  if (fromCandidates.length === 1) return { id: fromCandidates[0]!.item.id, name: fromCandidates[0]!.item.name }
  if (question.canCreate && lex.createIt.test(said)) return { create: true }
  const d = input.directory
  const pool: { id: string; name: string; email?: string }[] =
    question.kind === 'user' ? d.users.map((u) => ({ id: u.id, name: u.name, email: u.email }))
      : question.kind === 'channel' ? d.channels.map((c) => ({ id: c.id, name: c.name, email: undefined }))
      : question.kind === 'task' ? d.tasks.map((t) => ({ id: t.id, name: t.title, email: undefined }))
      : d.resources.map((r) => ({ id: r.id, name: r.name, email: undefined }))
  const fromAll = best(pool, (c) => score(c.name, c.email), 0.8)
  if (fromAll.length === 1) return { id: fromAll[0]!.item.id, name: fromAll[0]!.item.name }
  return null
}

export { interpretWithProvider, llmConfigFromEnv, type LlmConfig, type ProviderOutcome } from './llm'
