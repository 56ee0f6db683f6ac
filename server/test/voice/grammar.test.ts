/** The generated models: template language, FSG compilation, ARPA, spoken names, phoneme mapping. */
import { describe, expect, it } from 'vitest'
import { buildArpa } from '../../src/voice/stt/pocketsphinx/arpa'
import { mapPhonemes } from '../../src/voice/stt/pocketsphinx/dictionary'
import { englishDomain } from '../../src/voice/stt/pocketsphinx/domain-en'
import { spanishDomain } from '../../src/voice/stt/pocketsphinx/domain-es'
import { compileDomain } from '../../src/voice/stt/pocketsphinx/grammar'
import { NameRestorer, spokenForm } from '../../src/voice/stt/pocketsphinx/spoken'
import { parseTemplate, toJsgf } from '../../src/voice/stt/pocketsphinx/template'
import { isLowConfidence, LOW_CONFIDENCE, wordSimilarity } from '../../src/voice/stt/confidence'
import { EN_COMMANDS, ES_COMMANDS, ES_VOCABULARY, TEST_VOCABULARY } from './corpus'

/** Does the FSG accept this word sequence? (null transitions followed, like the decoder.) */
function accepts(fsg: string, sentence: string) {
  const lines = fsg.split('\n')
  const start = Number(lines.find((l) => l.startsWith('START_STATE'))!.split(' ')[1])
  const final = Number(lines.find((l) => l.startsWith('FINAL_STATE'))!.split(' ')[1])
  const edges = new Map<number, [number, string | undefined][]>()
  for (const l of lines.filter((x) => x.startsWith('TRANSITION '))) {
    const [, from, to, , word] = l.split(' ')
    edges.set(Number(from), [...(edges.get(Number(from)) ?? []), [Number(to), word]])
  }
  const close = (set: Set<number>) => { for (const s of set) for (const [t, w] of edges.get(s) ?? []) if (!w && !set.has(t)) set.add(t); return set }
  let states = close(new Set([start]))
  for (const word of sentence.split(' ')) {
    const next = new Set<number>()
    for (const s of states) for (const [t, w] of edges.get(s) ?? []) if (w === word) next.add(t)
    states = close(next)
  }
  return states.has(final)
}

function domainFor(language: 'en' | 'es') {
  const v = language === 'en' ? TEST_VOCABULARY : ES_VOCABULARY
  const d = language === 'en' ? englishDomain() : spanishDomain()
  const s = (l: string[]) => l.map((n) => spokenForm(n, language))
  Object.assign(d.slots, { person: s([...v.users, ...v.users.map((u) => u.split(' ')[0]!)]), channel: s(v.channels), task: s(v.tasks), resource: s(v.resources), category: s(v.categories) })
  d.free.newname!.grammar = [...(d.free.newname!.grammar ?? []), ...s(v.tasks), ...s(v.channels), ...s(v.resources)]
  return d
}

describe('template language', () => {
  it('parses words, slots, alternatives and optionals into JSGF', () => {
    expect(toJsgf(parseTemplate('[{please}] (add | invite) {people} [to the {channel} channel]'))).toBe('[ <please> ] ( add | invite ) <people> [ to the <channel> channel ]')
    expect(() => parseTemplate('(add | invite')).toThrow(/missing/)
  })
})

