/**
 * Stage 6 — resolve references. People by first name, full name or email; channels, tasks and
 * resources by fuzzy name; pronouns and deixis ("it", "them", "this channel", "the other two")
 * within the utterance first, then the request's channel, then the session's recent entities.
 * Whatever stays ambiguous or unknown becomes a precise question (a thrown Clarification).
 */
import type { EntityRef, ExistingRef } from '../plan'
import { best, core, fold, nameScore, similarity } from './fuzzy'
import type { Lexicon } from './lexicon'
import type { Choice, Directory, EntityKind, InterpretInput, Language, PendingClarification } from './types'

export type Question = PendingClarification['question']

/** Thrown when a reference needs the user's help; becomes a `clarify` result. */
export class Clarification extends Error {
  constructor(readonly question: Question) {
    super(question.prompt)
  }
}

/** Thrown when a clause is understood but cannot become a plan ("remind me" without a time). */
export class NotUnderstood extends Error {}

export interface Named {
  ref: EntityRef
  name: string
}

type Target = { channel: EntityRef } | { task: EntityRef }

const split = (text: string, lex: Lexicon) =>
  text
    .split(lex.listSeparator)
    .map((s) => s.trim())
    .filter(Boolean)

export class Resolver {
  /** Entities created earlier in this plan, by kind, in creation order. */
  readonly created = { channel: [] as Named[], task: [] as Named[] }
  /** What the utterance is talking about right now. */
  readonly focus: { channel?: Named; task?: Named; tasks?: Named[]; users?: Named[]; last?: 'channel' | 'task' } = {}
  /** Before it creates a channel the user asked for in an answer. */
  onCreateChannel: (name: string) => EntityRef = () => {
    throw new Error('no channel creator')
  }

  constructor(
    readonly input: InterpretInput,
    readonly language: Language,
    readonly lex: Lexicon,
    readonly choices: Record<string, Choice>,
  ) {}

  get directory(): Directory {
    return this.input.directory
  }

  // ---- people -------------------------------------------------------------------------------

  users(text: string): Named[] {
    const t = text.trim()
    if (this.lex.pronouns.them.test(t) && this.focus.users) return this.focus.users
    if (this.lex.pronouns.them.test(t)) {
      const recent = this.recent('user', 10)
      if (recent.length) return recent
    }
    const out: Named[] = []
    for (const item of split(t, this.lex)) {
      const user = this.user(item)
      if (!out.some((u) => sameRef(u.ref, user.ref))) out.push(user)
    }
    this.focus.users = out
    return out
  }

  /** Every item of the list looks like a person we know (or "me"). */
  isUserish(text: string): boolean {
    const items = split(text.trim(), this.lex)
    if (this.lex.pronouns.them.test(text.trim())) return true
    return items.length > 0 && items.every((item) => this.lex.pronouns.me.test(stripPersonalA(item)) || this.userCandidates(stripPersonalA(item)).length > 0)
  }

  user(raw: string): Named {
    const item = stripPersonalA(raw).replace(/^(?:the|el|la)\s+/i, '')
    if (this.lex.pronouns.me.test(item)) return { ref: { ...this.input.speaker }, name: this.input.speaker.name }
    const chosen = this.chosen('user', item)
    if (chosen) return chosen
    const found = this.userCandidates(item)
    if (found.length === 1) return named(found[0]!)
    const prompt =
      found.length > 1
        ? this.say(
            `Which ${titleWord(item)}: ${orList(found.map((u) => u.name), 'or')}?`,
            `¿Qué ${titleWord(item)}: ${orList(found.map((u) => u.name), 'o')}?`,
          )
        : this.say(`I don't know anyone called ${item}. Who do you mean?`, `No conozco a nadie llamado ${item}. ¿A quién te refieres?`)
    throw this.ask('user', item, found.length > 1 ? found : this.suggest('user', item), false, prompt)
  }

