/**
 * Local whisper.cpp through an optional npm binding, enabled only when the user supplies a ggml
 * model file (`WHISPER_MODEL_PATH`). Nothing here is needed to install or test Baton: the binding
 * is imported dynamically, and `status()` explains what is missing.
 */
import { existsSync } from 'node:fs'
import type { Language, ProviderStatus, SpeechToText, Transcript } from './types'
import { voiceUnavailable } from '../errors'

/** Bindings tried in order; each wraps whisper.cpp and ships prebuilt binaries. */
const BINDINGS = ['@fugood/whisper.node', '@napi-rs/whisper'] as const
const INSTALL = 'npm install @fugood/whisper.node (and set WHISPER_MODEL_PATH to a ggml model file)'

type Transcriber = (pcm: Int16Array, language: Language) => Promise<string>

export class WhisperStt implements SpeechToText {
  readonly name = 'whisper'
  private loaded: Promise<Transcriber> | null = null

  constructor(private readonly options: { modelPath?: string; importer?: (name: string) => Promise<unknown> } = {}) {}

  async status(): Promise<ProviderStatus> {
    if (!this.options.modelPath) return { available: false, reason: 'WHISPER_MODEL_PATH is not set.', installCommand: INSTALL }
    if (!existsSync(this.options.modelPath)) return { available: false, reason: `No model file at ${this.options.modelPath}.`, installCommand: INSTALL }
    try { await this.load(); return { available: true } } catch (error) {
      this.loaded = null
      return { available: false, reason: (error as Error).message, installCommand: INSTALL }
    }
  }

  async transcribe(pcm: Int16Array, opts: { language: Language }): Promise<Transcript> {
    const status = await this.status()
    if (!status.available) throw voiceUnavailable(status.reason!, INSTALL)
    const started = performance.now()
    const text = await (await this.load())(pcm, opts.language)
    return { text: text.trim(), confidence: 0.9, language: opts.language, ms: performance.now() - started }
  }

  private load(): Promise<Transcriber> {
    return (this.loaded ??= this.bind())
  }

  private async bind(): Promise<Transcriber> {
    const importer = this.options.importer ?? ((name: string) => import(/* @vite-ignore */ name))
    const modelPath = this.options.modelPath!
    for (const name of BINDINGS) {
      let mod: Record<string, unknown>
      try { mod = (await importer(name)) as Record<string, unknown> } catch { continue }
      const toFloat = (pcm: Int16Array) => Float32Array.from(pcm, (s) => s / 32768)
      if (typeof mod.initWhisper === 'function') { // @fugood/whisper.node
        const ctx = (await (mod.initWhisper as (o: object) => Promise<{ transcribeData: (d: ArrayBuffer, o: object) => { promise: Promise<{ result: string }> } }>)({ filePath: modelPath }))
        return async (pcm, language) => (await ctx.transcribeData(toFloat(pcm).buffer as ArrayBuffer, { language }).promise).result
      }
      const Whisper = mod.Whisper as (new (model: Buffer | string) => { transcribe?: (audio: Float32Array, o: object) => Promise<unknown> }) | undefined
      if (typeof Whisper === 'function') { // @napi-rs/whisper
        const { readFile } = await import('node:fs/promises')
        const w = new Whisper(await readFile(modelPath))
        return async (pcm, language) => {
          const r = await w.transcribe?.(toFloat(pcm), { language })
          return typeof r === 'string' ? r : Array.isArray(r) ? r.map((s: { text?: string }) => s.text ?? '').join(' ') : String((r as { text?: string })?.text ?? '')
        }
      }
    }
    throw new Error('No whisper.cpp binding is installed.')
  }
}
