/**
 * English command domain: how people say the actions of the command spec (create channel/task,
 * add/assign/remove people, due dates, dependencies, messages, sharing, uploads, links, reminders,
 * archive, queries). Live names fill {person}, {channel}, {task}, {resource} and {category}.
 */
import type { Domain } from './grammar'

export const EN_CLAUSES = [
  // channels
  '[{please}] (create | make | open | set up | start) [a | an] [new] [{privacy}] [{ctype}] channel (called | named) {newname} [{channelmods}]',
  '[{please}] (create | make | open | set up | start) [a | an] [new] [{privacy}] {newname} channel [{channelmods}]',
  '[{please}] (create | make | open | set up) [a | an] [new] [{privacy}] {newname} channel for [the] {newname} [campaign | project | initiative]',
  '[{please}] (create | make | open | set up) [a | an] [new] [{privacy}] channel for [the] {newname} [campaign | project | initiative]',
  'archive [the] {channelref}',
  '(link | connect) [the] {channelref} (to | with) [the] {channelref} [as {relationship}]',
  'make [the] {channelref} [a] (child | sub channel) of [the] {channelref}',
  // people
  '[{please}] (add | invite) {people} [to {channelref}]',
  '[{please}] (add | invite) {people} to [the] {taskref}',
  '[{please}] (assign | give) {taskref} to {people}',
  '[{please}] assign {people} to {taskref}',
  '[{please}] (remove | take) {people} (from | off) {channelref}',
  '[{please}] (remove | unassign) {people} from {taskref}',
  // tasks
  '[{please}] (create | add | make) [a | an] [new] [{priority} priority] task (called | named | titled) {newname} [{taskmods}]',
  '[{please}] (create | add) [a | an] [new] task [for] {newname} [{taskmods}]',
  '[{please}] (create | add) {count} tasks {newname} [due {day}] and {newname} [due {day}]',
  '[{please}] (create | add) {count} tasks {newname} [due {day}] {newname} [due {day}] and {newname} [due {day}]',
  '[{please}] (mark | set) {taskref} as {status}',
  '[{please}] (complete | finish | close | start | reopen | cancel) {taskref}',
  '[{please}] (set | change) the priority of {taskref} to {priority}',
  '[{please}] make {taskref} {priority} priority',
  '[{please}] rename {taskref} to {newname}',
  '[{please}] (set | change | move) the (deadline | due date) (of | for) {taskref} to {day}',
  '[{please}] set [the] {task} [task] due date to {day}',
  '[{please}] (move | push) {taskref} to {day}',
  '{taskref} is due {day}',
  // dependencies
  'make {taskref} block {taskref}',
  'make {taskref} block the other (two | three) tasks',
  '[the] {task} [task] blocks [the] {task} [task]',
  '[the] {task} [task] (depends on | requires | follows) [the] {task} [task]',
  'make {taskref} depend on {taskref}',
  // messages
  '[{please}] (send | post) a message (to | in) {channelref} saying {body}',
  '[{please}] send a message to {person} saying {body}',
  '[{please}] send {person} a message saying {body}',
  '[{please}] tell {person} that {body}',
  '[{please}] tell {channelref} that {body}',
  // resources and files
  '[{please}] share [the] {resource} [document | file | doc] (with | to | in) ({channelref} | {taskref})',
  '[{please}] (upload | attach) [the] {newname} (document | file | doc | pdf) to ({channelref} | {taskref})',
  // reminders
  '[{please}] remind (me | {people}) to {body} {day} [at {time}]',
  '[{please}] remind (me | {people}) about {taskref} {day} [at {time}]',
  '[{please}] remind (me | {people}) {day} [at {time}] to {body}',
  '[{please}] set a reminder (for | on) {day} [at {time}] (to {body} | about {taskref})',
  // queries
  "(what is | what's) (overdue | due) [{period}]",
  "(what is | what's) due {day}",
  '(show | list) [me] (my | all | all my | the) [{status}] tasks [{querymods}]',
  'show [me] (overdue | open | blocked) tasks [{querymods}]',
  '(who is | who\'s) (working on | assigned to) {taskref}',
  'what is {person} working on',
  '(who is | who\'s) in {channelref}',
  '(show | list) [me] [all] [the] channels',
  '(show | list) [me] [the] [latest] messages in {channelref}',
  '(find | search for) tasks about {newname}',
  // answers to "Shall I go ahead?" and undo (commands/service.ts)
  '(yes | yes please | yeah | sure | okay | confirm | do it | go ahead)',
  '(no | no thanks | cancel | cancel that | never mind)',
  'undo [that | the last command]',
]

