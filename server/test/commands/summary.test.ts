import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/commands/interpret'
import { summarizePlan, summarizeResults } from '../../src/commands/summary'
import { input } from './fixtures'

const planOf = (text: string) => {
  const r = interpret(input(text))
  if (r.kind !== 'plan') throw new Error(`no plan for ${text}`)
  return r.plan
}

describe('spoken summaries', () => {
  it('speaks Spanish for Spanish commands', () => {
    const plan = planOf('Crea un canal de marketing para la campaña del primer trimestre y añade a Sarah y a Mike')
    expect(summarizePlan(plan, 'es')).toBe('Voy a crear el canal Campaña del primer trimestre en Marketing y añadir a Sarah Chen y Mike Ross.')
    expect(summarizeResults(plan, 'es')).toBe('He creado el canal Campaña del primer trimestre en Marketing y he añadido a Sarah Chen y Mike Ross.')
  })

  it('names targets, times and query counts', () => {
    expect(summarizeResults(planOf('remove Mike from the marketing channel'))).toBe('Removed Mike Ross from Marketing.')
    expect(summarizeResults(planOf('remind me to call Sarah tomorrow at 10am'))).toBe('Set a reminder for Tuesday March 3 at 10am: Call Sarah.')
    expect(summarizeResults(planOf("what's overdue?"), 'en', [{ ref: 'a1', status: 'done', data: { count: 3 } }])).toBe('Found 3 tasks.')
    expect(summarizePlan(planOf('mark the budget review as done'))).toBe("I'll mark Budget review as done.")
    expect(summarizeResults(planOf('pricing page depends on the budget review'))).toBe('Made Budget review block Pricing page.')
  })
})
