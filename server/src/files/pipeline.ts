/**
 * The file pipeline: uploaded files (resources in status `processing`) are read, their text
 * extracted or their speech transcribed, and analyzed; progress goes out live as
 * `resource.processing` events, and the result lands on the resource (`metadata.analysis`,
 * status `ready`) with a notification to the uploader. Work is claimed in the database with
 * `for update skip locked`, so several nodes share it and none takes the same file twice; a claim
 * expires, so a file whose node died is taken up again, up to a few attempts, then `failed`.
 */
import { Readable } from 'node:stream'
import { systemActor, type ActionContext } from '../actions/context'
import { notify } from '../actions/notifications/notify'
import { fileNameOf } from '../actions/resources/attachFile'
import { emitResourceUpdated, emitWhereLinked, linksOf } from '../actions/resources/resourceEvents'
import { inTransaction } from '../actions/transaction'
import type { Database } from '../db/database'
import type { SharedResource } from '../db/schema'
import type { FileStorage } from '../storage/fileStorage'
import { analyzeFile, type AnalyzeDeps, type AnalyzedFile, type Stage } from './analyzeFile'

export interface FilePipelineOptions {
  db: Database
  storage: FileStorage
  /** Speech-to-text for audio files in a language, when it works here. */
  transcriber?: (language: 'en' | 'es') => Promise<AnalyzeDeps['transcribe'] | undefined>
  /** An LLM summarizer, when one is configured. */
  summarize?: AnalyzeDeps['summarize']
  onCommit?: () => void
  onError?: (error: unknown, resourceId?: string) => void
  /** A claim older than this is taken to be abandoned (its node died). */
  claimTimeoutMs?: number
  maxAttempts?: number
  now?: () => Date
}

const SEARCHABLE_CHARS = 300_000
const PERCENT: Record<Stage, number> = { reading: 10, extracting: 35, transcribing: 35, analyzing: 75 }

export class FilePipeline {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private readonly claimTimeoutMs: number
  private readonly maxAttempts: number

  constructor(private readonly o: FilePipelineOptions) {
    this.claimTimeoutMs = o.claimTimeoutMs ?? 120_000
    this.maxAttempts = o.maxAttempts ?? 3
  }

  /** Polls for work every `intervalMs` (work queued on other nodes, retries); `kick` starts at once. */
  start(intervalMs = 5_000) {
    if (this.timer) return
    this.timer = setInterval(() => this.kick(), intervalMs)
    this.timer.unref()
    this.kick()
  }

  /** Processes everything claimable now, in the background; a kick while busy runs another round. */
  kick() {
    if (this.running) { this.again = true; return }
    this.running = this.drain().then(() => undefined, (error) => this.o.onError?.(error)).finally(() => {
      this.running = null
      if (this.again) { this.again = false; this.kick() }
    })
  }

  /** Processes files until none is left to claim; returns how many it finished (ready or failed). */
  async drain(): Promise<number> {
    let done = 0
    while (await this.processOne()) done++
    return done
  }

  /** Waits for the round in flight (tests; shutdown). */
  async idle() {
    while (this.running) await this.running
  }

  async close() {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.idle()
  }

  /** Claims one file and takes it to ready or failed (or back to the queue for another attempt). */
  async processOne(): Promise<boolean> {
    const claimed = await this.claim()
    if (!claimed) return false
    const { organizationId, language } = await this.uploaderOf(claimed)
    if (claimed.processingAttempts > this.maxAttempts) {
      // Its last attempt never finished (the node died mid-way): give up rather than loop.
      await this.fail(claimed, organizationId, new Error('the last attempt was interrupted'))
      return true
    }
    const stage = (s: Stage) => this.progress(claimed, organizationId, s)
    try {
      await stage('reading')
      const bytes = await readAll(await this.o.storage.read(claimed.storageKey!))
      const transcribe = await this.o.transcriber?.(language)
      const analyzed = await analyzeFile(bytes, claimed.mimeType ?? 'application/octet-stream', fileNameOf(claimed), { transcribe, summarize: this.o.summarize }, stage)
      await this.finish(claimed, organizationId, analyzed)
    } catch (error) {
      this.o.onError?.(error, claimed.id)
      if (claimed.processingAttempts >= this.maxAttempts) await this.fail(claimed, organizationId, error as Error)
    }
    return true
  }

  private now() { return this.o.now?.() ?? new Date() }

  private async claim(): Promise<SharedResource | undefined> {
    const now = this.now()
    const staleBefore = new Date(now.getTime() - this.claimTimeoutMs)
    return this.o.db.updateTable('sharedResources')
      .set((eb) => ({ processingClaimedAt: now, processingAttempts: eb('processingAttempts', '+', 1) }))
      .where('id', 'in', (eb) => eb.selectFrom('sharedResources').select('id')
        .where('status', '=', 'processing').where('deletedAt', 'is', null).where('storageKey', 'is not', null)
        .where((w) => w.or([w('processingClaimedAt', 'is', null), w('processingClaimedAt', '<', staleBefore)]))
        .orderBy('updatedAt').limit(1).forUpdate().skipLocked())
      .returningAll().executeTakeFirst()
  }

