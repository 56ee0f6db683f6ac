/**
 * Words, per language, as data: number words, statuses, priorities, pronouns, clause starters and
 * the template macros the grammar tables use. Adding a synonym is one entry here.
 */
import type { Language } from './types'

export interface Lexicon {
  numbers: Record<string, number>
  statuses: Record<string, 'pending' | 'in_progress' | 'review' | 'completed' | 'cancelled'>
  priorities: Record<string, 'low' | 'medium' | 'high' | 'urgent' | 'critical'>
  privacies: Record<string, 'public' | 'private' | 'restricted'>
  channelTypes: Record<string, 'project' | 'department' | 'initiative' | 'temporary'>
  relationships: Record<string, 'parent_child' | 'collaborative' | 'sequential' | 'competitive'>
  /** Words that begin a new clause after a comma or "and". */
  starters: RegExp
  /** Joiners dropped at the start of a clause ("also", "then", "and"). */
  leadingFiller: RegExp
  /** Separators inside an enumeration. */
  listSeparator: RegExp
  articles: RegExp
  /** Kind nouns stripped from names ("the budget review task"). */
  kindNouns: RegExp
  /** Pronouns and deixis, by what they may point to. */
  pronouns: { it: RegExp; them: RegExp; thisChannel: RegExp; thatTask: RegExp; other: RegExp; me: RegExp }
  /** Template macros: `@name` in a grammar template. */
  macros: Record<string, string>
  /** Small words left lower-case inside Title Case names. */
  smallWords: Set<string>
  /** Connectors before a trailing date ("due", "by", "para el"). */
  dateConnectors: RegExp
  cancel: RegExp
  createIt: RegExp
  ordinals: Record<string, number>
}

const alt = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')