describe('compiled English domain', () => {
  const compiled = compileDomain(domainFor('en'))

  it('the minimized grammar accepts every in-grammar test command, multi-step commands, and no nonsense', () => {
    const inGrammar = EN_COMMANDS.slice(0, 41)
    for (const c of inGrammar) expect(accepts(compiled.fsg, spokenForm(c, 'en')), c).toBe(true)
    expect(accepts(compiled.fsg, 'create a task called budget review due tomorrow and add sarah to the marketing channel')).toBe(true)
    expect(accepts(compiled.fsg, 'the weather is lovely')).toBe(false)
    expect(accepts(compiled.fsg, 'create a task called')).toBe(false)
    const transitions = compiled.fsg.split('\n').filter((l) => l.startsWith('TRANSITION')).length
    expect(transitions).toBeLessThan(8000) // decode time grows with grammar size (see fsg.ts)
  })

  it('the corpus covers every live name and the vocabulary covers the corpus', () => {
    const text = ` ${compiled.corpus.join(' \n ')} `
    for (const name of [...TEST_VOCABULARY.users, ...TEST_VOCABULARY.tasks, ...TEST_VOCABULARY.channels]) expect(text, name).toContain(` ${spokenForm(name, 'en')} `)
    const vocab = new Set(compiled.vocabulary)
    for (const w of new Set(compiled.corpus.join(' ').split(' '))) expect(vocab.has(w), w).toBe(true)
  })

  it('is deterministic', () => {
    expect(compileDomain(domainFor('en')).corpus).toEqual(compiled.corpus)
  })
})

describe('compiled Spanish domain', () => {
  it('accepts the Spanish test commands', () => {
    const compiled = compileDomain(domainFor('es'))
    for (const c of ES_COMMANDS) expect(accepts(compiled.fsg, c), c).toBe(true)
  })
})

describe('ARPA builder', () => {
  it('writes a well-formed trigram model whose unigrams sum to ~1', () => {
    const arpa = buildArpa(['add sarah to marketing', 'add mike to design', 'remove sarah from design'])
    expect(arpa).toMatch(/^\\data\\\nngram 1=\d+\nngram 2=\d+\nngram 3=\d+/)
    const unigrams = arpa.split('\\1-grams:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.split('\t'))
    const sum = unigrams.filter(([p]) => p !== '-99').reduce((s, [p]) => s + 10 ** Number(p), 0)
    expect(sum).toBeGreaterThan(0.95)
    expect(sum).toBeLessThan(1.05)
    expect(arpa.trimEnd().endsWith('\\end\\')).toBe(true)
  })
})

describe('spoken names', () => {
  it('spells digits and symbols the way they are said', () => {
    expect(spokenForm('Q1 Campaign', 'en')).toBe('q one campaign')
    expect(spokenForm('R&D budget 2026', 'en')).toBe('r and d budget twenty twenty six')
    expect(spokenForm('José\'s "launch"!', 'en')).toBe("jose's launch")
    expect(spokenForm('Campaña 25', 'es')).toBe('campaña veinticinco')
  })

  it('restores written names in a transcript', () => {
    const r = new NameRestorer(['Q1 Campaign', 'R&D', 'Marketing'], 'en')
    expect(r.restore('add sarah to the q one campaign channel and the r and d channel')).toBe('add sarah to the Q1 Campaign channel and the R&D channel')
  })
})

describe('pronunciations and confidence', () => {
  it('maps espeak-ng phonemes to the acoustic model phones', () => {
    expect(mapPhonemes("p_r_'I_j_@", 'en')).toBe('P R IH Y AH')
    expect(mapPhonemes("k_'a_n_b_@_n", 'en')).toBe('K AE N B AH N')
    expect(mapPhonemes("m_a_n^_'a_n_a", 'es')).toBe('M AA N Y AA N AA')
  })

  it('word similarity and the low-confidence threshold', () => {
    expect(wordSimilarity('add sarah to the marketing channel', 'add sarah to the marketing channel')).toBe(1)
    expect(wordSimilarity('add sarah to the marketing channel', 'add sara to the marketing channel')).toBeCloseTo(5 / 6)
    expect(wordSimilarity('delete the old drafts task', 'can you tell me what sarah is working on')).toBeLessThan(0.2)
    expect(isLowConfidence(LOW_CONFIDENCE - 0.01)).toBe(true)
    expect(isLowConfidence(LOW_CONFIDENCE)).toBe(false)
    expect(isLowConfidence(Number.NaN)).toBe(true)
  })
})
