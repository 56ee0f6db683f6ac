/**
 * A warm decoder: one long-lived `pocketsphinx_batch` (Debian's pocketsphinx 0.8) per model set
 * and pass, fed utterance ids on stdin and answering one hypothesis line per utterance on stdout.
 * Loading a grammar costs more than decoding a clip, so it is paid once per model generation, not
 * per request; the child is crash-isolated and needs no native build. `pocketsphinx_batch` opens
 * its control and hypothesis files by name and Node's stdio are sockets (which `/dev/stdin` cannot
 * open), so a `cat` on each side turns them into plain pipes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface DecoderConfig {
  binary: string
  hmm: string
  dict: string
  /** Exactly one of the two. */
  fsg?: string
  lm?: string
  extraArgs?: string[]
  timeoutMs?: number
}

/** Wide beams: the research's best grammar setting (5.3 % WER against 9.2 % with the defaults). */
export const WIDE_BEAMS = ['-beam', '1e-80', '-pbeam', '1e-80', '-wbeam', '1e-60', '-maxhmmpf', '-1']

/**
 * Fills digital silence (runs of at least `minRun` exact-zero samples) with ±1 LSB of noise,
 * deterministically, and leaves everything else as it was. PocketSphinx's features break on
 * frames of exact zeros: they have no energy, and their log-energy floor drags the cepstral mean
 * normalization so far that the whole utterance is misheard. espeak-ng leaves exact zeros between
 * words, and browsers, noise gates and Chromium's fake microphone leave them around a clip: the web
 * app's recording of "create a task called budget review due tomorrow" was heard as "add tell the
 * new due tomorrow" until filled (the same clip resampled by sox, which dithers, was heard right).
 * Real microphone audio has no such runs, so it reaches the decoder unchanged. (pocketsphinx's own
 * `-dither` would perturb every clip, from one generator per process: results would depend on
 * the clips decoded before.)
 */
export function fillDigitalSilence(pcm: Int16Array, minRun = 64): Int16Array {
  let out: Int16Array | null = null
  let state = 0x9e3779b9
  for (let i = 0; i < pcm.length;) {
    if (pcm[i] !== 0) { i++; continue }
    let end = i
    while (end < pcm.length && pcm[end] === 0) end++
    if (end - i >= minRun) {
      out ??= pcm.slice()
      for (let j = i; j < end; j++) {
        // xorshift32; two bits pick -1, 0, 0 or +1 (symmetric: no DC offset).
        state ^= state << 13; state ^= state >>> 17; state ^= state << 5
        out[j] = (state & 1) - ((state >>> 1) & 1)
      }
    }
    i = end
  }
  return out ?? pcm
}

interface Pending { id: string; resolve: (r: { text: string; score: number }) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

export class WarmDecoder {
  private child: ChildProcess | null = null
  private dir: Promise<string> | null = null
  private pending: Pending[] = []
  private buffer = ''
  private seq = 0
  private closed = false
  private drained: (() => void)[] = []

  constructor(private readonly config: DecoderConfig) {}

  /** Starts the process and waits until its models are loaded (decodes a little silence). */
  async warm(): Promise<void> { await this.decode(new Int16Array(1600)) }

  async decode(pcm: Int16Array): Promise<{ text: string; score: number; ms: number }> {
    if (this.closed) throw new Error('decoder closed')
    const started = performance.now()
    const dir = await (this.dir ??= mkdtemp(join(tmpdir(), 'baton-ps-')))
    const id = `u${++this.seq}`
    const file = join(dir, `${id}.raw`)
    await writeFile(file, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength))
    const child = this.child ?? this.start(dir)
    try {
      const result = await new Promise<{ text: string; score: number }>((resolve, reject) => {
        const timer = setTimeout(() => this.fail(new Error(`pocketsphinx timed out after ${this.config.timeoutMs ?? 15_000} ms`)), this.config.timeoutMs ?? 15_000)
        this.pending.push({ id, resolve, reject, timer })
        child.stdin!.write(`${id}\n`)
      })
      return { ...result, ms: performance.now() - started }
    } finally {
      await rm(file, { force: true })
    }
  }

  /** Stops after the queued utterances are answered. */
  async close(): Promise<void> {
    this.closed = true
    if (this.pending.length) await new Promise<void>((resolve) => this.drained.push(resolve))
    this.child?.stdin!.end()
    this.child = null
    if (this.dir) await rm(await this.dir, { recursive: true, force: true })
  }

  private start(dir: string): ChildProcess {
    const c = this.config
    const args = [
      '-ctl', '/dev/stdin', '-cepdir', dir, '-cepext', '.raw', '-adcin', 'yes', '-adchdr', '0',
      '-hyp', '/dev/stdout', '-logfn', '/dev/null', '-hmm', c.hmm, '-dict', c.dict,
      ...(c.fsg ? ['-fsg', c.fsg] : ['-lm', c.lm!]), ...(c.extraArgs ?? []),
    ]
    const child = spawn('sh', ['-c', 'cat | "$0" "$@" | cat', c.binary, ...args], { detached: true, stdio: ['pipe', 'pipe', 'ignore'] })
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => this.onData(chunk))
    child.on('exit', () => {
      if (this.child === child) { this.child = null; this.fail(new Error('pocketsphinx exited')) }
    })
    child.stdin!.on('error', () => { /* reported by exit */ })
    // Never keep the server alive for a decoder: it exits on its own when our end of stdin closes.
    child.unref()
    for (const stream of [child.stdin, child.stdout] as unknown as { unref?: () => void }[]) stream.unref?.()
    this.child = child
    return child
  }

  private onData(chunk: string) {
    this.buffer += chunk
    let nl: number
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl)
      this.buffer = this.buffer.slice(nl + 1)
      const m = /^(.*?)\s*\((u\d+)(?:\s+(-?\d+))?\)\s*$/.exec(line)
      if (!m) continue
      const i = this.pending.findIndex((p) => p.id === m[2])
      if (i < 0) continue
      // Anything queued before this id was skipped by pocketsphinx: fail it rather than wait forever.
      for (const skipped of this.pending.splice(0, i)) { clearTimeout(skipped.timer); skipped.reject(new Error('pocketsphinx skipped the utterance')) }
      const p = this.pending.shift()!
      clearTimeout(p.timer)
      p.resolve({ text: m[1]!.trim(), score: Number(m[3] ?? 0) })
    }
    this.notifyDrained()
  }

  private notifyDrained() {
    if (this.pending.length === 0) for (const done of this.drained.splice(0)) done()
  }

  /** Kills the process (a new one starts on the next request) and fails what was waiting. */
  private fail(error: Error) {
    const child = this.child
    this.child = null
    this.buffer = ''
    if (child?.pid) { try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ } }
    for (const p of this.pending.splice(0)) { clearTimeout(p.timer); p.reject(error) }
    this.notifyDrained()
  }
}