  /** The organization the file's events belong to, and the language its recordings are heard in. */
  private async uploaderOf(resource: SharedResource): Promise<{ organizationId: string; language: 'en' | 'es' }> {
    const uploader = resource.uploadedBy
      ? await this.o.db.selectFrom('users').select(['organizationId', 'language']).where('id', '=', resource.uploadedBy).executeTakeFirst() : undefined
    const organizationId = uploader?.organizationId ?? (await this.o.db.selectFrom('organizations').select('id').orderBy('createdAt').executeTakeFirstOrThrow()).id
    return { organizationId, language: uploader?.language === 'es' ? 'es' : 'en' }
  }

  /**
   * Runs `fn` on the resource only while it is still this claim's file (not deleted, not replaced
   * by a new upload meanwhile); returns false when it is not.
   */
  private async onClaimed(resource: SharedResource, organizationId: string, fn: (ctx: ActionContext, current: SharedResource) => Promise<void>) {
    return inTransaction(this.o.db, { actor: systemActor(organizationId), now: this.now(), onCommit: this.o.onCommit }, async (ctx) => {
      const current = await ctx.tx.selectFrom('sharedResources').selectAll().where('id', '=', resource.id)
        .where('storageKey', '=', resource.storageKey).where('status', '=', 'processing').where('deletedAt', 'is', null)
        .forUpdate().executeTakeFirst()
      if (!current) return false
      await fn(ctx, current)
      return true
    })
  }

  private async progress(resource: SharedResource, organizationId: string, stage: Stage) {
    const still = await this.onClaimed(resource, organizationId, async (ctx, current) => {
      const processing = { stage, percent: PERCENT[stage] }
      await ctx.tx.updateTable('sharedResources').set({ metadata: JSON.stringify({ ...current.metadata, processing }) })
        .where('id', '=', current.id).execute()
      await emitWhereLinked(ctx, await linksOf(ctx, current.id), 'resource.processing', { id: current.id, name: current.name, ...processing })
    })
    if (!still) throw new ClaimLost()
  }

  private async finish(resource: SharedResource, organizationId: string, { analysis, text }: AnalyzedFile) {
    await this.onClaimed(resource, organizationId, async (ctx, current) => {
      // The text, searchable; bounded (PostgreSQL's tsvector tops out at 1 MB).
      const content = text.slice(0, SEARCHABLE_CHARS)
      await ctx.tx.insertInto('resourceTexts').values({ resourceId: current.id, content })
        .onConflict((oc) => oc.column('resourceId').doUpdateSet({ content, updatedAt: ctx.now })).execute()
      const { processing: _done, ...metadata } = current.metadata as Record<string, unknown>
      const ready = await ctx.tx.updateTable('sharedResources').set((eb) => ({
        status: 'ready', processingClaimedAt: null, metadata: JSON.stringify({ ...metadata, analysis }),
        updatedAt: ctx.now, version: eb('version', '+', 1),
      })).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow()
      await this.announce(ctx, ready, `Ready: ${ready.name}`, analysis.summary || analysis.note || null)
    })
  }

  private async fail(resource: SharedResource, organizationId: string, error: Error) {
    if (error instanceof ClaimLost) return
    await this.onClaimed(resource, organizationId, async (ctx, current) => {
      const message = `Processing failed after ${Math.min(current.processingAttempts, this.maxAttempts)} attempts: ${error.message}`
      const failed = await ctx.tx.updateTable('sharedResources').set((eb) => ({
        status: 'failed', processingClaimedAt: null,
        metadata: JSON.stringify({ ...current.metadata, processing: { stage: 'failed', percent: 100, error: message } }),
        updatedAt: ctx.now, version: eb('version', '+', 1),
      })).where('id', '=', current.id).returningAll().executeTakeFirstOrThrow()
      await this.announce(ctx, failed, `Could not process: ${failed.name}`, message)
    })
  }

  /** resource.updated where the file is linked, and a notification for whoever uploaded it. */
  private async announce(ctx: ActionContext, resource: SharedResource, title: string, content: string | null) {
    const { links } = await emitResourceUpdated(ctx, resource)
    if (!resource.uploadedBy) return
    const place = links.find((l) => l.entityType === 'channel' || l.entityType === 'task')
    await notify(ctx, {
      userIds: [resource.uploadedBy], type: 'system', title, content: content && content.length > 300 ? `${content.slice(0, 297)}…` : content,
      entityType: place?.entityType === 'task' ? 'task' : place ? 'channel' : null, entityId: place?.entityId ?? null,
      metadata: { resourceId: resource.id },
    })
  }
}

/** The file was replaced or deleted while it was being processed: drop this round quietly. */
class ClaimLost extends Error {
  constructor() { super('The file changed while it was being processed.') }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
