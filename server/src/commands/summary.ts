/**
 * Spoken-style summaries of a plan (before: "I'll create channel Q1 Campaign in Marketing, …")
 * and of its results (after: "Created channel Q1 Campaign in Marketing, added Sarah Chen and
 * Mike Ross, created 3 tasks …"), in the command's language. Pure: names come from the plan.
 */
import { isExistingRef, isPlanRef, type Plan, type PlanAction } from './plan'

export type SummaryLanguage = 'en' | 'es'
type Tense = 'preview' | 'done'

export interface SummaryResult {
  ref: string
  status?: string
  /** QUERY results carry a count (see the executor's query answers). */
  data?: { count?: number } | unknown
}

type P = Record<string, unknown>
interface Words {
  and: string
  verb: Record<string, [preview: string, done: string]>
  status: Record<string, string>
  things: Record<string, [one: string, many: string]>
  lead: [preview: string, done: string]
  in: string
  to: string
  from: string
  due: string
  nothing: [string, string]
}

const WORDS: Record<SummaryLanguage, Words> = {
  en: {
    and: 'and',
    verb: {
      createChannel: ['create channel', 'created channel'], add: ['add', 'added'], remove: ['remove', 'removed'],
      createTask: ['create', 'created'], update: ['mark', 'marked'], priority: ['set the priority of', 'set the priority of'],
      rename: ['rename', 'renamed'], describe: ['update the description of', 'updated the description of'],
      deadline: ['move', 'moved'], block: ['make', 'made'], post: ['post a message in', 'posted a message in'],
      share: ['share', 'shared'], upload: ['ask you to upload', 'asked you to upload'], link: ['link', 'linked'],
      remind: ['set a reminder', 'set a reminder'], archive: ['archive', 'archived'], query: ['look up', 'looked up'],
    },
    status: { pending: 'pending', in_progress: 'in progress', review: 'in review', completed: 'done', cancelled: 'cancelled' },
    things: { task: ['task', 'tasks'], channel: ['channel', 'channels'], message: ['message', 'messages'], user: ['person', 'people'], tasks: ['task', 'tasks'], channels: ['channel', 'channels'], messages: ['message', 'messages'], users: ['person', 'people'] },
    lead: ["I'll ", ''],
    in: 'in', to: 'to', from: 'from', due: 'due',
    nothing: ['Nothing to do.', 'Nothing was done.'],
  },
  es: {
    and: 'y',
    verb: {
      createChannel: ['crear el canal', 'he creado el canal'], add: ['añadir a', 'he añadido a'], remove: ['quitar a', 'he quitado a'],
      createTask: ['crear', 'he creado'], update: ['marcar', 'he marcado'], priority: ['cambiar la prioridad de', 'he cambiado la prioridad de'],
      rename: ['renombrar', 'he renombrado'], describe: ['actualizar la descripción de', 'he actualizado la descripción de'],
      deadline: ['mover', 'he movido'], block: ['hacer que', 'he hecho que'], post: ['publicar un mensaje en', 'he publicado un mensaje en'],
      share: ['compartir', 'he compartido'], upload: ['pedirte que subas', 'te he pedido que subas'], link: ['vincular', 'he vinculado'],
      remind: ['poner un recordatorio', 'he puesto un recordatorio'], archive: ['archivar', 'he archivado'], query: ['buscar', 'he buscado'],
    },
    status: { pending: 'pendiente', in_progress: 'en progreso', review: 'en revisión', completed: 'terminada', cancelled: 'cancelada' },
    things: { task: ['tarea', 'tareas'], channel: ['canal', 'canales'], message: ['mensaje', 'mensajes'], user: ['persona', 'personas'], tasks: ['tarea', 'tareas'], channels: ['canal', 'canales'], messages: ['mensaje', 'mensajes'], users: ['persona', 'personas'] },
    lead: ['Voy a ', ''],
    in: 'en', to: 'a', from: 'de', due: 'para el',
    nothing: ['No hay nada que hacer.', 'No se ha hecho nada.'],
  },
}

/** Before execution: what the plan will do. */
export function summarizePlan(plan: Plan, language: SummaryLanguage = 'en'): string {
  return summarize(plan, language, 'preview')
}

/** After execution: what was done, with query counts when the results carry them. */
export function summarizeResults(plan: Plan, language: SummaryLanguage = 'en', results: SummaryResult[] = []): string {
  return summarize(plan, language, 'done', results)
}