  private userCandidates(item: string): ExistingRef[] {
    const q = fold(item)
    if (!q) return []
    if (q.includes('@')) return this.directory.users.filter((u) => u.email.toLowerCase() === q).map(toRef)
    const ranked = best(this.directory.users, (u) => {
      const full = fold(u.name)
      const parts = full.split(' ')
      if (full === q) return 1
      if (parts[0] === q || parts[parts.length - 1] === q) return 0.95
      if (fold(u.email.split('@')[0] ?? '') === q) return 0.95
      const fullSim = 1 - editRatio(full, q)
      const firstSim = 1 - editRatio(parts[0] ?? '', q)
      if (fullSim >= 0.85) return 0.9 * fullSim
      if (q.length >= 4 && firstSim >= 0.75) return 0.85 * firstSim
      return 0
    }, 0.6)
    return ranked.map((r) => toRef(r.item))
  }

  // ---- channels, tasks, resources ----------------------------------------------------------

  /** A channel: pronoun/deixis, created in this plan, or existing. Unknown → a question. */
  channel(text: string, opts: { canCreate?: boolean } = {}): Named {
    const t = text.trim()
    if (this.lex.pronouns.thisChannel.test(t) || (this.lex.pronouns.it.test(t) && this.focus.channel)) {
      const here = this.focus.channel ?? this.contextChannel() ?? this.recent('channel', 1)[0]
      if (here) return this.noteChannel(here)
      throw this.ask('channel', t, [], false, this.say('Which channel do you mean?', '¿A qué canal te refieres?'))
    }
    const found = this.find('channel', t)
    if (found) return this.noteChannel(found)
    throw this.unknown('channel', t, opts.canCreate ?? false)
  }

  /** A channel only if the text clearly names one; never asks. */
  quietChannel(text: string): Named | null {
    const t = text.trim()
    if (this.lex.pronouns.thisChannel.test(t)) return this.focus.channel ?? this.contextChannel() ?? null
    try {
      return this.find('channel', t, 0.8)
    } catch {
      return null
    }
  }

  task(text: string): Named {
    const t = text.trim()
    if (this.lex.pronouns.thatTask.test(t) || this.lex.pronouns.it.test(t)) {
      const it = this.focus.task ?? this.recent('task', 1)[0]
      if (it) return this.noteTask(it)
      throw this.ask('task', t, [], false, this.say('Which task do you mean?', '¿A qué tarea te refieres?'))
    }
    const found = this.find('task', t)
    if (found) return this.noteTask(found)
    throw this.unknown('task', t, false)
  }

  quietTask(text: string, threshold = 0.8): Named | null {
    try {
      return this.find('task', text.trim(), threshold)
    } catch {
      return null
    }
  }

  /** One or more tasks: a list, "them", "both", or "the other two" (excluding `exclude`). */
  tasks(text: string, exclude: Named[] = []): Named[] {
    const t = text.trim()
    const other = this.lex.pronouns.other.exec(t)
    if (other) {
      const group = this.focus.tasks ?? this.created.task
      const rest = group.filter((g) => !exclude.some((e) => sameRef(e.ref, g.ref)))
      if (rest.length) return rest
    }
    if (this.lex.pronouns.them.test(t)) {
      const group = this.focus.tasks ?? this.recent('task', 10)
      if (group.length) return group
    }
    const items = split(t, this.lex)
    const found = (items.length > 1 && !this.quietTask(t, 0.95) ? items : [t]).map((i) => this.task(i))
    return found
  }