export const EN: Lexicon = {
  numbers: { one: 1, a: 1, an: 1, two: 2, both: 2, 'a couple of': 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 },
  statuses: {
    done: 'completed', complete: 'completed', completed: 'completed', finished: 'completed', closed: 'completed', resolved: 'completed',
    'in progress': 'in_progress', started: 'in_progress', 'in-progress': 'in_progress', active: 'in_progress', ongoing: 'in_progress',
    'in review': 'review', review: 'review', 'ready for review': 'review', 'under review': 'review',
    pending: 'pending', 'to do': 'pending', todo: 'pending', open: 'pending', 'not started': 'pending', reopened: 'pending',
    cancelled: 'cancelled', canceled: 'cancelled', dropped: 'cancelled',
  },
  priorities: {
    low: 'low', 'low priority': 'low', 'low-priority': 'low', medium: 'medium', normal: 'medium', 'medium priority': 'medium',
    high: 'high', 'high priority': 'high', 'high-priority': 'high', important: 'high', 'top priority': 'urgent',
    urgent: 'urgent', critical: 'critical', 'critical priority': 'critical', 'urgent priority': 'urgent',
  },
  privacies: { private: 'private', public: 'public', restricted: 'restricted', secret: 'private' },
  channelTypes: { project: 'project', department: 'department', departmental: 'department', initiative: 'initiative', temporary: 'temporary', temp: 'temporary' },
  relationships: {
    parent: 'parent_child', child: 'parent_child', 'sub-channel': 'parent_child', subchannel: 'parent_child', 'parent child': 'parent_child',
    collaborative: 'collaborative', collaborators: 'collaborative', partners: 'collaborative',
    sequential: 'sequential', sequence: 'sequential', competitive: 'competitive', competitors: 'competitive', rivals: 'competitive',
  },
  starters: /^(?:please\s+)?(?:create|make|add|assign|unassign|remove|take|set|mark|start|begin|finish|complete|close|cancel|reopen|send|post|tell|message|say|share|upload|attach|link|connect|relate|remind|archive|show|list|find|what|what's|whats|which|who|who's|how|move|push|rename|change|update|give|put|invite|schedule|let|have|do|run|also|then|raise|lower|bump|announce|notify|ping|search|get|set)\b/i,
  leadingFiller: /^(?:(?:and|also|then|and then|plus|after that|finally|please|ok|okay|now|hey baton|baton)[\s,]+)+/i,
  listSeparator: /\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/i,
  articles: /^(?:the|a|an|our|my|this|that|these|those)\s+/i,
  kindNouns: /\s+(?:tasks?|channels?|documents?|docs?|files?|resources?|group|project|pdf)$/i,
  pronouns: {
    it: /^(?:it|that|this|that one|this one)$/i,
    them: /^(?:them|they|those|these|all of them|both|both of them|everyone|all)$/i,
    thisChannel: /^(?:(?:this|that|the same|the current|our|the new) channel|here|there|the channel)$/i,
    thatTask: /^(?:(?:this|that|the same|the new|the last) task|the task)$/i,
    other: /^the other\s+(?:(\w+)\s+)?(?:tasks?|ones?)?$|^the others$|^the rest(?: of (?:them|the tasks))?$/i,
    me: /^(?:me|myself|i)$/i,
  },
  macros: {
    a: '(?:a|an|another|one|some|the|a_new|an_new|new)',
    newc: '(?:(?:create|make|set_up|setup|open|start|build|spin_up)(?:_(?:a_new|an|another|a|the|one|new))?|add_(?:a_new|an|another|a|new)|new)',
    newt: '(?:(?:create|make|set_up|setup|schedule|log)(?:_(?:a_new|an|another|a|the|one|new|some))?|add_(?:a_new|an|another|a|new|one|some)|new)',
    called: '(?:called|named|titled|:)',
    to: '(?:to|into|in|on|onto|for)',
    the: '(?:the|this|that|our|my)',
    be: '(?:is|are|should_be|must_be|needs_to_be|has_to_be|is_to_be)',
    task: '(?:task|todo|to-do|item)',
    tasks: '(?:tasks|todos|to-dos|items)',
    pls: '(?:please|can_you|could_you|would_you|i_want_you_to|i_need_you_to|let\'s|lets|go_ahead_and)',
    done: '(?:done|finished|complete|completed|over|ready)',
  },
  smallWords: new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']),
  dateConnectors: /\s+(?:(?:that(?:'s| is)\s+)?due(?:\s+(?:on|by|date))?|by|before|on|for|until|at|starting|deadline|no later than)$/i,
  cancel: /^(?:cancel|never ?mind|forget it|stop|abort|no(?:ne)?|nothing)\b/i,
  createIt: /\b(?:create(?: it| one| a new one| that)?|new one|make (?:it|one)|yes)\b/i,
  ordinals: { first: 1, '1st': 1, one: 1, second: 2, '2nd': 2, two: 2, third: 3, '3rd': 3, three: 3, last: -1 },
}

export const ES: Lexicon = {
  numbers: { un: 1, una: 1, uno: 1, dos: 2, ambas: 2, ambos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12 },
  statuses: {
    hecha: 'completed', hecho: 'completed', terminada: 'completed', terminado: 'completed', completada: 'completed', completado: 'completed', lista: 'completed', listo: 'completed', cerrada: 'completed', finalizada: 'completed',
    'en progreso': 'in_progress', 'en curso': 'in_progress', empezada: 'in_progress', iniciada: 'in_progress', 'en marcha': 'in_progress',
    'en revisión': 'review', 'en revision': 'review', 'para revisión': 'review', 'para revision': 'review', revisión: 'review',
    pendiente: 'pending', 'por hacer': 'pending', abierta: 'pending', reabierta: 'pending',
    cancelada: 'cancelled', cancelado: 'cancelled', descartada: 'cancelled',
  },
  priorities: {
    baja: 'low', 'prioridad baja': 'low', 'baja prioridad': 'low', media: 'medium', normal: 'medium', 'prioridad media': 'medium',
    alta: 'high', 'prioridad alta': 'high', 'alta prioridad': 'high', importante: 'high',
    urgente: 'urgent', 'prioridad urgente': 'urgent', crítica: 'critical', critica: 'critical', 'prioridad crítica': 'critical', 'máxima prioridad': 'urgent',
  },
  privacies: { privado: 'private', privada: 'private', público: 'public', publico: 'public', pública: 'public', restringido: 'restricted', restringida: 'restricted' },
  channelTypes: { proyecto: 'project', 'de proyecto': 'project', departamento: 'department', 'de departamento': 'department', iniciativa: 'initiative', temporal: 'temporary' },
  relationships: {
    padre: 'parent_child', hijo: 'parent_child', subcanal: 'parent_child', colaborativo: 'collaborative', colaboradores: 'collaborative', colaboración: 'collaborative',
    secuencial: 'sequential', secuencia: 'sequential', competitivo: 'competitive', competencia: 'competitive', competidores: 'competitive',
  },
  starters: /^(?:por favor\s+)?(?:crea|cree|créa|haz|hazme|añade|añadir|agrega|agregar|anade|asigna|asignar|desasigna|quita|quitar|elimina|saca|marca|pon|ponle|empieza|comienza|inicia|termina|completa|cierra|cancela|reabre|envía|envia|manda|publica|di|dile|escribe|comparte|sube|adjunta|vincula|conecta|enlaza|relaciona|recuérdame|recuerdame|recuérdale|recuerdale|recuerda|archiva|muestra|muéstrame|muestrame|enséñame|ensename|lista|busca|qué|cuáles|cuales|quién|quien|quiénes|mueve|cambia|renombra|invita|programa|también|tambien|luego|después|despues|establece|fija|actualiza|dame|crear|mete|incluye)\b/i,
  leadingFiller: /^(?:(?:y|también|tambien|luego|después|despues|y luego|y también|además|ademas|por favor|vale|ok|ahora|oye baton|baton)[\s,]+)+/i,
  listSeparator: /\s*,\s*(?:y\s+|e\s+)?|\s+(?:y|e)\s+/i,
  articles: /^(?:el|la|los|las|un|una|unos|unas|lo|este|esta|ese|esa|nuestro|nuestra|mi)\s+/i,
  kindNouns: /\s+(?:tareas?|canal(?:es)?|documentos?|archivos?|recursos?|pdf)$/i,
  pronouns: {
    it: /^(?:eso|esto|esa|ese|esta|este|ella|él|el)$/i,
    them: /^(?:ellos|ellas|todos|todas|ambos|ambas|los dos|las dos)$/i,
    thisChannel: /^(?:(?:este|ese|el mismo|el nuevo) canal|el canal|aquí|aqui|ahí|ahi|allí|alli)$/i,
    thatTask: /^(?:(?:esta|esa|la misma|la nueva|la última) tarea|la tarea)$/i,
    other: /^(?:las|los) otr[ao]s(?:\s+(\w+))?(?:\s+tareas)?$|^el resto$/i,
    me: /^(?:mí|mi|me|yo|mí mismo|mí misma)$/i,
  },
  macros: {
    a: '(?:un|una|unos|unas|otro|otra|el|la|nuevo|nueva|un_nuevo|una_nueva)',
    newc: '(?:(?:crea|cree|créa|crear|haz|hazme|abre|monta|añade|agrega|anade|creame|créame)(?:_(?:un_nuevo|una_nueva|un|una|otro|otra|el|la|nuevo|nueva))?|nuevo|nueva)',
    newt: '(?:(?:crea|cree|créa|crear|haz|hazme|añade|agrega|anade|pon|creame|créame|programa)(?:_(?:una_nueva|un|una|otra|otro|la|nueva|unas))?|nueva)',
    called: '(?:llamad[oa]|titulad[oa]|con_(?:el_)?nombre(?:_de)?|que_se_llame|denominad[oa]|:)',
    to: '(?:a|al|a_la|en|en_el|en_la|para|para_el|para_la)',
    the: '(?:el|la|los|las|este|esta|ese|esa)',
    pls: '(?:por_favor|puedes|podrías|podrias|quiero_que|necesito_que)',
    task: '(?:tarea|pendiente)',
    tasks: '(?:tareas|pendientes)',
    done: '(?:lista|listo|terminada|terminado|hecha|hecho|completa|completada|completado)',
    add: '(?:añade|agrega|anade|añadir|agregar|mete|incluye|suma|pon)',
    assign: '(?:asigna|asignar|asígnale|asignale|dale)',
    remove: '(?:quita|quitar|saca|elimina|desasigna|remueve|borra)',
  },
  smallWords: new Set(),
  dateConnectors: /\s+(?:(?:que\s+)?vence|con\s+fecha(?:\s+límite)?|(?:con\s+)?fecha\s+límite|para(?:\s+el)?|antes\s+del?|el|hasta\s+el|a\s+más\s+tardar|de|al?|en)$/i,
  cancel: /^(?:cancela|cancelar|olvídalo|olvidalo|déjalo|dejalo|ninguno|ninguna|nada|no)\b/i,
  createIt: /\b(?:cr[eé]al[oa]|cr[eé]alo|crea(?:r)?(?: uno| una| uno nuevo)?|nuevo|nueva|sí|si)\b/i,
  ordinals: { primero: 1, primera: 1, '1': 1, segundo: 2, segunda: 2, '2': 2, tercero: 3, tercera: 3, '3': 3, último: -1, última: -1 },
}

export const LEXICONS: Record<Language, Lexicon> = { en: EN, es: ES }

/** Regex alternations for typed template slots ({status}, {priority}, {count} …). */
export function typedSlots(lex: Lexicon): Record<string, string> {
  return {
    status: alt(Object.keys(lex.statuses)),
    priority: alt(Object.keys(lex.priorities)),
    count: `\\d+|${alt(Object.keys(lex.numbers))}`,
    relationship: alt(Object.keys(lex.relationships)),
    privacy: alt(Object.keys(lex.privacies)),
  }
}