function summarize(plan: Plan, language: SummaryLanguage, tense: Tense, results: SummaryResult[] = []): string {
  const w = WORDS[language]
  const t = tense === 'preview' ? 0 : 1
  if (!plan.actions.length) return w.nothing[t]
  const names = new Map<string, string>()
  for (const a of plan.actions) {
    if (a.type === 'CREATE_CHANNEL') names.set(a.ref, String(a.params.name))
    if (a.type === 'CREATE_TASK') names.set(a.ref, String(a.params.title))
  }
  const name = (v: unknown): string => (isPlanRef(v) ? (names.get(v.ref) ?? v.ref) : isExistingRef(v) ? v.name : String(v ?? ''))
  const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${w.and} ${items[items.length - 1]}`)
  const target = (p: P) => name(p.channel ?? p.task)
  const dateWords = (iso: unknown) => spokenDate(String(iso), language)
  const parts: string[] = []
  const actions = plan.actions
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!
    const p = a.params as P
    const v = (key: string) => w.verb[key]![t]
    switch (a.type) {
      case 'CREATE_CHANNEL':
        parts.push(`${v('createChannel')} ${p.name}${p.category ? ` ${w.in} ${p.category}` : ''}`)
        break
      case 'ASSIGN_USER':
      case 'UNASSIGN_USER': {
        const users = list((p.users as unknown[]).map(name))
        const prev = actions[i - 1]
        const implied = prev && isPlanRef(p.channel ?? p.task) && (p.channel ?? p.task as { ref: string }) && (p.channel as { ref?: string } | undefined)?.ref === prev.ref
        const prep = a.type === 'ASSIGN_USER' ? w.to : w.from
        parts.push(`${v(a.type === 'ASSIGN_USER' ? 'add' : 'remove')} ${users}${implied ? '' : ` ${prep} ${target(p)}`}`)
        break
      }
      case 'CREATE_TASK': {
        const run: PlanAction[] = [a]
        while (actions[i + 1]?.type === 'CREATE_TASK') run.push(actions[++i]!)
        const describe = (x: PlanAction) => `${x.params.title}${x.params.dueDate ? ` ${w.due} ${dateWords(x.params.dueDate)}` : ''}`
        if (run.length === 1) parts.push(`${v('createTask')} ${language === 'es' ? 'la tarea' : 'task'} ${describe(a)}`)
        else parts.push(`${v('createTask')} ${run.length} ${w.things.task![1]}: ${list(run.map(describe))}`)
        break
      }
      case 'UPDATE_TASK': {
        const task = name(p.task)
        if (p.status) parts.push(`${v('update')} ${task} ${language === 'es' ? 'como' : 'as'} ${w.status[String(p.status)]}`)
        if (p.priority) parts.push(`${v('priority')} ${task} ${w.to} ${p.priority}`)
        if (p.title) parts.push(`${v('rename')} ${task} ${language === 'es' ? 'como' : 'to'} ${p.title}`)
        if (p.description) parts.push(`${v('describe')} ${task}`)
        break
      }
      case 'SET_DEADLINE':
        parts.push(`${v('deadline')} ${name(p.task)} ${w.to} ${dateWords(p.dueDate)}`)
        break
      case 'CREATE_DEPENDENCY': {
        const run: PlanAction[] = [a]
        const same = (x: PlanAction | undefined) => x?.type === 'CREATE_DEPENDENCY' && JSON.stringify(x.params.dependsOn) === JSON.stringify(p.dependsOn) && x.params.dependencyType === p.dependencyType
        while (same(actions[i + 1])) run.push(actions[++i]!)
        const waiting = list(run.map((x) => name(x.params.task)))
        parts.push(dependencyPhrase(language, tense, String(p.dependencyType), name(p.dependsOn), waiting, v('block')))
        break
      }
      case 'SEND_MESSAGE':
        parts.push(`${v('post')} ${target(p)}`)
        break
      case 'SHARE_RESOURCE':
        parts.push(`${v('share')} ${name(p.resource)} ${language === 'es' ? 'en' : 'in'} ${target(p)}`)
        break
      case 'UPLOAD_FILE':
        parts.push(`${v('upload')} ${p.name} ${language === 'es' ? 'en' : 'to'} ${target(p)}`)
        break
      case 'LINK_CHANNELS':
        parts.push(`${v('link')} ${name(p.channel)} ${language === 'es' ? 'con' : 'and'} ${name(p.relatedChannel)}`)
        break
      case 'SET_REMINDER': {
        const who = Array.isArray(p.users) ? ` ${language === 'es' ? 'para' : 'for'} ${list(p.users.map(name))}` : ''
        parts.push(`${v('remind')}${who} ${language === 'es' ? 'el' : 'for'} ${dateWords(p.at)}: ${p.message}`)
        break
      }
      case 'ARCHIVE_CHANNEL':
        parts.push(`${v('archive')} ${name(p.channel)}`)
        break
      case 'QUERY': {
        const entity = String(p.entity)
        const found = results.find((r) => r.ref === a.ref)?.data as { count?: number } | undefined
        if (tense === 'done' && typeof found?.count === 'number') {
          const noun = w.things[entity]![found.count === 1 ? 0 : 1]
          parts.push(language === 'es' ? `he encontrado ${found.count} ${noun}` : `found ${found.count} ${noun}`)
        } else parts.push(`${v('query')} ${w.things[entity]![1]}`)
        break
      }
    }
  }
  const sentence = w.lead[t] + list(parts)
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.'
}

function dependencyPhrase(language: SummaryLanguage, tense: Tense, type: string, first: string, waiting: string, verb: string): string {
  const done = tense === 'done'
  if (language === 'es') {
    if (type === 'blocks') return `${verb} ${first} bloquee ${waiting}`
    if (type === 'parallel') return `${verb} ${waiting} y ${first} vayan en paralelo`
    return `${verb} ${waiting} ${type === 'requires' ? 'requiera' : 'vaya después de'} ${first}`
  }
  if (type === 'blocks') return `${verb} ${first} block ${waiting}`
  if (type === 'parallel') return `${done ? 'set' : 'set'} ${waiting} to run in parallel with ${first}`
  return `${verb} ${waiting} ${type === 'requires' ? 'require' : 'follow'} ${first}`
}

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const ES_DAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado']
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const ES_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre']

/** "Friday March 13" / "viernes 13 de marzo", read from the ISO text itself (its own local time). */
export function spokenDate(iso: string, language: SummaryLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return iso
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const dow = new Date(Date.UTC(y, mo - 1, d)).getUTCDay()
  const time = h === 17 && mi === 0 ? '' : language === 'es' ? ` a las ${h}:${String(mi).padStart(2, '0')}` : ` at ${((h + 11) % 12) + 1}${mi ? `:${String(mi).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`
  return language === 'es' ? `${ES_DAYS[dow]} ${d} de ${ES_MONTHS[mo - 1]}${time}` : `${EN_DAYS[dow]} ${EN_MONTHS[mo - 1]} ${d}${time}`
}
