import { useMemo } from 'react'
import { loadTasks } from '../state/data'
import { useStore } from '../state/store'
import { useAsync } from '../state/useAsync'
import { useT } from '../i18n'
import { NewTaskForm, TaskRow } from '../components/tasks'
import { Empty, ErrorBox, Spinner } from '../components/ui'

const OPEN = new Set(['pending', 'in_progress', 'review'])

export function MyTasks() {
  const t = useT()
  const me = useStore((s) => s.me)
  const tasks = useStore((s) => s.tasks)
  const { loading, error, retry } = useAsync(() => loadTasks({ assignee: 'me', sort: 'due' }, 500), [me?.id])
  const mine = useMemo(() => Object.values(tasks).filter((task) => me && task.assigneeIds.includes(me.id))
    .sort((a, b) => Number(!OPEN.has(a.status)) - Number(!OPEN.has(b.status)) || (a.dueDate ?? '9').localeCompare(b.dueDate ?? '9')), [tasks, me])
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('myTasks')}</h1>
      <NewTaskForm assignToMe />
      {error ? <ErrorBox error={error} onRetry={retry} /> : null}
      {loading && !mine.length ? <Spinner /> : mine.length === 0 ? <Empty>{t('noTasks')}</Empty> : (
        <ul className="task-list">{mine.map((task) => <TaskRow key={task.id} task={task} />)}</ul>
      )}
    </section>
  )
}
