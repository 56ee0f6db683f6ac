/** Spoken test commands (reference transcripts) and the organization they talk about. */
import type { Vocabulary } from '../../src/voice/stt/types'

export const TEST_VOCABULARY: Vocabulary = {
  users: ['Sarah Connor', 'Mike Ross', 'Priya Patel', 'John Smith', 'Emma Stone', 'David Kim'],
  channels: ['Marketing', 'Design', 'Engineering', 'Sales', 'Q1 Campaign', 'Product Launch'],
  tasks: ['Budget review', 'Content creation', 'Social media strategy', 'Quarterly report', 'Hiring plan', 'Update the website', 'Old drafts'],
  resources: ['Brand Guidelines', 'Sales Deck'],
  categories: ['Marketing', 'Operations'],
}

/** 45 commands in the phrasing of the command spec; the last group carries free text on purpose. */
export const EN_COMMANDS = [
  'create a task called budget review due tomorrow',
  'create a marketing channel for the q one campaign',
  'add sarah and mike to the marketing channel',
  'make the budget review block the content creation task',
  'assign the social media strategy to mike',
  'mark the budget review as done',
  'what is overdue this week',
  'show my tasks for today',
  'create a task called update the website due next monday',
  'assign the budget review to sarah',
  'remove mike from the design channel',
  'what is due tomorrow',
  'mark the content creation task as in progress',
  'create a channel called product launch',
  'who is working on the social media strategy',
  'move the budget review to next friday',
  'list all tasks assigned to mike',
  'archive the sales channel',
  'share the brand guidelines with the marketing channel',
  'upload the brand guidelines document to this channel',
  'set the priority of the hiring plan to urgent',
  'make the quarterly report high priority',
  'link the marketing channel to the sales channel',
  'the budget review blocks the quarterly report',
  'set the deadline of the hiring plan to the end of the month',
  'add priya to the engineering channel',
  'who is in the design channel',
  'show me overdue tasks',
  'unassign john from the quarterly report',
  'create three tasks content creation due next friday social media strategy due wednesday and budget review due tomorrow',
  'create a task called hiring plan and assign it to emma',
  'cancel the old drafts task',
  'complete the content creation task',
  'what is david working on',
  'show the tasks assigned to priya',
  'create a private channel called finance',
  'add emma to the hiring plan task',
  'remind me about the budget review on monday at nine a m',
  'please create a task called press release due the fifteenth of march',
  'what is due next week',
  'make the content creation task depend on the budget review',
  // free text and new names: the grammar cannot hold these, so they should come back low-confidence
  'create a high priority task called security audit due friday in the engineering channel',
  'remind me to call the client tomorrow at ten a m',
  'send a message to the marketing channel saying the launch moved to friday',
  'tell sarah that the report is ready',
]

export const ES_COMMANDS = [
  'crea una tarea llamada revisión del presupuesto para mañana',
  'añade a sara y a miguel al canal de marketing',
  'asigna la estrategia de redes sociales a miguel',
  'marca la revisión del presupuesto como hecha',
  'qué está atrasado esta semana',
  'muestra mis tareas de hoy',
  'mueve la revisión del presupuesto para el próximo viernes',
  'quién está trabajando en la estrategia de redes sociales',
  'quita a juan del canal de ventas',
  'archiva el canal de soporte',
]

export const ES_VOCABULARY: Vocabulary = {
  users: ['Sara', 'Miguel', 'Juan', 'Lucía'],
  channels: ['Marketing', 'Ventas', 'Soporte', 'Diseño'],
  tasks: ['Revisión del presupuesto', 'Estrategia de redes sociales', 'Informe trimestral'],
  resources: [],
  categories: [],
}

/** Speech no command template covers. */
export const OUT_OF_DOMAIN = [
  'the weather is lovely at the beach this afternoon',
  'i think we should order pizza for lunch',
  'my favorite movie is about a dog and a boy',
  'how many kilometers is it to the airport',
]

/** Paraphrases of real commands that the templates do not cover (the research's held-out set). */
export const PARAPHRASES = [
  'can you tell me what sarah is working on',
  'put mike on the content creation task',
  'i finished the social media strategy',
]
