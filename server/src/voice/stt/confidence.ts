/** Confidence helpers shared by the providers and the command layer. */

/** Below this, a transcript is a guess: plan it, read it back, and never run a destructive step unconfirmed. */
export const LOW_CONFIDENCE = 0.6

export const isLowConfidence = (confidence: number, threshold = LOW_CONFIDENCE) => !(confidence >= threshold)

/** Lower-case words without punctuation or pocketsphinx markers ("word(2)", "<sil>", "[noise]"). */
export function normalizeWords(text: string): string[] {
  return text.toLowerCase()
    .replace(/\(\d+\)/g, '')
    .replace(/<\/?s>|<sil>|\[[a-z_]+\]|\+\+?[a-z]+\+\+?/g, ' ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/).filter(Boolean)
}

/** Word-level Levenshtein distance with substitution/deletion/insertion counts. */
export function wordEdits(ref: string[], hyp: string[]) {
  const n = ref.length, m = hyp.length
  const d = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1))
  }
  return d[n]![m]!
}

/** 1 when two transcripts have the same words, 0 when they share nothing (edit distance / longer length). */
export function wordSimilarity(a: string, b: string): number {
  const x = normalizeWords(a), y = normalizeWords(b)
  if (x.length === 0 && y.length === 0) return 1
  return 1 - wordEdits(x, y) / Math.max(x.length, y.length)
}

/** Word error rate of a hypothesis against a reference: (S + D + I) / N, plus the counts. */
export function wordErrors(reference: string, hypothesis: string) {
  const ref = normalizeWords(reference)
  return { errors: wordEdits(ref, normalizeWords(hypothesis)), words: ref.length }
}
