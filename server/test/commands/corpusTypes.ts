import type { InterpretInput } from '../../src/commands/interpret'
import type { PlanAction } from '../../src/commands/plan'
import { input, NO_BRAND, TWO_MIKES } from './fixtures'

export interface CorpusOptions {
  directory?: 'twoMikes' | 'noBrand'
  timezone?: string
  channelId?: string
  recent?: { type: 'channel' | 'task' | 'user' | 'resource'; id: string; name: string }[]
}

export type Expected =
  | { kind: 'plan'; actions: PlanAction[] }
  | { kind: 'clarify'; question: string }
  | { kind: 'not_understood' }

export interface CorpusCase {
  text: string
  options?: CorpusOptions
  expect: Expected
}

export function inputFor(c: CorpusCase): InterpretInput {
  const o = c.options ?? {}
  return input(c.text, {
    ...(o.directory === 'twoMikes' ? { directory: TWO_MIKES } : o.directory === 'noBrand' ? { directory: NO_BRAND } : {}),
    ...(o.timezone ? { timezone: o.timezone } : {}),
    ...(o.channelId || o.recent ? { context: { ...(o.channelId ? { channelId: o.channelId } : {}), ...(o.recent ? { recent: o.recent } : {}) } } : {}),
  })
}
