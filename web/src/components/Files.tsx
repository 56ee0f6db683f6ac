/**
 * The files of a channel or task: upload (with the bytes' progress), then Baton's processing
 * (stage and percent, live from resource.processing events), then what it found — summary,
 * keywords, language, length. A pending upload (made by a command: "upload the brand guidelines
 * to this channel") asks for its file. Downloads go through the API with the user's token.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { api } from '../api/client'
import { fetchContent, uploadContent, uploadNewFile } from '../api/files'
import type { FileAnalysis, FileProcessing, Page, Resource } from '../api/types'
import { keepResources, setState, toast, useStore } from '../state/store'
import { formatDate, useT, type Key } from '../i18n'
import { Avatar, Empty } from './ui'

type Owner = { channelId: string; taskId?: undefined } | { taskId: string; channelId?: undefined }

const STAGE: Record<string, Key> = {
  queued: 'fileQueued', reading: 'fileReading', extracting: 'fileExtracting', transcribing: 'fileTranscribing', analyzing: 'fileAnalyzing', failed: 'fileFailed',
}

export function Files(owner: Owner) {
  const t = useT()
  const entityId = owner.channelId ?? owner.taskId
  const resources = useStore((s) => s.resources)
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let alive = true
    const path = owner.channelId ? `/channels/${owner.channelId}/resources` : `/tasks/${owner.taskId}/resources`
    void api.get<Page<Resource>>(`${path}?limit=100`).then((page) => {
      if (alive) keepResources(page.items)
    }).catch((e) => { if (alive) setError((e as Error).message) })
    return () => { alive = false }
  }, [entityId])

  const list = useMemo(() => Object.values(resources)
    .filter((r) => r.links?.some((l) => l.entityId === entityId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [resources, entityId])

  const [dragging, setDragging] = useState(false)
  /** Several files (picked together or dropped): one after another, each with its progress. */
  const uploadAll = async (files: File[]) => { for (const file of files) await upload(file) }
  const upload = async (file: File, resourceId?: string) => {
    setError(null)
    setUploading({ name: file.name, percent: 0 })
    const progress = (percent: number) => setUploading({ name: file.name, percent })
    try {
      keepResources([await (resourceId ? uploadContent(resourceId, file, progress)
        : uploadNewFile(owner.channelId ? { channelId: owner.channelId } : { taskId: owner.taskId! }, file, progress))])
    } catch (e) { setError((e as Error).message) } finally { setUploading(null) }
  }

  return (
    <section className={`files${dragging ? ' dragging' : ''}`} aria-labelledby={`files-h-${entityId}`}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDragging(true) } }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDragging(false) }}
      onDrop={(e) => { e.preventDefault(); setDragging(false); void uploadAll([...e.dataTransfer.files]) }}>
      <div className="files-head">
        <h2 id={`files-h-${entityId}`}>{t('files')}</h2>
        <button className="btn small" onClick={() => input.current?.click()} disabled={uploading !== null}>{t('uploadFile')}</button>
        <input ref={input} type="file" multiple hidden aria-label={t('uploadFile')}
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void uploadAll(files) }} />
        <span className="muted small files-drop-hint">{t('dropFiles')}</span>
      </div>
      {uploading && (
        <div className="file-upload" role="status">
          {t('uploading')} {uploading.name} <progress max={100} value={uploading.percent} aria-label={`${t('uploading')} ${uploading.name}`} /> {uploading.percent}%
        </div>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      {list.length ? (
        <ul className="file-list">{list.map((r) => <FileRow key={r.id} resource={r} onUpload={(f) => void upload(f, r.id)} />)}</ul>
      ) : !uploading && <Empty>{t('noFiles')}</Empty>}
    </section>
  )
}