  /** Channel or task, whichever the text names ("it" → the last one talked about). */
  target(text: string | undefined): Target {
    const t = (text ?? '').trim()
    if (!t) {
      const last = this.focus.last === 'task' ? this.focus.task : (this.focus.channel ?? this.contextChannel())
      if (last) return this.focus.last === 'task' ? { task: last.ref } : { channel: this.noteChannel(last).ref }
      throw this.ask('channel', '', [], false, this.say('Which channel do you mean?', '¿En qué canal?'))
    }
    const f = fold(t)
    if (this.lex.pronouns.it.test(t)) {
      if (this.focus.last) return this.focus.last === 'task' ? { task: this.task(t).ref } : { channel: this.channel('this channel').ref }
      const recent = (this.input.context?.recent ?? []).find((r) => r.type === 'task' || r.type === 'channel')
      if (recent) return recent.type === 'task' ? { task: { id: recent.id, name: recent.name } } : { channel: { id: recent.id, name: recent.name } }
      const here = this.contextChannel()
      if (here) return { channel: here.ref }
      throw this.ask('task', t, [], false, this.say('Which task or channel do you mean?', '¿A qué tarea o canal te refieres?'))
    }
    if (this.lex.pronouns.thisChannel.test(t) || /\b(?:channel|canal)\b/.test(f)) return { channel: this.channel(t).ref }
    if (this.lex.pronouns.thatTask.test(t) || /\b(?:task|tarea)\b/.test(f)) return { task: this.task(t).ref }
    let question: Clarification | undefined
    const attempt = (kind: 'channel' | 'task') => {
      try {
        return this.find(kind, t)
      } catch (error) {
        if (!(error instanceof Clarification)) throw error
        question ??= error
        return null
      }
    }
    const channel = attempt('channel')
    const task = attempt('task')
    if (channel && (!task || nameScore(t, channel.name) >= nameScore(t, task.name))) return { channel: this.noteChannel(channel).ref }
    if (task) return { task: this.noteTask(task).ref }
    if (question) throw question
    const shown = core(t) || t
    throw this.ask('channel', t, this.suggest('channel', t), false,
      this.say(`I can't find a channel or task called “${shown}”. Which one do you mean?`, `No encuentro ningún canal ni tarea llamado “${shown}”. ¿A cuál te refieres?`))
  }

  /** An existing shared resource, or null when none is called that. */
  resource(text: string): ExistingRef | null {
    const chosen = this.chosen('resource', text)
    if (chosen) return chosen.ref as ExistingRef
    const ranked = best(this.directory.resources, (r) => nameScore(text, r.name), 0.8)
    if (ranked.length === 1) return toRef(ranked[0]!.item)
    if (ranked.length > 1)
      throw this.ask('resource', text, ranked.map((r) => toRef(r.item)), false,
        this.say(`Which one: ${orList(ranked.map((r) => r.item.name), 'or')}?`, `¿Cuál: ${orList(ranked.map((r) => r.item.name), 'o')}?`))
    return null
  }

  unknownResource(text: string): Clarification {
    const suggestions = this.suggest('resource', text)
    const shown = core(text) || text
    const prompt =
      this.say(`I can't find a file or resource called “${shown}”.`, `No encuentro un archivo o recurso llamado “${shown}”.`) +
      (suggestions.length
        ? this.say(` Did you mean ${orList(suggestions.map((s) => s.name), 'or')}?`, ` ¿Quieres decir ${orList(suggestions.map((s) => s.name), 'o')}?`)
        : this.say(' Which one do you mean?', ' ¿Cuál quieres decir?'))
    return this.ask('resource', text, suggestions, false, prompt)
  }

  // ---- bookkeeping ------------------------------------------------------------------------

  noteChannel(c: Named): Named {
    this.focus.channel = c
    this.focus.last = 'channel'
    return c
  }
  noteTask(t: Named): Named {
    this.focus.task = t
    this.focus.last = 'task'
    return t
  }
  created_(kind: 'channel' | 'task', entity: Named) {
    this.created[kind].push(entity)
    if (kind === 'channel') this.noteChannel(entity)
    else this.noteTask(entity)
  }

  private find(kind: 'channel' | 'task', text: string, threshold = 0.7): Named | null {
    const chosen = this.chosen(kind, text)
    if (chosen) return chosen
    const local = best(this.created[kind], (c) => nameScore(text, c.name), 0.8)
    if (local.length >= 1) return local[local.length - 1]!.item
    const items: ExistingRef[] =
      kind === 'channel'
        ? this.directory.channels.map((c) => ({ id: c.id, name: c.name }))
        : this.directory.tasks.map((t) => ({ id: t.id, name: t.title }))
    const ranked = best(items, (c) => nameScore(text, c.name), threshold)
    if (ranked.length === 1) return named(ranked[0]!.item)
    if (ranked.length > 1) {
      const names = ranked.map((r) => r.item.name)
      const prompt = this.say(
        `Which ${kind}: ${orList(names, 'or')}?`,
        `¿Qué ${kind === 'task' ? 'tarea' : 'canal'}: ${orList(names, 'o')}?`,
      )
      throw this.ask(kind, text, ranked.map((r) => r.item), false, prompt)
    }
    return null
  }

