/** LLM summaries of files against a local stand-in for an OpenAI-compatible endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerResponse } from 'node:http'
import { analyzeFile } from '../../src/files/analyzeFile'
import { LLM_INPUT_CHARS, llmSummarizer } from '../../src/files/llmSummary'
import { startLocalEndpoint, type LocalEndpoint } from '../localEndpoint'

let endpoint: LocalEndpoint
let baseUrl = ''
beforeAll(async () => { endpoint = await startLocalEndpoint(); baseUrl = endpoint.baseUrl })
afterAll(() => endpoint.close())
const respond = (fn: (res: ServerResponse) => void) => { endpoint.respond = (_body, res) => fn(res) }

const answer = (content: string | null, status = 200) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(status === 200 ? { choices: [{ message: { role: 'assistant', content } }] } : { error: { message: 'boom' } }))
}

const REPORT = Array.from({ length: 6 }, (_, i) => `Revenue grew in region ${i + 1} because enterprise customers renewed their contracts early this quarter.`).join(' ')
const stage = async () => undefined

describe('LLM file summaries', () => {
  it('asks the model for a short summary in the document\'s language and uses it', async () => {
    respond(answer('Revenue grew in every region, driven by early enterprise renewals.'))
    const requests = endpoint.requests
    requests.length = 0
    const summarize = llmSummarizer({ baseUrl, apiKey: 'sk-test', model: 'summarizer-1' })
    const long = `${REPORT} ${'x'.repeat(LLM_INPUT_CHARS)}`
    const { analysis } = await analyzeFile(Buffer.from(long), 'text/plain', 'report.txt', { summarize }, stage)
    expect(analysis).toMatchObject({ summarizer: 'llm', summary: 'Revenue grew in every region, driven by early enterprise renewals.', language: 'en' })
    expect(analysis.keywords).toContain('revenue grew') // keywords stay offline
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ path: '/v1/chat/completions', auth: 'Bearer sk-test', model: 'summarizer-1', temperature: 0 })
    expect(requests[0].messages[0].content).toContain('in English')
    expect(requests[0].messages[1].content).toHaveLength(LLM_INPUT_CHARS)
  })

  it('keeps the extractive summary, and says why, when the model fails, answers nothing or is too slow', async () => {
    const { analysis: offline } = await analyzeFile(Buffer.from(REPORT), 'text/plain', 'report.txt', {}, stage)
    expect(offline.summarizer).toBe('extractive')
    for (const [reply, timeoutMs, reason] of [[answer(null, 500), undefined, 'HTTP 500'], [answer('  '), undefined, 'empty answer'], [() => undefined, 200, 'timeout after 200 ms']] as const) {
      respond(reply)
      const { analysis } = await analyzeFile(Buffer.from(REPORT), 'text/plain', 'report.txt', { summarize: llmSummarizer({ baseUrl, model: 'm', timeoutMs }) }, stage)
      expect(analysis).toMatchObject({ summarizer: 'extractive', summary: offline.summary, llmError: reason })
    }
  })

  it('does not ask about a text too short to need a summary', async () => {
    const requests = endpoint.requests
    requests.length = 0
    const { analysis } = await analyzeFile(Buffer.from('Use the blue logo.'), 'text/plain', 'a.txt', { summarize: llmSummarizer({ baseUrl, model: 'm' }) }, stage)
    expect(analysis).toMatchObject({ summarizer: 'extractive', summary: 'Use the blue logo.' })
    expect(requests).toHaveLength(0)
  })
})
