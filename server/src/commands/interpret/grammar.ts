/**
 * Stage 4 — match a clause against the grammar. A grammar is a table of rules, one line each:
 * an intent, a template, and optional fixed slot values. Templates are words separated by spaces:
 *   `{slot}`   captures text (typed slots such as {status} or {count} only accept their words)
 *   `@macro`   expands to the language's alternation (see lexicon.ts)
 *   `[token]`  is optional;  `a_b` is "a b" (one token);  anything else is a regex fragment.
 * Rules are tried in order; a handler may decline a match, and the next rule is tried.
 */
import { typedSlots, type Lexicon } from './lexicon'

export type Intent =
  | 'createChannel'
  | 'createTask'
  | 'createTasks'
  | 'assign'
  | 'unassign'
  | 'updateTask'
  | 'deadline'
  | 'depend'
  | 'message'
  | 'share'
  | 'link'
  | 'remind'
  | 'archive'
  | 'query'

export type Rule = [intent: Intent, template: string, fixed?: Record<string, string>]

export interface CompiledRule {
  intent: Intent
  template: string
  regex: RegExp
  /** Cheap pre-checks: the rule's required words, each searched on its own before the full match. */
  required: RegExp[]
  fixed: Record<string, string>
}

export interface Match {
  intent: Intent
  template: string
  slots: Record<string, string>
}

/** Slots that take the longest text (the rest of a message), not the shortest. */
const GREEDY: Record<string, string> = { content: '.+' }

function compileToken(token: string, lex: Lexicon, typed: Record<string, string>): string {
  return token
    .replace(/\{(\w+)\}/g, (_, name: string) => `{${name}}`.replace(/_/g, '\u0000'))
    .replace(/@(\w+)/g, (_, m: string) => {
      const macro = lex.macros[m]
      if (macro === undefined) throw new Error(`unknown grammar macro @${m}`)
      return macro
    })
    .replace(/_/g, '\\s+')
    // eslint-disable-next-line no-control-regex -- NUL marks underscores inside slot names
    .replace(/\{([\w\u0000]+)\}/g, (_, raw: string) => {
      // eslint-disable-next-line no-control-regex
      const name = raw.replace(/\u0000/g, '_')
      return `(?<${name}>${typed[name] ?? GREEDY[name] ?? '.+?'})`
    })
}

export function compile(rules: Rule[], lex: Lexicon): CompiledRule[] {
  const typed = typedSlots(lex)
  return rules.map(([intent, template, fixed]) => {
    const required: RegExp[] = []
    const parts = template.split(' ').filter(Boolean).map((token) => {
      const optional = /^\[.*\]$/.test(token)
      const body = compileToken(optional ? token.slice(1, -1) : token, lex, typed)
      if (!optional && !token.includes('{')) required.push(new RegExp(`\\s${body}(?=\\s|$)`, 'iu'))
      return optional ? `(?:\\s+${body})?` : `\\s+${body}`
    })
    return { intent, template, regex: new RegExp(`^${parts.join('')}\\s*$`, 'iu'), required, fixed: fixed ?? {} }
  })
}

/** Every rule matching the clause, in table order. */
export function* matches(clause: string, rules: CompiledRule[]): Generator<Match> {
  const text = ` ${clause}`
  for (const rule of rules) {
    if (!rule.required.every((r) => r.test(text))) continue
    const m = rule.regex.exec(text)
    if (!m) continue
    const slots: Record<string, string> = { ...rule.fixed }
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) slots[k] = v.trim()
    yield { intent: rule.intent, template: rule.template, slots }
  }
}
