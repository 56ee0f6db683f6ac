import { describe, expect, it } from 'vitest'
import { initialConversation, reduceConversation, type ConversationInput, type ConversationState } from '../src/voice/conversationState'

const frame = (type: string, data: Record<string, unknown> = {}): ConversationInput => ({ type, data })
const run = (...inputs: ConversationInput[]) => inputs.reduce<ConversationState>(reduceConversation, initialConversation)
const planned = { id: 'c1', status: 'planned', transcript: 'delete the task budget review', plan: { actions: [] }, results: [] }

describe('reduceConversation', () => {
  it('follows one turn: listening → hearing → thinking → speaking → listening, keeping what was heard and said', () => {
    const started = run({ type: 'local.starting' }, frame('voice.started', { sessionId: 's1' }))
    expect(started).toMatchObject({ status: 'listening', sessionId: 's1', turns: [] })
    const hearing = reduceConversation(started, frame('voice.speech_started', { responseId: 'r1' }))
    expect(hearing.status).toBe('hearing')
    const thinking = [frame('voice.speech_ended', { responseId: 'r1', durationMs: 2100 }),
      frame('voice.transcript', { responseId: 'r1', text: 'create a task called press release due tomorrow', lowConfidence: false })]
      .reduce(reduceConversation, hearing)
    expect(thinking.status).toBe('thinking')
    const answered = [frame('voice.response', { responseId: 'r1', command: { ...planned, status: 'completed' } }),
      frame('voice.audio', { responseId: 'r1', seq: 0, final: false, text: 'Done.' }), { type: 'player.playing' } as const,
      frame('voice.audio', { responseId: 'r1', seq: 1, final: true, text: 'Created task Press release.' })].reduce(reduceConversation, thinking)
    expect(answered.status).toBe('speaking')
    const done = [frame('voice.done', { responseId: 'r1' }), { type: 'player.idle' } as const].reduce(reduceConversation, answered)
    expect(done.status).toBe('listening')
    expect(done.turns).toEqual([expect.objectContaining({
      responseId: 'r1', transcript: 'create a task called press release due tomorrow', reply: ['Done.', 'Created task Press release.'],
      command: expect.objectContaining({ status: 'completed' }), done: true, dropped: false,
    })])
  })

  it('barge-in: new speech marks the earlier turn dropped and stops showing it as speaking', () => {
    const s = run({ type: 'local.starting' }, frame('voice.started'), frame('voice.speech_started', { responseId: 'r1' }),
      frame('voice.speech_ended', { responseId: 'r1' }), frame('voice.transcript', { responseId: 'r1', text: 'what is overdue' }),
      { type: 'player.playing' }, frame('voice.speech_started', { responseId: 'r2' }), frame('voice.dropped', { responseId: 'r1', reason: 'barge_in' }))
    expect(s.status).toBe('hearing')
    expect(s.playing).toBe(false)
    expect(s.turns.map((t) => [t.responseId, t.dropped, t.done])).toEqual([['r1', true, true], ['r2', false, false]])
  })

  it('keeps a low-confidence plan and the error of a failed turn', () => {
    const s = run({ type: 'local.starting' }, frame('voice.started'), frame('voice.speech_started', { responseId: 'r1' }),
      frame('voice.transcript', { responseId: 'r1', text: 'delete the task budget review', lowConfidence: true }),
      frame('voice.response', { responseId: 'r1', command: planned }), frame('voice.done', { responseId: 'r1' }),
      frame('voice.speech_started', { responseId: 'r2' }), frame('voice.error', { responseId: 'r2', code: 'NO_SPEECH', message: "I didn't hear anything." }),
      frame('voice.done', { responseId: 'r2' }))
    expect(s.turns[0]).toMatchObject({ lowConfidence: true, command: { status: 'planned' } })
    expect(s.turns[1]).toMatchObject({ error: { code: 'NO_SPEECH' }, done: true })
    expect(s.status).toBe('listening')
  })

  it('ends on voice.stopped, on VOICE_UNAVAILABLE while starting, and when the socket drops before it started; ignores frames of unknown turns', () => {
    expect(run({ type: 'local.starting' }, frame('voice.started'), { type: 'local.stopping' }, frame('voice.stopped')))
      .toMatchObject({ status: 'off', error: null })
    expect(run({ type: 'local.starting' }, { type: 'error', code: 'VOICE_UNAVAILABLE', message: 'Install: apt-get install -y pocketsphinx' }))
      .toMatchObject({ status: 'off', error: { code: 'VOICE_UNAVAILABLE', message: 'Install: apt-get install -y pocketsphinx' } })
    expect(run({ type: 'local.starting' }, { type: 'socket.closed' })).toMatchObject({ status: 'off', error: { code: 'DISCONNECTED' } })
    // An unrelated error on the socket while listening is shown but does not end the mode.
    expect(run({ type: 'local.starting' }, frame('voice.started'), { type: 'error', code: 'FORBIDDEN', message: 'no' }).status).toBe('listening')
    const listening = run({ type: 'local.starting' }, frame('voice.started'))
    expect(reduceConversation(listening, frame('voice.transcript', { responseId: 'nope', text: 'x' }))).toBe(listening)
    expect(reduceConversation(initialConversation, { type: 'socket.closed' })).toBe(initialConversation)
  })

  it('rides out a dropped connection: reconnecting (the turn in flight is dropped), then starting again when the socket is back', () => {
    const dropped = run({ type: 'local.starting' }, frame('voice.started', { sessionId: 's1' }), frame('voice.speech_started', { responseId: 'r1' }),
      frame('voice.speech_ended', { responseId: 'r1' }), { type: 'socket.closed' })
    expect(dropped).toMatchObject({ status: 'reconnecting', error: null, turns: [{ responseId: 'r1', dropped: true, done: true }] })
    expect(reduceConversation(dropped, frame('voice.transcript', { responseId: 'r1', text: 'late' })).status).toBe('reconnecting')
    const back = reduceConversation(dropped, { type: 'socket.open' })
    expect(back.status).toBe('starting')
    expect(reduceConversation(back, frame('voice.started', { sessionId: 's1' })).status).toBe('listening')
    // A socket opening while no conversation waits for it changes nothing.
    const listening = run({ type: 'local.starting' }, frame('voice.started'))
    expect(reduceConversation(listening, { type: 'socket.open' })).toBe(listening)
  })

  it('keeps the last eight turns', () => {
    const inputs: ConversationInput[] = [{ type: 'local.starting' }, frame('voice.started')]
    for (let i = 0; i < 12; i++) inputs.push(frame('voice.speech_started', { responseId: `r${i}` }), frame('voice.done', { responseId: `r${i}` }))
    expect(run(...inputs).turns.map((t) => t.responseId)).toEqual(['r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11'])
  })
})
