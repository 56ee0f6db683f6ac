import { useEffect, useState, useSyncExternalStore } from 'react'
import { api } from './api/client'
import { bootstrap, refreshLists, watchAssignments } from './state/data'
import { resetState, setState, useStore } from './state/store'
import { match, navigate, usePath } from './router'
import { SignIn } from './pages/SignIn'
import { Sidebar } from './components/Sidebar'
import { TopBar } from './components/TopBar'
import { CommandBar } from './components/CommandBar'
import { Toasts } from './components/Toasts'
import { ConversationDock } from './components/ConversationDock'
import { ChannelPage } from './pages/ChannelPage'
import { MyTasks } from './pages/MyTasks'
import { Board } from './pages/Board'
import { TaskPage } from './pages/TaskPage'
import { Dashboard } from './pages/Dashboard'
import { Settings } from './pages/Settings'
import { FilesPage } from './pages/FilesPage'
import { Empty } from './components/ui'
import { useT } from './i18n'

const useSession = () => useSyncExternalStore((l) => api.onSession(l), () => api.current)

export function App() {
  const session = useSession()
  const path = usePath()
  const signedIn = Boolean(session)

  useEffect(() => {
    if (!signedIn) { resetState(); return }
    setState({ me: api.current?.user ?? null })
    void bootstrap()
    return watchAssignments()
  }, [signedIn])

  const epoch = useStore((s) => s.epoch)
  useEffect(() => { if (signedIn && epoch > 0) void refreshLists() }, [signedIn, epoch])

  if (!session) {
    if (path !== '/signin') navigate('/signin', true)
    return <SignIn />
  }
  if (path === '/signin') navigate('/', true)
  return <Shell path={path} />
}

function Shell({ path }: { path: string }) {
  const t = useT()
  const [menuOpen, setMenuOpen] = useState(false)
  const lang = t.lang
  useEffect(() => { document.documentElement.lang = lang }, [lang])
  useEffect(() => { setMenuOpen(false) }, [path])
  let page
  let m: Record<string, string> | null
  if (path === '/' || path === '/me') page = <MyTasks />
  else if (path === '/board') page = <Board />
  else if (path === '/dashboard') page = <Dashboard />
  else if (path === '/settings') page = <Settings />
  else if (path === '/files') page = <FilesPage />
  else if ((m = match('/channels/:id', path))) page = <ChannelPage key={m.id} channelId={m.id!} />
  else if ((m = match('/tasks/:id', path))) page = <TaskPage key={m.id} taskId={m.id!} />
  else page = <Empty>{t('notFound')}</Empty>
  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip" href="#main">{t('skipToContent')}</a>
      <Sidebar path={path} />
      <div className="main-col">
        <TopBar onMenu={() => setMenuOpen((o) => !o)} menuOpen={menuOpen} />
        <main id="main" tabIndex={-1}>{page}</main>
      </div>
      <CommandBar path={path} />
      <ConversationDock />
      <Toasts />
    </div>
  )
}
