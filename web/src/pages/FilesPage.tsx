/**
 * Every file I can see, newest first, searchable by name, description or the words inside it
 * (GET /resources?q=, which also matches the text the file pipeline found). Results land in the
 * store, so processing progress and new uploads stay live here too.
 */
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Page, Resource } from '../api/types'
import { uploadContent } from '../api/files'
import { keepResources, toast, useStore } from '../state/store'
import { useT } from '../i18n'
import { FileRow } from '../components/Files'
import { A, Empty, ErrorBox, Spinner } from '../components/ui'

export function FilesPage() {
  const t = useT()
  const [query, setQuery] = useState('')
  const [ids, setIds] = useState<string[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const resources = useStore((s) => s.resources)

  useEffect(() => {
    let alive = true
    // Typing settles before asking: one request per pause, not per key.
    const timer = setTimeout(() => {
      const q = query.trim()
      void api.get<Page<Resource>>(`/resources?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`).then((page) => {
        if (!alive) return
        keepResources(page.items)
        setIds(page.items.map((r) => r.id)); setError(null)
      }).catch((e) => { if (alive) setError(e) })
    }, query ? 250 : 0)
    return () => { alive = false; clearTimeout(timer) }
  }, [query])

  const list = (ids ?? []).map((id) => resources[id]).filter((r): r is Resource => Boolean(r) && r!.resourceType !== 'link')
  return (
    <section className="page files-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('files')}</h1>
      <input className="search" type="search" aria-label={t('searchFiles')} placeholder={t('searchFilesHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {error ? <ErrorBox error={error} /> : null}
      {ids === null ? <Spinner /> : list.length ? (
        <ul className="file-list">
          {list.map((r) => <FileRow key={r.id} resource={r} where={<Where resource={r} />}
            onUpload={(f) => void uploadContent(r.id, f, () => undefined).then((saved) => keepResources([saved]), (e: Error) => toast(e.message, { tone: 'error' }))} />)}
        </ul>
      ) : <Empty>{query.trim() ? t('noFilesFound') : t('noFiles')}</Empty>}
    </section>
  )
}

/** Where the file lives: its channel or task, as a link. */
function Where({ resource }: { resource: Resource }) {
  const channels = useStore((s) => s.channels)
  const tasks = useStore((s) => s.tasks)
  const link = resource.links?.find((l) => l.entityType === 'channel' || l.entityType === 'task')
  if (!link) return null
  if (link.entityType === 'channel') return <A href={`/channels/${link.entityId}`} className="small">#{channels[link.entityId]?.name ?? '…'}</A>
  return <A href={`/tasks/${link.entityId}`} className="small">{tasks[link.entityId]?.title ?? '…'}</A>
}
