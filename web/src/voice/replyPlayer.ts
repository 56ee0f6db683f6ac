/**
 * Plays the spoken replies of the conversation mode: one WAV per sentence (`voice.audio`), played
 * back to back in arrival order so the first sentence sounds while later ones are still being
 * made. `stop()` silences everything at once (barge-in, the stop button); `drop(id)` forgets
 * one reply's sentences that have not played yet.
 */
export class ReplyPlayer {
  private ctx: AudioContext | null = null
  private chain: Promise<void> = Promise.resolve()
  private sources = new Set<AudioBufferSourceNode>()
  private dropped = new Set<string>()
  private generation = 0
  private pending = 0

  constructor(private readonly onPlaying: (playing: boolean) => void) {}

  /** Queues one sentence (base64 WAV) of reply `responseId`. */
  enqueue(responseId: string, base64Wav: string) {
    if (this.dropped.has(responseId)) return
    const generation = this.generation
    const bytes = Uint8Array.from(atob(base64Wav), (c) => c.charCodeAt(0))
    const ctx = (this.ctx ??= new AudioContext())
    // Decoding starts now, in parallel with what plays; playback keeps the order of arrival.
    const decoded = ctx.decodeAudioData(bytes.buffer).catch(() => null)
    this.pending++
    this.chain = this.chain.then(async () => {
      const buffer = await decoded
      if (!buffer || generation !== this.generation || this.dropped.has(responseId)) return
      await this.play(ctx, buffer)
    }).finally(() => {
      if (--this.pending === 0 && this.sources.size === 0) this.onPlaying(false)
    })
  }

  /** Stops what plays and everything queued. */
  stop() {
    this.generation++
    for (const source of this.sources) { try { source.stop() } catch { /* already ended */ } }
    this.sources.clear()
    this.onPlaying(false)
  }

  drop(responseId: string) { this.dropped.add(responseId) }

  async close() {
    this.stop()
    await this.ctx?.close().catch(() => undefined)
    this.ctx = null
  }

  private play(ctx: AudioContext, buffer: AudioBuffer) {
    return new Promise<void>((resolve) => {
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
      const source = ctx.createBufferSource()
      source.buffer = buffer
      source.connect(ctx.destination)
      source.onended = () => { this.sources.delete(source); resolve() }
      this.sources.add(source)
      this.onPlaying(true)
      source.start()
    })
  }
}
