/**
 * One command session per tab: typed commands, push-to-talk and the conversation share it, so
 * "undo that", clarification answers and a spoken "yes" refer to what this tab did last.
 */
export const sessionId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Date.now())
export const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone
