import { describe, expect, it } from 'vitest'
import { answerClarification, interpret, type InterpretInput } from '../../src/commands/interpret'
import { C, input, T, TWO_MIKES, U } from './fixtures'

function ask(i: InterpretInput) {
  const r = interpret(i)
  if (r.kind !== 'clarify') throw new Error(`expected a question, got ${r.kind}`)
  // The caller stores the pending state as JSON.
  return { ...r, pending: JSON.parse(JSON.stringify(r.pending)) as typeof r.pending }
}

describe('clarification', () => {
  const twoMikes = input('Add Mike to sales', { directory: TWO_MIKES })

  it('asks which Mike, then completes the plan with the answer', () => {
    const q = ask(twoMikes)
    expect(q.question).toBe('Which Mike: Mike Ross or Mike Chen?')
    expect(q.pending.question.candidates).toEqual([U.mike, U.mikeChen])
    for (const answer of ['Mike Chen', 'Chen', 'the second one', 'mike.chen@baton.test']) {
      expect(answerClarification(q.pending, answer, twoMikes)).toEqual({
        kind: 'plan',
        language: 'en',
        plan: { actions: [{ ref: 'a1', type: 'ASSIGN_USER', params: { users: [U.mikeChen], channel: C.sales }, dependsOn: [] }] },
      })
    }
  })

  it('asks again when the answer fits nobody, and drops the command on "never mind"', () => {
    const q = ask(twoMikes)
    const again = answerClarification(q.pending, 'the purple one', twoMikes)
    expect(again).toMatchObject({ kind: 'clarify', question: "Sorry, I didn't catch that. Which Mike: Mike Ross or Mike Chen?" })
    expect(answerClarification(q.pending, 'never mind', twoMikes)).toMatchObject({ kind: 'not_understood' })
  })

  it('answers one question at a time until every reference is settled', () => {
    const i = input('add Mike to sales and assign the pricing page to Mike', { directory: TWO_MIKES })
    const q = ask(i)
    const done = answerClarification(q.pending, 'Ross', i)
    expect(done).toEqual({
      kind: 'plan',
      language: 'en',
      plan: {
        actions: [
          { ref: 'a1', type: 'ASSIGN_USER', params: { users: [U.mike], channel: C.sales }, dependsOn: [] },
          { ref: 'a2', type: 'ASSIGN_USER', params: { users: [U.mike], task: T.pricing }, dependsOn: [] },
        ],
      },
    })
  })

  it('creates an unknown channel named by a task when told to', () => {
    const i = input('Create a task called launch plan due Friday in Foobar')
    const q = ask(i)
    expect(q.question).toBe("I can't find a channel called “foobar”. Should I create it, or which channel do you mean?")
    expect(answerClarification(q.pending, 'create it', i)).toEqual({
      kind: 'plan',
      language: 'en',
      plan: {
        actions: [
          { ref: 'a1', type: 'CREATE_CHANNEL', params: { name: 'Foobar' }, dependsOn: [] },
          { ref: 'a2', type: 'CREATE_TASK', params: { title: 'Launch plan', channel: { ref: 'a1' }, dueDate: '2026-03-06T17:00:00-05:00' }, dependsOn: ['a1'] },
        ],
      },
    })
    expect(answerClarification(q.pending, 'Marketing', i)).toMatchObject({
      kind: 'plan',
      plan: { actions: [{ type: 'CREATE_TASK', params: { title: 'Launch plan', channel: C.marketing } }] },
    })
  })

  it('keeps the original "now" when the answer comes later', () => {
    const i = input('create a task called launch plan due tomorrow in Foobar')
    const q = ask(i)
    const later = { ...i, now: new Date('2026-03-05T12:00:00Z') }
    expect(answerClarification(q.pending, 'Sales', later)).toMatchObject({
      kind: 'plan',
      plan: { actions: [{ params: { dueDate: '2026-03-03T17:00:00-05:00', channel: C.sales } }] },
    })
  })

  it('works in Spanish', () => {
    const i = input('añade a Mike al canal de ventas', { directory: TWO_MIKES })
    const q = ask(i)
    expect(q.question).toBe('¿Qué Mike: Mike Ross o Mike Chen?')
    expect(answerClarification(q.pending, 'el primero', i)).toEqual({
      kind: 'plan',
      language: 'es',
      plan: { actions: [{ ref: 'a1', type: 'ASSIGN_USER', params: { users: [U.mike], channel: C.ventas }, dependsOn: [] }] },
    })
    expect(answerClarification(q.pending, 'olvídalo', i)).toEqual({ kind: 'not_understood', language: 'es', message: 'De acuerdo, lo dejo.' })
  })
})
