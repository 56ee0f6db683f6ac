import { describe, expect, it } from 'vitest'
import { CommandHistory } from '../src/state/commandHistory'

describe('CommandHistory (↑/↓ in the command bar)', () => {
  it('walks back through my earlier commands, newest first, each once, and forward to what I was typing', async () => {
    let loads = 0
    const history = new CommandHistory(async () => { loads++; return ['what is overdue', ' create a task called x ', 'what is overdue', ''] })
    expect(await history.older('half typed')).toBe('what is overdue')
    expect(await history.older('ignored')).toBe('create a task called x')
    expect(await history.older('ignored')).toBeNull() // nothing older
    expect(history.newer()).toBe('what is overdue')
    expect(history.newer()).toBe('half typed')
    expect(history.newer()).toBeNull()
    expect(loads).toBe(1)
  })

  it('puts a new command on top, once; a failed load is an empty history', async () => {
    const history = new CommandHistory(async () => ['a', 'b'])
    await history.older('')
    history.remember('b')
    expect(await history.older('')).toBe('b')
    expect(await history.older('')).toBe('a')
    expect(await history.older('')).toBeNull()
    const broken = new CommandHistory(async () => { throw new Error('offline') })
    expect(await broken.older('x')).toBeNull()
    broken.remember('first')
    expect(await broken.older('')).toBe('first')
  })
})
