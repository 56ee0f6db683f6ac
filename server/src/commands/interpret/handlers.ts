/**
 * One handler per intent: slots in, actions out. A handler returns false to decline a match
 * (the next grammar rule is then tried); it throws a Clarification when a reference needs help.
 */
import type { EntityRef } from '../plan'
import type { Clock } from './dates'
import { anyDate, capitalize, channelName, parseNumber, peelTaskPhrase, type TaskPhrase } from './extract'
import { core } from './fuzzy'
import type { Intent } from './grammar'
import type { Lexicon } from './lexicon'
import { restore } from './normalize'
import type { PlanBuilder } from './planBuilder'
import { NotUnderstood, type Named, type Resolver } from './resolve'
import type { Language } from './types'
import { QUERY_FILTERS, queryEntity } from './queryFilters'

export interface Ctx {
  language: Language
  lex: Lexicon
  clock: Clock
  resolver: Resolver
  plan: PlanBuilder
  quotes: string[]
}

type Slots = Record<string, string>
type Handler = (slots: Slots, ctx: Ctx) => boolean

const STATUS_VALUES = ['pending', 'in_progress', 'review', 'completed', 'cancelled']
const PRIORITY_VALUES = ['low', 'medium', 'high', 'urgent', 'critical']

/** Restored text of a slot, sentence-cased unless it was quoted. */
function textOf(value: string, ctx: Ctx, casing: 'sentence' | 'asis' = 'sentence'): string {
  const { text, exact } = restore(value, ctx.quotes)
  const t = text.trim().replace(/^[:,]\s*/, '')
  return exact || casing === 'asis' ? t : capitalize(t)
}

const mapWord = <T>(table: Record<string, T>, word: string | undefined, valid: string[] = []): T | undefined => {
  if (!word) return undefined
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim()
  return table[w] ?? table[w.replace(/\s+priority$|^prioridad\s+|\s+prioridad$/, '')] ?? (valid.includes(w) ? (w as T) : undefined)
}

const refs = (named: Named[]) => named.map((n) => n.ref)

function defaultChannel(ctx: Ctx): EntityRef | undefined {
  const c = ctx.resolver.focus.channel ?? ctx.resolver.quietChannel('this channel') ?? undefined
  return c?.ref
}

