import { useStore } from './state/store'

const en = {
  appName: 'Baton', signIn: 'Sign in', signOut: 'Sign out', email: 'Email', password: 'Password', signingIn: 'Signing in…',
  demoAccounts: 'Demo accounts', demoHint: 'Every demo account uses the password', useAccount: 'Use this account',
  channels: 'Channels', uncategorized: 'Other channels', myTasks: 'My tasks', board: 'Board', dashboard: 'Dashboard',
  notifications: 'Notifications', markAllRead: 'Mark all read', noNotifications: 'You are all caught up.',
  commandPlaceholder: 'Tell Baton what to do… (Ctrl+K)', command: 'Command', run: 'Preview', confirm: 'Confirm', cancel: 'Cancel',
  undo: 'Undo', undone: 'Undone', holdToTalk: 'Hold to talk', recording: 'Listening… release to send', transcribing: 'Transcribing…',
  planning: 'Planning…', executing: 'Running…', plan: 'Plan', result: 'Result', answer: 'Answer', transcript: 'Heard',
  voiceUnavailable: 'Voice is not available on this server.', micDenied: 'Microphone access was refused.',
  voiceInstall: 'To install it:', converse: 'Conversation', converseHint: 'Talk hands-free: speak, pause, hear the answer',
  convTitle: 'Conversation', convStarting: 'Starting…', convListening: 'Listening — say a command', convHearing: 'Hearing you…',
  convThinking: 'Working on it…', convSpeaking: 'Speaking…', convStopping: 'Finishing…', convReconnecting: 'Connection lost — resuming…', convEnd: 'End conversation',
  convHush: 'Stop speaking', convYou: 'You', convBaton: 'Baton', convUnsure: 'not sure I heard right', convSayYes: 'Say “yes” or “no”, or',
  convEnded: 'Conversation ended.', convDismiss: 'Dismiss', convAgain: 'Start again', convDropped: 'interrupted',
  convHeadphones: 'I use headphones (better recognition; off: echo cancellation for speakers)',
  files: 'Files', attachFile: 'Attach a file', dropFiles: 'or drop files here', searchFiles: 'Search files', searchFilesHint: 'Search by name or by the words inside a file…', noFilesFound: 'No file matches.', uploadFile: 'Upload a file', uploading: 'Uploading', noFiles: 'No files yet.', fileWaiting: 'Waiting for its file.',
  uploadTheFile: 'Upload the file', fileUploaded: 'file uploaded', play: 'Play', replaceFile: 'Replace', deleteFileConfirm: 'Delete this file for everyone?', processing: 'Processing', fileQueued: 'Queued…', fileReading: 'Reading…', fileExtracting: 'Extracting the text…',
  fileTranscribing: 'Transcribing the recording…', fileAnalyzing: 'Summarizing…', fileFailed: 'Could not process this file.', words: 'words', pages: 'pages', aiSummary: 'summary by the AI model',
  rename: 'Rename', taskTitle: 'Task title', editDescription: 'Edit description', addDescription: 'Add a description', removeDependency: 'Remove dependency',
  addDependency: 'Add dependency', waitsFor: 'This task waits for', pickTask: 'Choose a task…', dependencyType: 'Dependency type',
  dep_blocks: 'blocks', dep_requires: 'requires', dep_follows: 'follows', dep_parallel: 'parallel',
  comments: 'Comments', comment: 'Comment', commentPlaceholder: 'Write a comment… (Ctrl+Enter to send)',
  settings: 'Settings', profile: 'Profile', name: 'Name', timezone: 'Time zone', saved: 'Saved.', muteAll: 'Mute everything except my own reminders',
  notificationKinds: 'Kinds of notification', quietHours: 'Quiet hours', from: 'From', until: 'Until',
  quietHoursHint: 'Notifications that arrive in these hours wait until they end (urgent ones still arrive), in your time zone.',
  nkTaskAssigned: 'A task is assigned to me', nkDeadline: 'A deadline is near', nkMention: 'Someone mentions me', nkChannelInvite: 'I am added to a channel',
  nkTaskCompleted: 'A task I created is done', nkUnblocked: 'My task is unblocked', nkReminder: 'Reminders',
  connLive: 'Live', connConnecting: 'Connecting…', connReconnecting: 'Reconnecting…', connOffline: 'Offline',
  newTask: 'New task', title: 'Title', create: 'Create', save: 'Save', edit: 'Edit', delete: 'Delete', reply: 'Reply', replies: 'replies',
  send: 'Send', messagePlaceholder: 'Write a message… (@name to mention)', noMessages: 'No messages yet. Start the conversation.',
  noTasks: 'No tasks here yet.', noChannels: 'No channels yet. Try the command bar: “Create a channel for …”',
  status: 'Status', priority: 'Priority', due: 'Due', assignees: 'Assignees', subtasks: 'Subtasks', dependencies: 'Dependencies',
  dependsOn: 'Depends on', blocks: 'Blocks', criticalPath: 'Critical path', activity: 'Activity', description: 'Description',
  unassigned: 'Unassigned', overdue: 'Overdue', atRisk: 'At risk', workload: 'Workload', recentCommands: 'Recent commands',
  openTasks: 'open tasks', tasks: 'Tasks', messages: 'Messages', loading: 'Loading…', error: 'Something went wrong',
  retry: 'Retry', notFound: 'Not found', back: 'Back', viewing: 'viewing', online: 'online', away: 'away', offline: 'offline',
  assignedToYou: 'Assigned to you', language: 'Language', close: 'Close', blockedBy: 'Blocked by', progress: 'Progress',
  filterAll: 'All', search: 'Search', none: 'None', members: 'Members', question: 'Baton asks', nothingOverdue: 'Nothing is overdue.',
  nothingAtRisk: 'Nothing at risk.', noCommands: 'No commands yet.', skipToContent: 'Skip to content', menu: 'Menu',
  pending: 'Pending', in_progress: 'In progress', review: 'Review', completed: 'Completed', cancelled: 'Cancelled',
  low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent', critical: 'Critical', moveTo: 'Move to', edited: 'edited',
  deleteConfirm: 'Delete this message?', updated: 'Updated', createdBy: 'Created by', remindAt: 'at', dropHere: 'Drop here', cannotLoad: 'Could not load this page.',
}

