import { describe, expect, it } from 'vitest'
import { validatePlan } from '../../src/commands/actionSchemas'
import { interpret } from '../../src/commands/interpret'
import { ACTION_TYPES } from '../../src/commands/plan'
import { CORPUS_EN } from './corpus.en'
import { CORPUS_ES } from './corpus.es'
import { inputFor, type CorpusCase } from './corpusTypes'

function check(c: CorpusCase) {
  const result = interpret(inputFor(c))
  if (c.expect.kind === 'plan') {
    expect(result.kind).toBe('plan')
    if (result.kind !== 'plan') return
    expect(result.plan.actions).toEqual(c.expect.actions)
    expect(validatePlan(result.plan).ok).toBe(true)
  } else if (c.expect.kind === 'clarify') {
    expect(result.kind).toBe('clarify')
    if (result.kind === 'clarify') expect(result.question).toBe(c.expect.question)
  } else {
    expect(result.kind).toBe('not_understood')
    if (result.kind === 'not_understood') expect(result.message.length).toBeGreaterThan(20)
  }
}

describe('English corpus', () => {
  it.each(CORPUS_EN.map((c) => [c.text, c] as const))('%s', (_text, c) => check(c))
})

describe('Spanish corpus', () => {
  it.each(CORPUS_ES.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    check(c)
    const result = interpret(inputFor(c))
    expect(result.language).toBe('es')
  })
})

describe('corpus coverage', () => {
  const all = [...CORPUS_EN, ...CORPUS_ES]
  it('has at least 150 commands, about a third in Spanish', () => {
    expect(all.length).toBeGreaterThanOrEqual(150)
    expect(CORPUS_ES.length / all.length).toBeGreaterThan(0.3)
  })
  it('covers every action type, clarification and nonsense, in both languages', () => {
    const types = new Set(all.flatMap((c) => (c.expect.kind === 'plan' ? c.expect.actions.map((a) => a.type) : [])))
    expect([...types].sort()).toEqual([...ACTION_TYPES].sort())
    for (const corpus of [CORPUS_EN, CORPUS_ES]) {
      expect(corpus.some((c) => c.expect.kind === 'clarify')).toBe(true)
      expect(corpus.some((c) => c.expect.kind === 'not_understood')).toBe(true)
    }
  })
})