  private unknown(kind: 'channel' | 'task', text: string, canCreate: boolean): Clarification {
    const shown = core(text) || text
    const suggestions = this.suggest(kind, text)
    const hint = suggestions.length
      ? this.say(` Did you mean ${orList(suggestions.map((s) => s.name), 'or')}?`, ` ¿Quieres decir ${orList(suggestions.map((s) => s.name), 'o')}?`)
      : ''
    const prompt =
      kind === 'channel'
        ? canCreate
          ? this.say(`I can't find a channel called “${shown}”. Should I create it, or which channel do you mean?`, `No encuentro un canal llamado “${shown}”. ¿Lo creo, o a qué canal te refieres?`) + hint
          : this.say(`I can't find a channel called “${shown}”.`, `No encuentro un canal llamado “${shown}”.`) + (hint || this.say(' Which channel do you mean?', ' ¿A qué canal te refieres?'))
        : this.say(`I can't find a task called “${shown}”.`, `No encuentro una tarea llamada “${shown}”.`) + (hint || this.say(' Which task do you mean?', ' ¿A qué tarea te refieres?'))
    return this.ask(kind, text, suggestions, canCreate, prompt)
  }

  private suggest(kind: EntityKind, text: string): ExistingRef[] {
    const items: ExistingRef[] =
      kind === 'channel' ? this.directory.channels : kind === 'task' ? this.directory.tasks.map((t) => ({ id: t.id, name: t.title })) : kind === 'user' ? this.directory.users : this.directory.resources
    return best(items.map(toRef), (i) => nameScore(text, i.name), 0.5).slice(0, 3).map((s) => s.item)
  }

  private chosen(kind: EntityKind, text: string): Named | null {
    const choice = this.choices[choiceKey(kind, text)]
    if (!choice) return null
    if ('create' in choice) {
      const existing = this.created.channel.find((c) => core(c.name) === core(text))
      if (existing) return existing
      const name = text.trim().replace(/^(?:the|el|la)\s+/i, '')
      return { ref: this.onCreateChannel(name), name }
    }
    return { ref: { id: choice.id, name: choice.name }, name: choice.name }
  }

  private ask(kind: EntityKind, mention: string, candidates: ExistingRef[], canCreate: boolean, prompt: string): Clarification {
    return new Clarification({ key: choiceKey(kind, mention), kind, mention, candidates: candidates.map(toRef), canCreate, prompt })
  }

  private contextChannel(): Named | undefined {
    const id = this.input.context?.channelId
    if (!id) return undefined
    const c = this.directory.channels.find((ch) => ch.id === id)
    return c ? named({ id: c.id, name: c.name }) : undefined
  }

  private recent(kind: EntityKind, n: number): Named[] {
    return (this.input.context?.recent ?? []).filter((r) => r.type === kind).slice(0, n).map((r) => named({ id: r.id, name: r.name }))
  }

  say(en: string, es: string): string {
    return this.language === 'es' ? es : en
  }
}

export const choiceKey = (kind: EntityKind, mention: string) => `${kind}:${core(stripPersonalA(mention)) || fold(mention)}`

const toRef = (x: { id: string; name: string }): ExistingRef => ({ id: x.id, name: x.name })
const named = (x: ExistingRef): Named => ({ ref: toRef(x), name: x.name })
const stripPersonalA = (s: string) => s.trim().replace(/^a\s+(?=\p{Lu}|\S+@)/iu, '').replace(/^al\s+/i, '')
const titleWord = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const editRatio = (a: string, b: string) => 1 - similarity(a, b)

export const sameRef = (a: EntityRef, b: EntityRef) =>
  'ref' in a && 'ref' in b ? a.ref === b.ref : 'id' in a && 'id' in b ? a.id === b.id : false

export function orList(items: string[], word: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`
}