const es: typeof en = {
  appName: 'Baton', signIn: 'Iniciar sesión', signOut: 'Cerrar sesión', email: 'Correo', password: 'Contraseña', signingIn: 'Entrando…',
  demoAccounts: 'Cuentas de demostración', demoHint: 'Todas las cuentas de demostración usan la contraseña', useAccount: 'Usar esta cuenta',
  channels: 'Canales', uncategorized: 'Otros canales', myTasks: 'Mis tareas', board: 'Tablero', dashboard: 'Panel',
  notifications: 'Notificaciones', markAllRead: 'Marcar todo como leído', noNotifications: 'Estás al día.',
  commandPlaceholder: 'Dile a Baton qué hacer… (Ctrl+K)', command: 'Comando', run: 'Previsualizar', confirm: 'Confirmar', cancel: 'Cancelar',
  undo: 'Deshacer', undone: 'Deshecho', holdToTalk: 'Mantén para hablar', recording: 'Escuchando… suelta para enviar', transcribing: 'Transcribiendo…',
  planning: 'Planificando…', executing: 'Ejecutando…', plan: 'Plan', result: 'Resultado', answer: 'Responder', transcript: 'Oído',
  voiceUnavailable: 'La voz no está disponible en este servidor.', micDenied: 'Se denegó el acceso al micrófono.',
  voiceInstall: 'Para instalarla:', converse: 'Conversación', converseHint: 'Habla sin manos: di algo, haz una pausa, escucha la respuesta',
  convTitle: 'Conversación', convStarting: 'Iniciando…', convListening: 'Escuchando — di un comando', convHearing: 'Te escucho…',
  convThinking: 'Trabajando en ello…', convSpeaking: 'Hablando…', convStopping: 'Terminando…', convReconnecting: 'Conexión perdida — reanudando…', convEnd: 'Terminar conversación',
  convHush: 'Dejar de hablar', convYou: 'Tú', convBaton: 'Baton', convUnsure: 'no estoy seguro de haber oído bien', convSayYes: 'Di «sí» o «no», o',
  convEnded: 'Conversación terminada.', convDismiss: 'Cerrar', convAgain: 'Empezar de nuevo', convDropped: 'interrumpido',
  convHeadphones: 'Uso auriculares (mejor reconocimiento; si no, cancelación de eco para altavoces)',
  files: 'Archivos', attachFile: 'Adjuntar un archivo', dropFiles: 'o suelta archivos aquí', searchFiles: 'Buscar archivos', searchFilesHint: 'Busca por nombre o por las palabras de un archivo…', noFilesFound: 'Ningún archivo coincide.', uploadFile: 'Subir un archivo', uploading: 'Subiendo', noFiles: 'Aún no hay archivos.', fileWaiting: 'Esperando su archivo.',
  uploadTheFile: 'Subir el archivo', fileUploaded: 'archivo subido', play: 'Reproducir', replaceFile: 'Reemplazar', deleteFileConfirm: '¿Eliminar este archivo para todos?', processing: 'Procesando', fileQueued: 'En cola…', fileReading: 'Leyendo…', fileExtracting: 'Extrayendo el texto…',
  fileTranscribing: 'Transcribiendo la grabación…', fileAnalyzing: 'Resumiendo…', fileFailed: 'No se pudo procesar este archivo.', words: 'palabras', pages: 'páginas', aiSummary: 'resumen del modelo de IA',
  rename: 'Renombrar', taskTitle: 'Título de la tarea', editDescription: 'Editar descripción', addDescription: 'Añadir una descripción', removeDependency: 'Quitar dependencia',
  addDependency: 'Añadir dependencia', waitsFor: 'Esta tarea espera a', pickTask: 'Elige una tarea…', dependencyType: 'Tipo de dependencia',
  dep_blocks: 'bloquea', dep_requires: 'requiere', dep_follows: 'sigue a', dep_parallel: 'en paralelo',
  comments: 'Comentarios', comment: 'Comentario', commentPlaceholder: 'Escribe un comentario… (Ctrl+Enter para enviar)',
  settings: 'Ajustes', profile: 'Perfil', name: 'Nombre', timezone: 'Zona horaria', saved: 'Guardado.', muteAll: 'Silenciar todo salvo mis propios recordatorios',
  notificationKinds: 'Tipos de notificación', quietHours: 'Horas de silencio', from: 'Desde', until: 'Hasta',
  quietHoursHint: 'Las notificaciones que lleguen en estas horas esperan a que terminen (las urgentes llegan igual), en tu zona horaria.',
  nkTaskAssigned: 'Me asignan una tarea', nkDeadline: 'Se acerca una fecha límite', nkMention: 'Alguien me menciona', nkChannelInvite: 'Me añaden a un canal',
  nkTaskCompleted: 'Se completa una tarea que creé', nkUnblocked: 'Se desbloquea mi tarea', nkReminder: 'Recordatorios',
  connLive: 'En vivo', connConnecting: 'Conectando…', connReconnecting: 'Reconectando…', connOffline: 'Sin conexión',
  newTask: 'Nueva tarea', title: 'Título', create: 'Crear', save: 'Guardar', edit: 'Editar', delete: 'Eliminar', reply: 'Responder', replies: 'respuestas',
  send: 'Enviar', messagePlaceholder: 'Escribe un mensaje… (@nombre para mencionar)', noMessages: 'Aún no hay mensajes. Empieza la conversación.',
  noTasks: 'Aún no hay tareas.', noChannels: 'Aún no hay canales. Prueba la barra de comandos: «Crea un canal para …»',
  status: 'Estado', priority: 'Prioridad', due: 'Vence', assignees: 'Responsables', subtasks: 'Subtareas', dependencies: 'Dependencias',
  dependsOn: 'Depende de', blocks: 'Bloquea', criticalPath: 'Ruta crítica', activity: 'Actividad', description: 'Descripción',
  unassigned: 'Sin asignar', overdue: 'Vencidas', atRisk: 'En riesgo', workload: 'Carga de trabajo', recentCommands: 'Comandos recientes',
  openTasks: 'tareas abiertas', tasks: 'Tareas', messages: 'Mensajes', loading: 'Cargando…', error: 'Algo salió mal',
  retry: 'Reintentar', notFound: 'No encontrado', back: 'Volver', viewing: 'viendo', online: 'en línea', away: 'ausente', offline: 'desconectado',
  assignedToYou: 'Asignado a ti', language: 'Idioma', close: 'Cerrar', blockedBy: 'Bloqueada por', progress: 'Progreso',
  filterAll: 'Todas', search: 'Buscar', none: 'Ninguna', members: 'Miembros', question: 'Baton pregunta', nothingOverdue: 'Nada vencido.',
  nothingAtRisk: 'Nada en riesgo.', noCommands: 'Aún no hay comandos.', skipToContent: 'Saltar al contenido', menu: 'Menú',
  pending: 'Pendiente', in_progress: 'En curso', review: 'Revisión', completed: 'Completada', cancelled: 'Cancelada',
  low: 'Baja', medium: 'Media', high: 'Alta', urgent: 'Urgente', critical: 'Crítica', moveTo: 'Mover a', edited: 'editado',
  deleteConfirm: '¿Eliminar este mensaje?', updated: 'Actualizada', createdBy: 'Creada por', remindAt: 'a las', dropHere: 'Suelta aquí', cannotLoad: 'No se pudo cargar esta página.',
}

export type Key = keyof typeof en
const dictionaries = { en, es }
export type Lang = keyof typeof dictionaries

export const langOf = (language: string | null | undefined): Lang =>
  (language ?? navigator.language ?? 'en').toLowerCase().startsWith('es') ? 'es' : 'en'

/** The UI strings in the signed-in user's language (Spanish or English). */
export function useT() {
  const lang = useStore((s) => langOf(s.me?.language))
  const dict = dictionaries[lang]
  const t = (key: Key) => dict[key] ?? en[key]
  return Object.assign(t, { lang, locale: lang === 'es' ? 'es-ES' : 'en-US' })
}
export type T = ReturnType<typeof useT>

export function formatDate(iso: string | null | undefined, locale: string, withTime = false) {
  if (!iso) return ''
  const d = new Date(iso)
  return d.toLocaleDateString(locale, { month: 'short', day: 'numeric', ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}) })
}
