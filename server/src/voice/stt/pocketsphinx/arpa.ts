/**
 * ARPA trigram language model from a sentence corpus: interpolated Kneser-Ney with one discount.
 * Pure TypeScript, so the server can rebuild its model whenever names change (pocketsphinx reads
 * ARPA text directly). `extraWords` get a unigram so that free text can use them.
 */

export function buildArpa(sentences: string[], extraWords: Iterable<string> = [], discount = 0.7): string {
  const D = discount
  const c2 = new Map<string, number>(), c3 = new Map<string, number>()
  const inc = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n)
  for (const s of sentences) {
    const w = ['<s>', ...s.split(/\s+/).filter(Boolean), '</s>']
    for (let i = 1; i < w.length; i++) {
      inc(c2, `${w[i - 1]} ${w[i]}`)
      if (i >= 2) inc(c3, `${w[i - 2]} ${w[i - 1]} ${w[i]}`)
    }
  }
  // Continuation counts: how many distinct words precede an n-gram (sentence starts keep raw counts).
  const cont2 = new Map<string, number>()
  for (const k of c3.keys()) inc(cont2, k.slice(k.indexOf(' ') + 1))
  const b2 = new Map<string, number>()
  for (const [k, n] of c2) b2.set(k, k.startsWith('<s> ') ? n : (cont2.get(k) ?? n))
  const cont1 = new Map<string, number>()
  for (const k of c2.keys()) inc(cont1, k.slice(k.indexOf(' ') + 1))

  const vocab = new Set<string>(['<s>', '</s>'])
  for (const k of c2.keys()) for (const w of k.split(' ')) vocab.add(w)
  for (const w of extraWords) vocab.add(w)
  let total1 = 0
  for (const n of cont1.values()) total1 += n
  const p1 = new Map<string, number>()
  for (const w of vocab) p1.set(w, ((cont1.get(w) ?? 0) + 1) / (total1 + vocab.size))

  const sum2 = new Map<string, number>(), types2 = new Map<string, number>()
  for (const [k, n] of b2) { const h = k.slice(0, k.indexOf(' ')); inc(sum2, h, n); inc(types2, h) }
  const bow1 = new Map<string, number>()
  for (const [h, n] of sum2) bow1.set(h, (D * types2.get(h)!) / n)
  const p2 = new Map<string, number>()
  for (const [k, n] of b2) {
    const sp = k.indexOf(' '), h = k.slice(0, sp), w = k.slice(sp + 1)
    p2.set(k, Math.max(n - D, 0) / sum2.get(h)! + bow1.get(h)! * p1.get(w)!)
  }

  const sum3 = new Map<string, number>(), types3 = new Map<string, number>()
  for (const [k, n] of c3) { const h = k.slice(0, k.lastIndexOf(' ')); inc(sum3, h, n); inc(types3, h) }
  const bow2 = new Map<string, number>()
  for (const [h, n] of sum3) bow2.set(h, (D * types3.get(h)!) / n)
  const p3 = new Map<string, number>()
  for (const [k, n] of c3) {
    const h = k.slice(0, k.lastIndexOf(' ')), lower = k.slice(k.indexOf(' ') + 1)
    const sp = lower.indexOf(' ')
    const pLower = p2.get(lower) ?? (bow1.get(lower.slice(0, sp)) ?? 1) * p1.get(lower.slice(sp + 1))!
    p3.set(k, Math.max(n - D, 0) / sum3.get(h)! + bow2.get(h)! * pLower)
  }

  const log = (x: number) => Math.log10(x).toFixed(5)
  const out = ['\\data\\', `ngram 1=${vocab.size}`, `ngram 2=${p2.size}`, `ngram 3=${p3.size}`, '', '\\1-grams:']
  for (const w of [...vocab].sort()) {
    const b = bow1.get(w)
    out.push(`${w === '<s>' ? '-99' : log(p1.get(w)!)}\t${w}${b !== undefined ? `\t${log(b)}` : ''}`)
  }
  out.push('', '\\2-grams:')
  for (const [k, p] of p2) { const b = bow2.get(k); out.push(`${log(p)}\t${k}${b !== undefined ? `\t${log(b)}` : ''}`) }
  out.push('', '\\3-grams:')
  for (const [k, p] of p3) out.push(`${log(p)}\t${k}`)
  out.push('', '\\end\\', '')
  return out.join('\n')
}
