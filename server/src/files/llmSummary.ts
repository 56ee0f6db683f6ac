/**
 * An abstractive summary from any OpenAI-compatible chat-completions endpoint, when the server has
 * one (LLM_PROVIDER=openai, the same settings as the command interpreter). The offline extractive
 * summary stays the default and the fallback: on a timeout, an HTTP error or an empty answer, the
 * caller keeps it and records why.
 */
import { chatCompletion, type LlmConfig } from '../commands/interpret/llm'

/** What the model reads: enough for a summary, bounded so a long file costs a bounded request. */
export const LLM_INPUT_CHARS = 12_000

export type LlmSummarizer = (text: string, language: 'en' | 'es' | null) => Promise<string>

export function llmSummarizer(config: LlmConfig, fetchImpl: typeof fetch = fetch): LlmSummarizer {
  return async (text, language) => {
    const controller = new AbortController()
    const timeoutMs = config.timeoutMs ?? 20_000 // a document takes longer than a command
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const message = await chatCompletion(config, {
        model: config.model, temperature: 0,
        messages: [
          { role: 'system', content: `Summarize the document for a busy executive in at most three sentences${language === 'es' ? ', in Spanish' : language === 'en' ? ', in English' : ', in the document\'s language'}. Plain text only: no lists, no preamble.` },
          { role: 'user', content: text.slice(0, LLM_INPUT_CHARS) },
        ],
      }, fetchImpl, controller.signal)
      const summary = message?.content?.trim()
      if (!summary) throw new Error('empty answer')
      return summary.slice(0, 2000)
    } catch (error) {
      throw new Error(controller.signal.aborted ? `timeout after ${timeoutMs} ms` : (error as Error).message)
    } finally {
      clearTimeout(timer)
    }
  }
}
