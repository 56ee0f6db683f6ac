import type { Plan } from '../plan'

export type Language = 'en' | 'es'

/** A snapshot of what the speaker may see, loaded by the caller. */
export interface Directory {
  users: { id: string; name: string; email: string }[]
  channels: { id: string; name: string; categoryName?: string | null }[]
  tasks: { id: string; title: string; channelId: string | null }[]
  resources: { id: string; name: string; resourceType: string }[]
  categories: { id: string; name: string }[]
}

export type EntityKind = 'channel' | 'task' | 'user' | 'resource'

export interface InterpretInput {
  text: string
  now: Date
  timezone: string
  /** Auto-detected when absent. */
  language?: Language
  speaker: { id: string; name: string }
  directory: Directory
  context?: {
    channelId?: string
    /** Entities of earlier commands in the session, most recent first. */
    recent?: { type: EntityKind; id: string; name: string }[]
  }
}

/** An answer already given to an earlier question: the mention `key` means this entity (or "create it"). */
export type Choice = { id: string; name: string } | { create: true }

/** Everything needed to finish an interrupted interpretation; JSON-serializable, stored by the caller. */
export interface PendingClarification {
  version: 1
  text: string
  language: Language
  /** The `now` of the original command, so "tomorrow" keeps its meaning when the answer comes later. */
  now: string
  timezone: string
  choices: Record<string, Choice>
  question: {
    key: string
    kind: EntityKind
    mention: string
    candidates: { id: string; name: string }[]
    /** The answer "create it" is allowed (an unknown channel named by a task). */
    canCreate: boolean
    /** The question as asked, to ask again when an answer does not fit. */
    prompt: string
  }
}

export type InterpretResult =
  | { kind: 'plan'; language: Language; plan: Plan }
  | { kind: 'clarify'; language: Language; question: string; pending: PendingClarification }
  | { kind: 'not_understood'; language: Language; message: string }
