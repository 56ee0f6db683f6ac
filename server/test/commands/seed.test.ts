import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/commands/interpret'
import { summarizePlan, summarizeResults } from '../../src/commands/summary'
import { input, NO_BRAND, R, U } from './fixtures'

const SEED =
  'Create a marketing channel for Q1 campaign, add Sarah and Mike, create three tasks: content creation due next Friday, ' +
  'social media strategy due Wednesday, and budget review due tomorrow. Make the budget review block the other two tasks. ' +
  'Also upload the brand guidelines document to this channel.'

const common = [
  { ref: 'a1', type: 'CREATE_CHANNEL', params: { name: 'Q1 Campaign', category: 'Marketing' }, dependsOn: [] },
  { ref: 'a2', type: 'ASSIGN_USER', params: { users: [U.sarah, U.mike], channel: { ref: 'a1' } }, dependsOn: ['a1'] },
  // next Friday = Friday of next week, after the DST change (-04:00); Wednesday and tomorrow are before it (-05:00).
  { ref: 'a3', type: 'CREATE_TASK', params: { title: 'Content creation', channel: { ref: 'a1' }, dueDate: '2026-03-13T17:00:00-04:00' }, dependsOn: ['a1'] },
  { ref: 'a4', type: 'CREATE_TASK', params: { title: 'Social media strategy', channel: { ref: 'a1' }, dueDate: '2026-03-04T17:00:00-05:00' }, dependsOn: ['a1'] },
  { ref: 'a5', type: 'CREATE_TASK', params: { title: 'Budget review', channel: { ref: 'a1' }, dueDate: '2026-03-03T17:00:00-05:00' }, dependsOn: ['a1'] },
  { ref: 'a6', type: 'CREATE_DEPENDENCY', params: { task: { ref: 'a3' }, dependsOn: { ref: 'a5' }, dependencyType: 'blocks' }, dependsOn: ['a3', 'a5'] },
  { ref: 'a7', type: 'CREATE_DEPENDENCY', params: { task: { ref: 'a4' }, dependsOn: { ref: 'a5' }, dependencyType: 'blocks' }, dependsOn: ['a4', 'a5'] },
]

describe('the seed example of commands.md', () => {
  it('shares the existing Brand Guidelines resource', () => {
    const result = interpret(input(SEED))
    expect(result).toEqual({
      kind: 'plan',
      language: 'en',
      plan: { actions: [...common, { ref: 'a8', type: 'SHARE_RESOURCE', params: { resource: R.brand, channel: { ref: 'a1' } }, dependsOn: ['a1'] }] },
    })
  })

  it('asks for an upload when there is no such resource', () => {
    const result = interpret(input(SEED, { directory: NO_BRAND }))
    expect(result).toEqual({
      kind: 'plan',
      language: 'en',
      plan: { actions: [...common, { ref: 'a8', type: 'UPLOAD_FILE', params: { name: 'Brand Guidelines', channel: { ref: 'a1' } }, dependsOn: ['a1'] }] },
    })
  })

  it('summarizes in spoken style', () => {
    const result = interpret(input(SEED))
    if (result.kind !== 'plan') throw new Error('expected a plan')
    expect(summarizeResults(result.plan, 'en')).toBe(
      'Created channel Q1 Campaign in Marketing, added Sarah Chen and Mike Ross, created 3 tasks: Content creation due Friday March 13, ' +
        'Social media strategy due Wednesday March 4 and Budget review due Tuesday March 3, made Budget review block Content creation ' +
        'and Social media strategy and shared Brand Guidelines in Q1 Campaign.',
    )
    expect(summarizePlan(result.plan, 'en')).toMatch(/^I'll create channel Q1 Campaign in Marketing, add Sarah Chen and Mike Ross, create 3 tasks/)
  })
})
