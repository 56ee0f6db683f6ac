/**
 * Issue 6: voice → committed through the WebSocket voice mode, for 2–4 s spoken commands (espeak-ng
 * voices with faint noise), against the same sentences typed (POST /api/v1/commands) in the same run.
 *
 * Clock: from the moment the server has the whole utterance and its 0.4 s of trailing silence (the
 * last frame sent; frames go faster than real time) to the `task.created` event on the socket. The
 * VAD's 0.4 s end-of-speech wait is real time a speaker always waits, so "from the last word" adds it.
 * "After STT" is the total minus the recognizer's own time: VAD, interpretation, the transaction,
 * the outbox relay and the fan-out.
 */
import { percentile, startBaton } from './support'
import { WsClient, type Frame } from '../server/test/realtime/wsClient'
import { EN_VOICES, missingTools, synthesizeWav, wavToPcm } from '../server/test/voice/support'

const END_OF_SPEECH_MS = 400
const NAMES = ['budget review', 'quarterly report', 'hiring plan', 'press release', 'sales deck', 'customer survey', 'design mockups',
  'onboarding guide', 'security audit', 'training plan', 'vendor review', 'launch event', 'board meeting', 'annual report']
const DAYS = ['tomorrow', 'friday', 'next monday', 'next week', 'on wednesday']

export async function run(): Promise<Record<string, number | string>> {
  const missing = missingTools('pocketsphinx_batch', 'espeak-ng', 'sox')
  if (missing) return { skipped: missing }
  const sentences: { text: string; pcm: Buffer; seconds: number }[] = []
  for (let i = 0; sentences.length < 20 && i < 60; i++) {
    const text = `create a task called ${NAMES[i % NAMES.length]} due ${DAYS[i % DAYS.length]}`
    const samples = wavToPcm(await synthesizeWav(text, EN_VOICES[i % EN_VOICES.length]!))
    const seconds = samples.length / 16_000
    if (seconds < 2 || seconds > 4) continue
    const pcm = Buffer.alloc((samples.length + 16_000) * 2) // + 1 s of quiet after the last word
    samples.forEach((s, k) => pcm.writeInt16LE(s, k * 2))
    sentences.push({ text, pcm, seconds })
  }

  const baton = await startBaton()
  const socket = await WsClient.connect(baton.url, { token: baton.token })
  try {
    socket.send({ type: 'voice.start', reply: 'text', timezone: 'America/New_York' })
    await socket.waitFor('voice.started', () => true, 30_000)
    const speak = async (pcm: Buffer) => {
      const from = socket.frames.length
      for (let at = 0; at < pcm.length; at += 3_200) socket.ws.send(pcm.subarray(at, at + 3_200), { binary: true })
      const sent = performance.now()
      const after = (f: Frame) => socket.frames.indexOf(f) >= from
      const heard = await socket.waitAny((f) => f.type === 'voice.transcript' && after(f), 20_000)
      const outcome = await socket.waitAny((f) => after(f) && f.data?.responseId === heard.data.responseId && (f.type === 'voice.response' || f.type === 'voice.error'), 20_000)
      if (outcome.type === 'voice.error' || outcome.data.command.status !== 'completed') { // misheard or held for confirmation: not a commit
        if (process.env.BENCH_VERBOSE) console.log('  not committed:', heard.data.text, heard.data.confidence, outcome.data.code ?? outcome.data.command.status)
        return null
      }
      await socket.waitAny((f) => after(f) && f.type === 'task.created', 20_000)
      const total = performance.now() - sent
      // Client and server share this process, so frame arrival times cannot split the total: the
      // server's own recognition time does. Everything else (VAD, interpretation, transaction, relay, fan-out) is "after".
      const sttMs = Number(heard.data.sttMs)
      return { total, afterStt: total - sttMs, stt: sttMs }
    }
    await speak(sentences[0]!.pcm) // warm-up: decoders, grammar, first transaction

    const voice: number[] = [], afterStt: number[] = [], share: number[] = [], stt: number[] = []
    let held = 0
    for (const s of sentences) {
      const r = await speak(s.pcm)
      if (!r) { held++; continue }
      voice.push(r.total); afterStt.push(r.afterStt); share.push(r.afterStt / r.total); stt.push(r.stt)
    }

    const typed: number[] = []
    for (const s of sentences) {
      const t0 = performance.now()
      const res = await fetch(`${baton.url}/api/v1/commands`, { method: 'POST', headers: { authorization: `Bearer ${baton.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: s.text, timezone: 'America/New_York' }) })
      await res.json()
      typed.push(performance.now() - t0)
    }
    return {
      database: baton.kind,
      'utterances (2-4 s) / committed / held for confirmation or misheard': `${sentences.length} / ${voice.length} / ${held}`,
      'mean utterance length s': sentences.reduce((n, s) => n + s.seconds, 0) / sentences.length,
      'voice → committed p50 ms (after end-of-speech detection)': percentile(voice, 50),
      'voice → committed p95 ms (after end-of-speech detection)': percentile(voice, 95),
      'voice → committed p95 ms from the last word (+0.4 s VAD wait; goal < 1500)': percentile(voice, 95) + END_OF_SPEECH_MS,
      'of which speech recognition p50 ms': percentile(stt, 50),
      'share of time after speech recognition p50 (goal <= 0.15)': percentile(share, 50),
      'share of time after speech recognition p95': percentile(share, 95),
      'typed text → committed p50 ms (baseline)': percentile(typed, 50),
      'voice ÷ typed (p50)': percentile(voice, 50) / percentile(typed, 50),
    }
  } finally {
    await socket.close()
    await baton.close()
  }
}
