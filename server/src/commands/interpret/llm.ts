/**
 * Optional LLM interpreter (LLM_PROVIDER=openai): any OpenAI-compatible chat-completions endpoint
 * is asked for a plan through a tool whose parameters are generated from actionSchemas. Its plan
 * is validated exactly like the rules' plan, and every existing reference must name something in
 * the speaker's directory. On timeout, HTTP error or invalid output the rules answer instead, and
 * `fallbackReason` says why.
 */
import { planJsonSchema, validatePlan } from '../actionSchemas'
import { isExistingRef, type Plan } from '../plan'
import { toIsoInZone } from './dates'
import { best, nameScore } from './fuzzy'
import { interpret } from './index'
import { detectLanguage } from './language'
import type { Directory, InterpretInput, InterpretResult } from './types'

export interface LlmConfig {
  baseUrl: string
  apiKey?: string
  model: string
  /** Default 8000 ms. */
  timeoutMs?: number
}

export interface ProviderOutcome {
  result: InterpretResult
  interpreter: 'rules' | 'llm'
  fallbackReason?: string
}

/** The LLM settings from the environment, or null when LLM_PROVIDER is not "openai". */
export function llmConfigFromEnv(env: Record<string, string | undefined> = process.env): LlmConfig | null {
  if (env.LLM_PROVIDER !== 'openai') return null
  return {
    baseUrl: env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    apiKey: env.OPENAI_API_KEY,
    model: env.LLM_MODEL ?? 'gpt-4o-mini',
    timeoutMs: env.LLM_TIMEOUT_MS ? Number(env.LLM_TIMEOUT_MS) : undefined,
  }
}

class Invalid extends Error {}

export interface ChatMessage { content?: string | null; tool_calls?: { function?: { arguments?: string } }[] }

/** POSTs to the endpoint's /chat/completions and returns the first choice's message (HTTP errors throw). */
export async function chatCompletion(config: LlmConfig, body: object, fetchImpl: typeof fetch, signal: AbortSignal): Promise<ChatMessage | undefined> {
  const response = await fetchImpl(`${config.baseUrl.replace(/\/$/, '')}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
    body: JSON.stringify(body),
    signal,
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const json = (await response.json()) as { choices?: { message?: ChatMessage }[] }
  return json.choices?.[0]?.message
}

/** Interprets with the LLM when configured, falling back to the rules (and saying why). */
export async function interpretWithProvider(input: InterpretInput, config: LlmConfig | null, fetchImpl: typeof fetch = fetch): Promise<ProviderOutcome> {
  if (!config) return { result: interpret(input), interpreter: 'rules' }
  const timeoutMs = config.timeoutMs ?? 8000
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const plan = await askModel(input, config, fetchImpl, controller.signal)
    const language = input.language ?? detectLanguage(input.text)
    return { result: { kind: 'plan', language, plan }, interpreter: 'llm' }
  } catch (error) {
    const reason = controller.signal.aborted
      ? `timeout after ${timeoutMs} ms`
      : error instanceof Invalid
        ? `invalid output: ${error.message}`
        : `request failed: ${error instanceof Error ? error.message : String(error)}`
    return { result: interpret(input), interpreter: 'rules', fallbackReason: reason }
  } finally {
    clearTimeout(timer)
  }
}

async function askModel(input: InterpretInput, config: LlmConfig, fetchImpl: typeof fetch, signal: AbortSignal): Promise<Plan> {
  const body = {
    model: config.model,
    temperature: 0,
    messages: [
      { role: 'system', content: systemPrompt(input) },
      { role: 'user', content: input.text },
    ],
    tools: [{ type: 'function', function: { name: 'submit_plan', description: 'Submit the plan for the command.', parameters: planJsonSchema() } }],
    tool_choice: { type: 'function', function: { name: 'submit_plan' } },
  }
  const message = await chatCompletion(config, body, fetchImpl, signal)
  const raw = message?.tool_calls?.[0]?.function?.arguments ?? message?.content
  if (!raw) throw new Invalid('no tool call or content')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.replace(/^```(?:json)?\s*|\s*```$/g, ''))
  } catch {
    throw new Invalid('arguments are not JSON')
  }
  const valid = validatePlan(parsed)
  if (!valid.ok) throw new Invalid(valid.error)
  return resolveExisting(valid.plan, input.directory, input.speaker)
}

/** Every `{id, name}` must be something the speaker can see; a wrong id with a clear name is mended. */
function resolveExisting(plan: Plan, directory: Directory, speaker: { id: string; name: string }): Plan {
  const pool = [
    ...directory.users.map((u) => ({ id: u.id, name: u.name })),
    ...directory.channels.map((c) => ({ id: c.id, name: c.name })),
    ...directory.tasks.map((t) => ({ id: t.id, name: t.title })),
    ...directory.resources.map((r) => ({ id: r.id, name: r.name })),
    speaker,
  ]
  const byId = new Map(pool.map((p) => [p.id, p]))
  const fix = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fix)
    if (isExistingRef(value)) {
      const known = byId.get(value.id)
      if (known) return { id: known.id, name: known.name }
      const named = best(pool, (p) => nameScore(value.name, p.name), 0.95)
      if (named.length === 1) return { id: named[0]!.item.id, name: named[0]!.item.name }
      throw new Invalid(`unknown reference ${JSON.stringify(value)}`)
    }
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)]))
    return value
  }
  return { actions: plan.actions.map((a) => ({ ...a, params: fix(a.params) as Record<string, unknown> })) }
}

function systemPrompt(input: InterpretInput): string {
  const d = input.directory
  const list = (items: { id: string; name: string }[]) => items.map((i) => `${i.name} (id ${i.id})`).join('; ') || 'none'
  return [
    'You turn one spoken command for the Baton work app into a plan: an ordered list of actions {ref, type, params, dependsOn}.',
    'Refs are a1, a2, … in order. Refer to an entity created earlier in the plan as {"ref":"a1"} and list that ref in dependsOn;',
    'refer to an existing entity as {"id","name"} using only the ids below. "A blocks B" is {task: B, dependsOn: A, dependencyType: "blocks"}.',
    `Now is ${toIsoInZone(input.now, input.timezone)} (${input.timezone}). Dates are ISO 8601 with offset; a day without a time means 17:00 local;`,
    'a bare weekday is its next occurrence after today; "next Friday" is the Friday of next week (weeks start on Monday).',
    `The speaker is ${input.speaker.name} (id ${input.speaker.id}).`,
    input.context?.channelId ? `The speaker is looking at channel id ${input.context.channelId}.` : '',
    `Users: ${d.users.map((u) => `${u.name} <${u.email}> (id ${u.id})`).join('; ') || 'none'}.`,
    `Channels: ${list(d.channels)}.`,
    `Tasks: ${list(d.tasks.map((t) => ({ id: t.id, name: t.title })))}.`,
    `Resources: ${list(d.resources)}.`,
    `Categories: ${d.categories.map((c) => c.name).join(', ') || 'none'}.`,
    'Answer only by calling submit_plan.',
  ]
    .filter(Boolean)
    .join('\n')
}
