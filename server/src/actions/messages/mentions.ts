/**
 * Finds the people a message mentions: `@sarah@baton.demo` (an email), `@Sarah Chen` (a full name)
 * or `@Sarah` (a first name, when exactly one candidate has it). Candidates are the people who can
 * read the conversation, so nobody is told about a message they cannot open. Longest match wins:
 * `@Sarah Chen` is Sarah Chen even when there is also a Sarah Lopez.
 */
export interface MentionCandidate { id: string; name: string; email: string }

const WORD = /[\p{L}\p{N}_]/u

export function findMentions(content: string, candidates: MentionCandidate[]): string[] {
  const found = new Set<string>()
  const lower = content.toLowerCase()
  const byFirstName = new Map<string, MentionCandidate[]>()
  for (const c of candidates) {
    const first = c.name.trim().split(/\s+/)[0]!.toLowerCase()
    byFirstName.set(first, [...(byFirstName.get(first) ?? []), c])
  }
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1]!)) continue // part of an email address in the text
    const rest = lower.slice(at + 1)
    const matched = matchAt(rest, candidates, byFirstName)
    if (matched) found.add(matched.id)
  }
  return [...found]
}

function matchAt(rest: string, candidates: MentionCandidate[], byFirstName: Map<string, MentionCandidate[]>) {
  const endsWord = (n: number) => n >= rest.length || !WORD.test(rest[n]!)
  const email = candidates.find((c) => rest.startsWith(c.email.toLowerCase()) && endsWord(c.email.length))
  if (email) return email
  const full = candidates
    .filter((c) => rest.startsWith(c.name.toLowerCase()) && endsWord(c.name.length))
    .sort((a, b) => b.name.length - a.name.length)[0]
  if (full) return full
  const first = /^[\p{L}\p{N}_]+/u.exec(rest)?.[0]
  const owners = first ? byFirstName.get(first) : undefined
  return owners?.length === 1 ? owners[0] : undefined
}
