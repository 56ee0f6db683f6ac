/**
 * Spanish command domain (the research's route: English acoustic model, Spanish pronunciations from
 * espeak-ng, and this grammar). Slot names match the English domain, so the same live names fill it.
 */
import type { Domain } from './grammar'

export const ES_CLAUSES = [
  '[{please}] (crea | haz | abre) un [nuevo] canal [{privacy}] (llamado | con el nombre) {newname}',
  '[{please}] (crea | haz | abre) un canal de {newname} para [la campaña] {newname}',
  'archiva {channelref}',
  '[{please}] (añade | agrega | invita) a {people} [a {channelref} | al canal [de] {channel}]',
  '[{please}] (quita | saca) a {people} (de {channelref} | del canal [de] {channel})',
  '[{please}] asigna {taskref} a {people}',
  '[{please}] (crea | añade) una [nueva] tarea (llamada | con el nombre) {newname} [{taskmods}]',
  '[{please}] (marca | pon) {taskref} como {status}',
  '[{please}] (completa | termina | cancela) {taskref}',
  '[{please}] (mueve | cambia) {taskref} (para | al | a) {day}',
  '[{please}] cambia la fecha (límite | de entrega) de {taskref} (para | al | a) {day}',
  'haz que {taskref} bloquee {taskref}',
  '{taskref} bloquea {taskref}',
  '[{please}] (envía | manda) un mensaje (al canal [de] {channel} | a {channelref} | a {person}) diciendo {body}',
  '[{please}] dile a {person} que {body}',
  '[{please}] comparte {resource} (en | con) {channelref}',
  '[{please}] (recuérdame | recuérdale a {person}) {body} {day}',
  'qué está atrasado [{period}]',
  'qué vence {period}',
  '(muestra | muéstrame) (mis | las | todas las) tareas [{querymods}]',
  '(quién está | quiénes están) trabajando en {taskref}',
  '(quién está | quiénes están) en {channelref}',
  '[{please}] elimina {taskref}',
  // respuestas a "¿Lo hago?" y deshacer (commands/service.ts)
  '(sí | sí por favor | confirma | hazlo | adelante | vale)',
  '(no | no gracias | cancela | olvídalo)',
  '(deshaz | deshacer) [eso]',
]

export const ES_SLOTS: Record<string, string[]> = {
  please: ['por favor', 'puedes'],
  people: ['{personref}', '{personref} y a {personref}', '{personref} y {personref}', 'todos'],
  personref: ['{person}', 'mí'],
  taskref: ['[la tarea] [el | la | los | las] {task}', 'esa tarea', 'esta tarea'],
  channelref: ['el canal [de] {channel}', 'este canal'],
  taskmods: ['para {day}', 'en el canal [de] {channel}', 'para {person}', 'con prioridad {priority}', 'para {day} con prioridad {priority}'],
  querymods: ['de {period}', 'asignadas a {personref}', 'en el canal [de] {channel}', 'para {period}'],
  day: ['hoy', 'mañana', 'pasado mañana', '[el] {weekday}', 'el próximo {weekday}', 'el {weekday} que viene', 'la próxima semana',
    'esta semana', 'el fin de mes', 'fin de semana', 'el {ordinal} de {month}'],
  weekday: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  month: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ordinal: ['uno', 'primero', 'dos', 'tres', 'cuatro', 'cinco', 'diez', 'quince', 'veinte', 'treinta'],
  period: ['hoy', 'mañana', 'esta semana', 'la próxima semana', 'este mes'],
  priority: ['baja', 'media', 'alta', 'urgente', 'crítica'],
  status: ['hecha', 'terminada', 'completada', 'en progreso', 'en revisión', 'pendiente', 'cancelada'],
  privacy: ['público', 'privado', 'restringido'],
}

export const ES_DEFAULT_NAMES = {
  users: ['sara', 'miguel', 'juan', 'lucía', 'david', 'ana'],
  channels: ['marketing', 'diseño', 'ventas', 'soporte', 'general'],
  tasks: ['revisión del presupuesto', 'creación de contenido', 'estrategia de redes sociales', 'informe trimestral', 'encuesta de clientes'],
}

export const ES_NEW_NAMES = [
  'revisión del presupuesto', 'creación de contenido', 'estrategia de redes sociales', 'informe trimestral', 'encuesta de clientes',
  'plan de contratación', 'lanzamiento', 'marketing', 'diseño', 'ventas', 'soporte', 'finanzas', 'campaña de verano',
  'campaña de navidad', 'nota de prensa', 'guía de bienvenida', 'reunión del consejo', 'hoja de ruta',
]

export const ES_BODIES = [
  'la reunión es a mediodía', 'el informe está listo', 'llego tarde hoy', 'la demo se mueve al jueves', 'el lanzamiento es el viernes',
  'la reunión se retrasa', 'el lanzamiento se retrasa', 'revisa el presupuesto', 'llama al cliente', 'vamos bien', 'buen trabajo',
]


export function spanishDomain(): Domain {
  return {
    language: 'es',
    clauses: ES_CLAUSES,
    joiners: ['y', 'y luego', 'luego', 'también', 'y también'],
    slots: { ...ES_SLOTS, person: [], channel: [], task: [], resource: [], category: [] },
    free: {
      newname: { phrases: ES_NEW_NAMES, grammar: ES_NEW_NAMES },
      body: { phrases: ES_BODIES },
    },
  }
}
