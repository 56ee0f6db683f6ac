import type { ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planJsonSchema } from '../../src/commands/actionSchemas'
import { interpret, interpretWithProvider, llmConfigFromEnv } from '../../src/commands/interpret'
import { startLocalEndpoint, type LocalEndpoint } from '../localEndpoint'
import { input, T, U } from './fixtures'

/** A local stand-in for an OpenAI-compatible endpoint: each test sets how it answers. */
let respond: (body: any, res: ServerResponse) => void = () => {}
let lastBody: any
let endpoint: LocalEndpoint
let baseUrl = ''

beforeAll(async () => {
  endpoint = await startLocalEndpoint()
  endpoint.respond = (body, res) => { lastBody = body; respond(body, res) }
  baseUrl = endpoint.baseUrl
})
afterAll(() => endpoint.close())

const toolCall = (args: unknown) => (_body: any, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'submit_plan', arguments: JSON.stringify(args) } }] } }] }))
}

const text = 'make sure Sarah owns the budget thing'
const llmPlan = { actions: [{ ref: 'a1', type: 'ASSIGN_USER', params: { users: [U.sarah], task: T.budget }, dependsOn: [] }] }

describe('LLM interpreter', () => {
  it('reads its configuration from the environment', () => {
    expect(llmConfigFromEnv({})).toBeNull()
    expect(llmConfigFromEnv({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'k', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '500' })).toEqual({ baseUrl: 'http://x/v1', apiKey: 'k', model: 'm', timeoutMs: 500 })
  })

  it('asks for a plan through a tool generated from the action schemas, and uses a valid answer', async () => {
    respond = toolCall(llmPlan)
    const out = await interpretWithProvider(input(text), { baseUrl, apiKey: 'secret', model: 'test-model' })
    expect(out).toEqual({ interpreter: 'llm', result: { kind: 'plan', language: 'en', plan: llmPlan } })
    expect(lastBody.path).toBe('/v1/chat/completions')
    expect(lastBody.auth).toBe('Bearer secret')
    expect(lastBody.model).toBe('test-model')
    expect(lastBody.tools[0].function.parameters).toEqual(planJsonSchema())
    expect(lastBody.messages[0].content).toContain('Sarah Chen <sarah@baton.test> (id u-sarah)')
    expect(lastBody.messages[0].content).toContain('Now is 2026-03-02T04:00:00-05:00 (America/New_York)')
  })

  it('mends a wrong id when the name is unmistakable', async () => {
    respond = toolCall({ actions: [{ ref: 'a1', type: 'ASSIGN_USER', params: { users: [{ id: 'bogus', name: 'Sarah Chen' }], task: T.budget }, dependsOn: [] }] })
    const out = await interpretWithProvider(input(text), { baseUrl, model: 'm' })
    expect(out.result).toEqual({ kind: 'plan', language: 'en', plan: llmPlan })
  })

  const fallbackCases: [string, (body: any, res: ServerResponse) => void, RegExp][] = [
    ['an HTTP error', (_b, res) => { res.writeHead(500); res.end('boom') }, /^request failed: HTTP 500$/],
    ['output that breaks the schema', toolCall({ actions: [{ ref: 'a1', type: 'CREATE_TASK', params: { priority: 'meh' }, dependsOn: [] }] }), /^invalid output: /],
    ['a reference to something unknown', toolCall({ actions: [{ ref: 'a1', type: 'ARCHIVE_CHANNEL', params: { channel: { id: 'x', name: 'Atlantis' } }, dependsOn: [] }] }), /^invalid output: unknown reference/],
    ['arguments that are not JSON', (_b, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ choices: [{ message: { content: 'I think you want…' } }] })) }, /^invalid output: arguments are not JSON$/],
    ['a dangling ref', toolCall({ actions: [{ ref: 'a1', type: 'ARCHIVE_CHANNEL', params: { channel: { ref: 'a7' } }, dependsOn: [] }] }), /^invalid output: .*a7/],
  ]
  it.each(fallbackCases)('falls back to the rules on %s', async (_name, handler, reason) => {
    respond = handler
    const i = input('assign the budget review to Sarah')
    const out = await interpretWithProvider(i, { baseUrl, model: 'm' })
    expect(out.interpreter).toBe('rules')
    expect(out.fallbackReason).toMatch(reason)
    expect(out.result).toEqual(interpret(i))
  })

  it('falls back to the rules on timeout', async () => {
    respond = (_b, res) => setTimeout(() => toolCall(llmPlan)(_b, res), 500)
    const out = await interpretWithProvider(input('assign the budget review to Sarah'), { baseUrl, model: 'm', timeoutMs: 50 })
    expect(out).toMatchObject({ interpreter: 'rules', fallbackReason: 'timeout after 50 ms', result: { kind: 'plan' } })
  })

  it('uses the rules when no provider is configured', async () => {
    const i = input('assign the budget review to Sarah')
    expect(await interpretWithProvider(i, null)).toEqual({ interpreter: 'rules', result: interpret(i) })
  })
})