function createTaskFrom(phrase: TaskPhrase, ctx: Ctx, extra: { priority?: string; channel?: EntityRef; tolerateTitleChannel?: boolean }): Named | null {
  const r = ctx.resolver
  if (!phrase.title) return null
  const f = phrase.fields
  const title = textOf(phrase.title, ctx)
  const channel = f.channel ? r.channel(f.channel, { canCreate: true }).ref : (extra.channel ?? defaultChannel(ctx))
  const params = {
    title,
    channel,
    parentTask: f.parent ? r.task(f.parent).ref : undefined,
    dueDate: phrase.dueDate,
    priority: mapWord(ctx.lex.priorities, f.priority) ?? mapWord(ctx.lex.priorities, extra.priority),
    assignees: f.assignees ? refs(r.users(f.assignees)) : undefined,
    description: f.description ? textOf(f.description, ctx) : undefined,
    tags: f.tags ? f.tags.split(ctx.lex.listSeparator).map((t) => textOf(t, ctx, 'asis').replace(/^#/, '')).filter(Boolean) : undefined,
    estimatedHours: f.estimate ? Number(f.estimate.replace(',', '.')) : undefined,
  }
  const ref = ctx.plan.add('CREATE_TASK', params)
  const named = { ref, name: title }
  r.created_('task', named)
  return named
}

function peel(text: string, ctx: Ctx, explicitTitle: boolean): TaskPhrase {
  return peelTaskPhrase(text, ctx.clock, ctx.lex, {
    accept: (kind, value) =>
      kind === 'softChannel'
        ? explicitTitle || Boolean(ctx.resolver.quietChannel(value))
        : ctx.resolver.isUserish(value),
  })
}

const CHANNEL_PREP = /\b(?:to|in|into|from|of|on|with|a|al|en|con|del?)\b/i

const HANDLERS: Record<Intent, Handler> = {
  createChannel(s, ctx) {
    const { lex, resolver: r } = ctx
    let pre = (s.pre ?? '').trim().replace(/^(?:new|nuev[oa])\b\s*/i, '')
    if (pre.split(' ').length > 4 || (pre && CHANNEL_PREP.test(pre) && !/^de\s/i.test(pre))) return false
    pre = pre.replace(/^de\s+/i, '')
    let privacy: string | undefined
    let channelType: string | undefined
    const categoryWords: string[] = []
    for (const word of pre.split(/\s+/).filter(Boolean)) {
      const w = word.toLowerCase()
      if (lex.privacies[w]) privacy = lex.privacies[w]
      else if (lex.channelTypes[w]) channelType = lex.channelTypes[w]
      else categoryWords.push(word)
    }
    let name = s.name ?? ''
    let category = categoryWords.length ? categoryWords.join(' ') : undefined
    let parent: EntityRef | undefined
    let description: string | undefined
    const suffixes: [RegExp, (v: string) => void][] = [
      [/,?\s+(?:with\s+(?:the\s+)?description|described\s+as|con\s+(?:la\s+)?descripci[oó]n)\s*:?\s+(.+)$/i, (v) => (description = textOf(v, ctx))],
      [/\s+(?:in|under)\s+(?:the\s+)?(.+?)\s+category$|\s+en\s+la\s+categor[ií]a\s+(?:de\s+)?(.+)$/i, (v) => (category = v)],
      [/\s+(?:under|inside|bajo|dentro\s+de)\s+(?:the\s+|el\s+)?(.+)$/i, (v) => (parent = r.channel(v).ref)],
      [/,?\s+(?:as\s+(?:a\s+)?)?(private|public|restricted|privado|privada|p[uú]blico|p[uú]blica)$/i, (v) => (privacy = lex.privacies[v.toLowerCase()] ?? privacy)],
    ]
    for (let changed = true; changed; ) {
      changed = false
      for (const [pattern, apply] of suffixes) {
        const m = pattern.exec(name)
        if (m && m.index > 0) {
          apply((m[1] ?? m[2])!.trim())
          name = name.slice(0, m.index).trim()
          changed = true
        }
      }
    }
    if (!name) {
      if (!category) return false
      name = category
      category = undefined
    }
    const { text, exact } = restore(name, ctx.quotes)
    const finalName = exact ? text : channelName(text, lex, ctx.language)
    if (category) {
      const known = ctx.resolver.directory.categories.find((c) => core(c.name) === core(category!))
      category = known ? known.name : channelName(restore(category, ctx.quotes).text, lex, ctx.language)
    }
    const ref = ctx.plan.add('CREATE_CHANNEL', { name: finalName, description, category, channelType, privacy, parent })
    r.created_('channel', { ref, name: finalName })
    return true
  },

  createTask(s, ctx) {
    const rest = s.rest ?? ''
    if (/^(?:for|to|para)\s*$/i.test(rest)) return false
    if (!/called|named|titled|llamad|titulad/i.test(s.__template ?? '') && /^(?:called|named|titled|llamad[oa]|titulad[oa])\b/i.test(rest)) return false
    const explicit = /^⟦\d+⟧/.test(rest)
    return createTaskFrom(peel(rest, ctx, explicit || /called|named|titled|llamad|titulad/i.test(s.__template ?? '')), ctx, { priority: s.priority }) !== null
  },

  createTasks(s, ctx) {
    const items = (s.list ?? '').split(ctx.lex.listSeparator).map((i) => i.trim()).filter(Boolean)
    const count = parseNumber(s.count, ctx.lex)
    if (!items.length || (count !== undefined && count > 1 && items.length === 1)) return false
    const channel = s.channel ? ctx.resolver.channel(s.channel, { canCreate: true }).ref : undefined
    const group: Named[] = []
    for (const item of items) {
      const task = createTaskFrom(peel(item, ctx, false), ctx, { priority: s.priority, channel })
      if (task) group.push(task)
    }
    ctx.resolver.focus.tasks = group
    return group.length > 0
  },

  assign(s, ctx) {
    const r = ctx.resolver
    let users = s.users
    let target = s.target
    if (s.either) {
      const kindWord = /\b(?:task|channel|tarea|canal)\b/i
      const named = (t: string) => Boolean(r.quietTask(t) ?? r.quietChannel(t))
      const swap = r.isUserish(s.y!) ? !r.isUserish(s.x!) || kindWord.test(s.x!) : !r.isUserish(s.x!) && named(s.x!)
      users = swap ? s.y : s.x
      target = swap ? s.x : s.y
    }
    if (!users) return false
    if (!r.isUserish(users) && r.resource(restore(users, ctx.quotes).text)) return false
    const where = r.target(target)
    ctx.plan.add('ASSIGN_USER', { users: refs(r.users(users)), ...where })
    return true
  },

  unassign(s, ctx) {
    const r = ctx.resolver
    if (!s.users) return false
    const where = r.target(s.target)
    ctx.plan.add('UNASSIGN_USER', { users: refs(r.users(s.users)), ...where })
    return true
  },

  updateTask(s, ctx) {
    const status = mapWord(ctx.lex.statuses, s.status, STATUS_VALUES)
    const priority = mapWord(ctx.lex.priorities, s.priority, PRIORITY_VALUES)
    if (s.status && !status) return false
    if (s.priority && !priority) return false
    const task = ctx.resolver.task(s.task!)
    ctx.plan.add('UPDATE_TASK', {
      task: task.ref,
      title: s.title ? textOf(s.title, ctx) : undefined,
      status,
      priority,
      description: s.description ? textOf(s.description, ctx) : undefined,
    })
    return true
  },

  deadline(s, ctx) {
    const found = anyDate(s.date ?? '', ctx.clock, ctx.lex)
    if (!found || !/^(?:the|el|la|a|al)?$/i.test(found.rest)) return false
    const task = ctx.resolver.task(s.task!)
    ctx.plan.add('SET_DEADLINE', { task: task.ref, dueDate: found.iso })
    return true
  },

  depend(s, ctx) {
    const r = ctx.resolver
    const isOther = (t: string) => ctx.lex.pronouns.other.test(t.trim())
    let first: Named[]
    let then: Named[]
    if (isOther(s.a!)) {
      then = r.tasks(s.b!)
      first = r.tasks(s.a!, then)
    } else {
      first = r.tasks(s.a!)
      then = r.tasks(s.b!, first)
    }
    let added = 0
    for (const b of then)
      for (const a of first) {
        if (JSON.stringify(a.ref) === JSON.stringify(b.ref)) continue
        ctx.plan.add('CREATE_DEPENDENCY', { task: b.ref, dependsOn: a.ref, dependencyType: s.type })
        added++
      }
    return added > 0
  },

  message(s, ctx) {
    const content = textOf(s.content ?? '', ctx)
    if (!content) return false
    const where = ctx.resolver.target(s.target)
    ctx.plan.add('SEND_MESSAGE', { content, ...where })
    return true
  },

  share(s, ctx) {
    const r = ctx.resolver
    const { text, exact } = restore(s.resource ?? '', ctx.quotes)
    if (r.isUserish(text) && !r.resource(text)) return false
    const resource = r.resource(text)
    if (!resource && s.mode !== 'upload') throw r.unknownResource(text)
    const where = r.target(s.target)
    if (resource) ctx.plan.add('SHARE_RESOURCE', { resource, ...where })
    else ctx.plan.add('UPLOAD_FILE', { name: exact ? text : uploadName(text, ctx), ...where })
    return true
  },

  link(s, ctx) {
    const relationshipType = mapWord(ctx.lex.relationships, s.relationship)
    if (!relationshipType) return false
    const a = ctx.resolver.channel(s.a!)
    const b = ctx.resolver.channel(s.b!)
    ctx.plan.add('LINK_CHANNELS', { channel: a.ref, relatedChannel: b.ref, relationshipType })
    return true
  },

  remind(s, ctx) {
    const r = ctx.resolver
    let body = s.body ?? ''
    let at: string | undefined
    if (s.date) {
      const d = anyDate(s.date, ctx.clock, ctx.lex)
      if (!d || d.rest) return false
      at = d.iso
    } else {
      const d = anyDate(body, ctx.clock, ctx.lex)
      if (d) {
        at = d.iso
        body = d.rest
      }
    }
    body = body.replace(/^(?:to|that|about|of|que|de|sobre)\s+/i, '').trim()
    if (!body) return false
    if (!at)
      throw new NotUnderstood(
        r.say(
          'When should I remind you? Say it with a time, for example “remind me tomorrow at 9 to call Sarah”.',
          '¿Cuándo te lo recuerdo? Dilo con una hora, por ejemplo “recuérdame mañana a las 9 llamar a Sarah”.',
        ),
      )
    const who = (s.who ?? 'me').trim()
    const users = ctx.lex.pronouns.me.test(who) ? undefined : refs(r.users(who))
    const task = r.quietTask(restore(body, ctx.quotes).text, 0.95)
    ctx.plan.add('SET_REMINDER', { at, message: task ? task.name : textOf(body, ctx), task: task?.ref, users })
    return true
  },

  archive(s, ctx) {
    const channel = ctx.resolver.channel(s.channel!)
    ctx.plan.add('ARCHIVE_CHANNEL', { channel: channel.ref })
    return true
  },

  query(s, ctx) {
    const q = restore(s.q ?? '', ctx.quotes).text.replace(/\?+$/, '').trim()
    const filters: Record<string, unknown> = {}
    let signals = 0
    for (const [pattern, apply] of QUERY_FILTERS[ctx.language]) {
      const m = pattern.exec(q)
      if (!m) continue
      if (apply(m, filters, ctx) !== false) signals++
    }
    const entity = queryEntity(q, s.entity, ctx.language)
    if (s.working && s.q) {
      filters.assignee = ctx.resolver.user(s.q).ref
      signals++
    }
    if (!signals && !entity.explicit) return false
    ctx.plan.add('QUERY', { entity: entity.entity, filters })
    return true
  },
}

function uploadName(text: string, ctx: Ctx): string {
  let t = text.trim().replace(/^(?:the|a|an|our|my|el|la|los|las|un|una|nuestro|nuestra)\s+/i, '')
  if (t.split(' ').length > 1) t = t.replace(/\s+(?:document|doc|file|pdf|deck|documento|archivo)$/i, '').replace(/^(?:documento|archivo)\s+(?:de\s+)?/i, '')
  return channelName(t, ctx.lex, ctx.language)
}

export function handle(intent: Intent, slots: Slots, ctx: Ctx): boolean {
  return HANDLERS[intent](slots, ctx)
}