export const EN_SLOTS: Record<string, string[]> = {
  please: ['please', 'can you', 'could you', 'now'],
  people: ['{personref}', '{personref} and {personref}', '{personref} {personref} and {personref}', 'them', 'everyone'],
  personref: ['{person}', 'me', 'myself'],
  taskref: ['[the] {task} [task]', 'it', 'that task', 'this task', 'the new task', 'the other tasks'],
  channelref: ['[the] {channel} channel', 'this channel', 'the new channel', 'here'],
  taskmods: [
    'due {day}', 'due {day} in {channelref}', 'due {day} (for | assigned to) {people}', 'in {channelref}', 'in {channelref} due {day}',
    '(for | assigned to) {people}', '(for | assigned to) {people} due {day}', 'with {priority} priority', 'due {day} with {priority} priority',
    'under [the] {task} [task]',
  ],
  channelmods: ['in the {category} category', 'under {channelref}', 'for the {category} team', 'as a {ctype} channel'],
  querymods: ['due {period}', 'due {day}', 'assigned to {personref}', 'in {channelref}', 'that are {status}', 'for {period}'],
  day: [
    'today', 'tonight', 'tomorrow', 'the day after tomorrow', '[on] {weekday}', '[on] {weekday} morning', 'next {weekday}', 'this {weekday}',
    'next week', 'this week', 'the end of the (week | month)', 'end of day', 'in {count} (days | weeks)', '[on] {month} {ordinal}',
    '[on] the {ordinal} [of {month}]', 'next month',
  ],
  weekday: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  month: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ordinal: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
    'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
    'twenty first', 'twenty second', 'twenty third', 'twenty fourth', 'twenty fifth', 'twenty sixth', 'twenty seventh',
    'twenty eighth', 'twenty ninth', 'thirtieth', 'thirty first'],
  time: ['{hour} [o\'clock]', '{hour} (a m | p m)', '{hour} thirty [a m | p m]', 'noon', 'midnight'],
  hour: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  count: ['two', 'three', 'four', 'five'],
  period: ['today', 'tomorrow', 'this week', 'next week', 'this month'],
  priority: ['low', 'medium', 'high', 'urgent', 'critical'],
  status: ['done', 'complete', 'completed', 'finished', 'in progress', 'in review', 'pending', 'to do', 'cancelled', 'open', 'started'],
  privacy: ['public', 'private', 'restricted'],
  ctype: ['project', 'department', 'initiative', 'temporary'],
  relationship: ['parent', 'child', 'collaborators', 'collaborative', 'sequential', 'competitive', 'competitors'],
}

/** Names used when the organization has none yet (and to seed creation names). */
export const EN_DEFAULT_NAMES = {
  users: ['sarah', 'mike', 'john', 'emma', 'david', 'lisa', 'alex', 'maria'],
  channels: ['marketing', 'design', 'engineering', 'sales', 'general', 'support'],
  tasks: ['budget review', 'content creation', 'social media strategy', 'quarterly report', 'hiring plan'],
}

/** Phrases that new tasks, channels and files are often called: they seed {newname}. */
export const EN_NEW_NAMES = [
  'budget review', 'content creation', 'social media strategy', 'update the website', 'quarterly report', 'product launch',
  'product launch plan', 'customer survey', 'design mockups', 'hiring plan', 'press release', 'onboarding guide', 'sales deck',
  'bug triage', 'team offsite', 'marketing', 'design', 'engineering', 'sales', 'support', 'operations', 'finance', 'legal',
  'q one campaign', 'q two campaign', 'q three campaign', 'q four campaign', 'spring campaign', 'holiday campaign',
  'brand guidelines', 'annual report', 'board meeting', 'investor update', 'roadmap', 'website redesign', 'mobile app',
  'security audit', 'performance review', 'training plan', 'partner outreach', 'customer interviews', 'pricing page',
  'launch event', 'newsletter', 'blog post', 'recruiting', 'weekly sync', 'contract renewal', 'vendor review', 'data migration',
]

/** Example message and reminder bodies: free text the n-gram model can piece together. */
export const EN_BODIES = [
  'the meeting is at noon', 'the launch is delayed', 'the report moved to monday', 'i will be late today',
  'the design is ready for review', 'please check the budget', 'the deadline is friday', 'we are on track',
  'the demo moved to thursday', 'the client approved the plan', 'lunch is ready', 'the build is broken',
  'call the client', 'send the invoice', 'review the contract', 'follow up with the team', 'book the venue',
  'the numbers look good', 'great job everyone', 'the website is live', 'we need more time', 'can we meet tomorrow',
  'the presentation is done', 'check the latest draft', 'the budget was approved', 'we hit our target this week',
  'the meeting is cancelled', 'the meeting moved to friday', 'the report is ready', 'the launch moved to next week',
  'please review the draft', 'we need your feedback', 'thanks for the update', 'the files are in the shared folder',
  'the client wants a call', 'the new design looks great', 'the release is on schedule', 'everyone please join the call',
  'submit your hours', 'prepare the slides', 'update the budget', 'finish the report', 'water the plants', 'pay the invoice',
]


export function englishDomain(): Domain {
  return {
    language: 'en',
    clauses: EN_CLAUSES,
    joiners: ['and', 'then', 'and then', 'also', 'and also'],
    slots: { ...EN_SLOTS, person: [], channel: [], task: [], resource: [], category: [] },
    free: {
      newname: { phrases: EN_NEW_NAMES, grammar: EN_NEW_NAMES.slice(0, 30) },
      body: { phrases: EN_BODIES },
    },
  }
}
