/** Stage 2 — detect the language: Spanish or English, from marker words and letters. */
import type { Language } from './types'

const ES_MARKERS = /\b(?:crea|cree|añade|agrega|asigna|tarea|tareas|canal|mañana|para|del|los|las|una|que|qué|con|haz|envía|envia|mensaje|recuérdame|recuerdame|muestra|muéstrame|vincula|archiva|sube|comparte|quita|marca|como|hoy|semana|próximo|viernes|lunes|martes|miércoles|jueves|sábado|domingo|bloquee|bloquea|depende|después|cuáles|quién|está|están|vencidas|pendientes|y a|escribe|en|el|la|al|hola|di|dile|publica|aquí|ahora)\b|[ñ¿¡áéíóú]/gi
const EN_MARKERS = /\b(?:create|add|assign|task|tasks|channel|tomorrow|the|and|to|for|with|make|send|message|remind|show|what|which|who|link|archive|upload|share|remove|mark|as|due|by|next|this|is|are|my|me|today|week|block|blocks|depends|after)\b/gi

export function detectLanguage(text: string): Language {
  const es = text.match(ES_MARKERS)?.length ?? 0
  const en = text.match(EN_MARKERS)?.length ?? 0
  return es > en ? 'es' : 'en'
}
