/**
 * Stage 1 — normalize: unify quotes, dashes and spacing, and lift quoted text out into
 * placeholders (⟦0⟧) so that its commas and verbs are never mistaken for grammar.
 */
export interface Normalized {
  text: string
  quotes: string[]
}

const QUOTED = /"([^"]+)"|“([^”]+)”|«([^»]+)»|‘([^’]+)’|(?<=^|[\s:(])'([^']+)'(?=$|[\s.,;:!?)])/g

export function normalize(raw: string): Normalized {
  const quotes: string[] = []
  const text = raw
    .normalize('NFC')
    .replace(QUOTED, (...m: (string | undefined)[]) => {
      quotes.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim())
      return `⟦${quotes.length - 1}⟧`
    })
    .replace(/[’`´]/g, "'")
    .replace(/[–—]/g, ' - ')
    .replace(/[¿¡]/g, '')
    .replace(/(\p{L}|⟧):(?=\s|$)/gu, '$1 :')
    .replace(/\s+/g, ' ')
    .trim()
  return { text, quotes }
}

/** Puts quoted text back; `exact` is set when the whole value was one quotation. */
export function restore(value: string, quotes: string[]): { text: string; exact: boolean } {
  const whole = /^⟦(\d+)⟧$/.exec(value.trim())
  if (whole) return { text: quotes[Number(whole[1])] ?? '', exact: true }
  return { text: value.replace(/⟦(\d+)⟧/g, (_, i: string) => quotes[Number(i)] ?? ''), exact: false }
}
