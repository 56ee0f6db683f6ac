/**
 * Pronunciation dictionary for a vocabulary: CMUdict where it knows the word (English), otherwise
 * espeak-ng's phonemes mapped to the ARPAbet phones of the English acoustic model. Spanish words
 * all go through espeak-ng (Castilian and Latin-American variants), the research's cross-lingual route.
 */
import { execFile } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Language } from '../types'

/** espeak-ng (en-us) phoneme mnemonics → ARPAbet. */
const EN_PHONES: Record<string, string> = {
  '@': 'AH', '@2': 'AH', '@5': 'AH', '@L': 'AH L', '3': 'ER', '3:': 'ER', 'a': 'AE', 'a#': 'AE', 'aa': 'AE', 'A:': 'AA', 'A': 'AA',
  'A@': 'AA R', '0': 'AA', '0:': 'AO', 'aI': 'AY', 'aI@': 'AY ER', 'aI3': 'AY ER', 'aU': 'AW', 'E': 'EH', 'e@': 'EH R',
  'eI': 'EY', 'i': 'IY', 'i:': 'IY', 'i@': 'IY AH', 'i@3': 'IH R', 'I': 'IH', 'I2': 'IH', 'I#': 'IH', 'O': 'AO', 'O:': 'AO',
  'O@': 'AO R', 'O2': 'AO', 'o@': 'AO R', 'OI': 'OY', 'oU': 'OW', 'U': 'UH', 'u:': 'UW', 'U@': 'UH R', 'V': 'AH',
  'b': 'B', 'd': 'D', 'f': 'F', 'g': 'G', 'h': 'HH', 'j': 'Y', 'k': 'K', 'l': 'L', 'm': 'M', 'n': 'N', 'N': 'NG',
  'p': 'P', 'r': 'R', 's': 'S', 'S': 'SH', 't': 'T', 'T': 'TH', 'D': 'DH', 'v': 'V', 'w': 'W', 'z': 'Z', 'Z': 'ZH',
  'tS': 'CH', 'dZ': 'JH', 'x': 'K', '?': 'T', 't#': 'T', 'n-': 'N', 'l-': 'L', 'r-': 'R', 'm-': 'M', 'z#': 'Z', 'd#': 'D',
}
/** espeak-ng (es, es-419) phonemes → nearest English phones. */
const ES_PHONES: Record<string, string> = {
  'a': 'AA', 'e': 'EY', 'E': 'EH', 'i': 'IY', 'o': 'OW', 'O': 'AO', 'u': 'UW', 'oI': 'OY', 'eU': 'EH UW', 'aI': 'AY',
  'aU': 'AW', 'eI': 'EY', 'b': 'B', 'B': 'B', 'd': 'D', 'D': 'DH', 'g': 'G', 'Q': 'G', 'k': 'K', 'p': 'P', 't': 'T',
  'f': 'F', 's': 'S', 'z': 'Z', 'T': 'TH', 'x': 'HH', 'tS': 'CH', 'l': 'L', 'l^': 'Y', 'm': 'M', 'n': 'N', 'n^': 'N Y',
  'N': 'NG', 'r': 'R', 'R': 'R', 'R2': 'R', '**': 'R', 'j': 'Y', 'J': 'Y', 'J^': 'Y', 'jj': 'Y', 'w': 'W', 'v': 'V', 'h': 'HH',
}

export function mapPhonemes(espeak: string, language: Language): string {
  const table = language === 'es' ? ES_PHONES : EN_PHONES
  const phones: string[] = []
  for (const chunk of espeak.trim().split(/\s+/)) {
    for (let p of chunk.split('_')) {
      p = p.replace(/[',%=;]/g, '')
      if (!p) continue
      const arpa = table[p] ?? table[p.replace(/[#:]$/, '')]
      if (arpa) phones.push(arpa)
    }
  }
  // "e@" + a linking "r" would double the R: collapse repeated phones.
  return phones.join(' ').split(' ').filter((p, i, all) => p && p !== all[i - 1]).join(' ')
}

/** One espeak-ng call for many words (one per line); a word maps to '' when it yields no phones. */
export async function espeakPhonemes(wordList: string[], voice: string, espeak = 'espeak-ng'): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (wordList.length === 0) return out
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(espeak, ['-q', '-x', '--sep=_', '-v', voice], { timeout: 30_000, maxBuffer: 16 << 20 }, (error, so) => error ? reject(error) : resolve(so))
    child.stdin!.end(wordList.join('\n') + '\n')
  })
  const lines = stdout.split('\n').filter((l) => l.trim())
  if (lines.length === wordList.length) wordList.forEach((w, i) => out.set(w, lines[i]!))
  else for (const w of wordList) out.set(w, (await espeakPhonemes([w, 'x'], voice, espeak)).get(w) ?? '') // misaligned: one by one
  return out
}

/** Reads the CMUdict lines of the wanted words only (all variants), streaming the 3.5 MB file. */
export async function lookupCmu(path: string, wanted: Set<string>): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) {
    const sp = line.indexOf(' ')
    if (sp < 0) continue
    const word = line.slice(0, sp).replace(/\(\d+\)$/, '')
    if (!wanted.has(word)) continue
    const list = found.get(word) ?? []
    list.push(line.slice(sp + 1).trim())
    found.set(word, list)
  }
  return found
}

export interface DictionaryResult {
  text: string
  /** Words pronounced by espeak-ng. */
  guessed: string[]
  /** Words with no pronunciation at all (must be kept out of the grammar). */
  missing: string[]
}

/** Caches pronunciations across rebuilds so that adding one name costs one espeak-ng word. */
export class Pronouncer {
  private cache = new Map<string, string[]>()
  constructor(private readonly options: { cmudict: string; espeak: string | null }) {}

  async dictionary(vocabulary: string[], language: Language): Promise<DictionaryResult> {
    const key = (w: string) => `${language}:${w}`
    const todo = vocabulary.filter((w) => !this.cache.has(key(w)))
    if (language === 'en' && todo.length) {
      const cmu = await lookupCmu(this.options.cmudict, new Set(todo))
      for (const [w, prons] of cmu) this.cache.set(key(w), prons)
    }
    const guessed = todo.filter((w) => !this.cache.has(key(w)))
    if (guessed.length && this.options.espeak) {
      const voices = language === 'es' ? ['es', 'es-419'] : ['en-us']
      const results = await Promise.all(voices.map((v) => espeakPhonemes(guessed, v, this.options.espeak!)))
      for (const w of guessed) {
        const prons = [...new Set(results.map((r) => mapPhonemes(r.get(w) ?? '', language)).filter(Boolean))]
        if (prons.length) this.cache.set(key(w), prons)
      }
    }
    const lines: string[] = [], missing: string[] = []
    for (const w of vocabulary) {
      const prons = this.cache.get(key(w))
      if (!prons) { missing.push(w); continue }
      prons.forEach((p, i) => lines.push(`${i ? `${w}(${i + 1})` : w} ${p}`))
    }
    return { text: lines.join('\n') + '\n', guessed: guessed.filter((w) => this.cache.has(key(w))), missing }
  }
}
