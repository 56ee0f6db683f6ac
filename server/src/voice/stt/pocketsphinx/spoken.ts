/**
 * Names as they are spoken: "Q1 Campaign" is said "q one campaign", "R&D" is "r and d". The
 * recognizer learns the spoken form; `NameRestorer` turns it back into the written name in the
 * transcript, so that a spoken command reads exactly like the typed one.
 */
import type { Language } from '../types'

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ES_ONES = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece',
  'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés',
  'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve']
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa']

function below100(n: number, language: Language): string {
  if (language === 'es') return n < 30 ? ES_ONES[n]! : `${ES_TENS[Math.floor(n / 10)]}${n % 10 ? ` y ${ES_ONES[n % 10]}` : ''}`
  return n < 20 ? EN_ONES[n]! : `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? ` ${EN_ONES[n % 10]}` : ''}`
}

/** Digits as words: up to 99 as a number, four digits as two pairs (a year), otherwise digit by digit. */
export function numberToWords(digits: string, language: Language): string {
  const n = Number(digits)
  if (digits.length <= 2 || (digits.length === 3 && n < 100)) return below100(n, language)
  if (digits.length === 4 && language === 'en' && !digits.startsWith('0')) {
    const hi = Math.floor(n / 100), lo = n % 100
    return `${below100(hi, language)} ${lo === 0 ? 'hundred' : lo < 10 ? `oh ${EN_ONES[lo]}` : below100(lo, language)}`
  }
  return [...digits].map((d) => below100(Number(d), language)).join(' ')
}

/** The spoken form of a written name (lower case, words only). */
export function spokenForm(name: string, language: Language): string {
  let s = name.normalize('NFKC').toLowerCase()
  s = s.replace(/&/g, language === 'es' ? ' y ' : ' and ').replace(/\+/g, language === 'es' ? ' más ' : ' plus ')
  s = s.replace(/(\p{L})(\d)/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2')
  s = s.replace(/\d+/g, (d) => ` ${numberToWords(d, language)} `)
  if (language === 'en') s = s.normalize('NFD').replace(/\p{M}/gu, '')
  s = s.replace(/[^\p{L}']+/gu, ' ').replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
  return s.trim().replace(/\s+/g, ' ')
}

/** Maps spoken forms back to written names inside a transcript (longest match first). */
export class NameRestorer {
  private readonly map = new Map<string, string>()
  private longest = 0

  constructor(names: Iterable<string>, language: Language) {
    for (const name of names) {
      const spoken = spokenForm(name, language)
      if (!spoken || spoken === name.toLowerCase().trim()) continue
      if (!this.map.has(spoken)) this.map.set(spoken, name.trim())
      this.longest = Math.max(this.longest, spoken.split(' ').length)
    }
  }

  restore(text: string): string {
    if (this.map.size === 0) return text
    const tokens = text.split(/\s+/).filter(Boolean)
    const out: string[] = []
    for (let i = 0; i < tokens.length;) {
      let hit = 0
      for (let len = Math.min(this.longest, tokens.length - i); len > 0 && !hit; len--) {
        const name = this.map.get(tokens.slice(i, i + len).join(' '))
        if (name) { out.push(name); hit = len }
      }
      if (hit) i += hit
      else out.push(tokens[i++]!)
    }
    return out.join(' ')
  }
}