/** One file: name (downloads it), size, uploader, then its state — waiting, processing, failed, or what was found. */
export function FileRow({ resource, onUpload, where }: { resource: Resource; onUpload: (file: File) => void; where?: ReactNode }) {
  const t = useT()
  const processing = (resource.metadata as { processing?: FileProcessing }).processing
  const analysis = (resource.metadata as { analysis?: FileAnalysis }).analysis
  const picker = useRef<HTMLInputElement>(null)
  const replacer = useRef<HTMLInputElement>(null)
  const me = useStore((s) => s.me)
  // The server decides (uploader, managers, the CEO); the buttons only show where it would say yes.
  const mayChange = Boolean(me && (me.id === resource.uploadedBy || me.role !== 'staff'))
  return (
    <li className={`file-row status-${resource.status}`} data-resource-id={resource.id}>
      <div className="file-line">
        <span className="file-name">{resource.hasContent ? <button className="link" onClick={() => void download(resource)}>{resource.name}</button> : resource.name}</span>
        <span className="muted small">{resource.fileSize ? formatSize(resource.fileSize) : ''}</span>
        {resource.uploadedBy && <Avatar userId={resource.uploadedBy} size={18} />}
        <time className="muted small">{formatDate(resource.createdAt, t.locale, true)}</time>
        {where}
        {mayChange && resource.status !== 'pending_upload' && (
          <span className="file-actions">
            <button className="link small" onClick={() => replacer.current?.click()}>{t('replaceFile')}</button>
            <input ref={replacer} type="file" hidden aria-label={`${t('replaceFile')}: ${resource.name}`}
              onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onUpload(f) }} />
            <button className="link small danger" onClick={() => void remove(resource, t('deleteFileConfirm'))}>{t('delete')}</button>
          </span>
        )}
      </div>
      {resource.hasContent && <Preview resource={resource} />}
      {resource.status === 'pending_upload' && (
        <div className="file-pending">
          <span className="muted small">{t('fileWaiting')}</span>
          <button className="btn small primary" onClick={() => picker.current?.click()}>{t('uploadTheFile')}</button>
          <input ref={picker} type="file" hidden aria-label={`${t('uploadTheFile')}: ${resource.name}`}
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onUpload(f) }} />
        </div>
      )}
      {resource.status === 'processing' && (
        <div className="file-progress" role="status">
          <span className="small">{t(STAGE[processing?.stage ?? 'queued'] ?? 'fileQueued')}</span>
          <progress max={100} value={processing?.percent ?? 0} aria-label={`${t('processing')} ${resource.name}`} />
        </div>
      )}
      {resource.status === 'failed' && <p className="error-text small">{processing?.error ?? t('fileFailed')}</p>}
      {resource.status === 'ready' && analysis && (
        <div className="file-analysis">
          {analysis.summary && <p className="file-summary">{analysis.summary}</p>}
          {analysis.keywords.length > 0 && <p className="chips">{analysis.keywords.map((k) => <span key={k} className="chip small">{k}</span>)}</p>}
          <p className="muted small">
            {[analysis.summarizer === 'llm' ? t('aiSummary') : null, analysis.wordCount ? `${analysis.wordCount} ${t('words')}` : null, analysis.pages ? `${analysis.pages} ${t('pages')}` : null,
              analysis.language ? analysis.language.toUpperCase() : null, analysis.note ?? null].filter(Boolean).join(' · ')}
          </p>
        </div>
      )}
    </li>
  )
}

const PICTURE = /^image\/(png|jpeg|gif|webp)$/
const SOUND = /^audio\//
const MAX_PREVIEW_BYTES = 5 * 1024 * 1024

/** A picture shown small, a recording playable; fetched with the user's token (the API is not cookie-based). */
function Preview({ resource }: { resource: Resource }) {
  const t = useT()
  const mime = resource.mimeType ?? ''
  const picture = PICTURE.test(mime) && (resource.fileSize ?? 0) <= MAX_PREVIEW_BYTES
  const sound = SOUND.test(mime)
  const [url, setUrl] = useState<string | null>(null)
  const load = async () => {
    try { setUrl(URL.createObjectURL(await fetchContent(resource.id))) } catch { /* a preview is a nicety; the name still downloads */ }
  }
  useEffect(() => { if (picture) void load() }, [resource.id, resource.sha256]) // a replaced file shows anew
  useEffect(() => () => { if (url) URL.revokeObjectURL(url) }, [url])
  if (picture) return url ? <img className="file-preview" src={url} alt={resource.name} /> : null
  if (sound) return url ? <audio className="file-audio" controls autoPlay src={url} aria-label={resource.name} />
    : <button className="btn small" onClick={() => void load()}>▶ {t('play')}</button>
  return null
}

async function remove(resource: Resource, question: string) {
  if (!confirm(question)) return
  try {
    await api.del(`/resources/${resource.id}`)
    setState((s) => { const { [resource.id]: _gone, ...rest } = s.resources; return { resources: rest } })
  } catch (e) { toast((e as Error).message, { tone: 'error' }) }
}

async function download(resource: Resource) {
  try {
    const url = URL.createObjectURL(await fetchContent(resource.id, { download: true }))
    const a = Object.assign(document.createElement('a'), { href: url, download: String((resource.metadata as { fileName?: string }).fileName ?? resource.name) })
    document.body.append(a); a.click(); a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  } catch (e) { toast((e as Error).message, { tone: 'error' }) }
}

const formatSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`)
