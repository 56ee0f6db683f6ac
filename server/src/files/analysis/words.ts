/**
 * Words and stopwords shared by the summary, the keywords and language detection. The stopword
 * lists are the `stopword` package's English and Spanish ones, which are short (about 110 and 60
 * words), topped up here with the function words they lack ("not", "will", "don't"; "es", "son",
 * "hay", "este") so that keywords are not made of them.
 */
import stopword from 'stopword'

export type Language = 'en' | 'es'

const EXTRA_STOPWORDS: Record<Language, string> = {
  en: `she not no nor so just its i'm i've i'd i'll you're you've you'd you'll we're we've they're they've don't
    doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't
    shouldn't will shall may does doing done having us yours ours hers theirs myself yourself itself ourselves
    themselves herself yourselves whom whose why when again further once off down above below against during
    until few own every either neither per via within without upon across along around among onto toward towards
    yet however although though whether else ever even really quite rather almost already always often several
    thus therefore hence etc one let`,
  es: `es son era eran fue fueron ser sido siendo sea sean será serán soy somos eres está están estaba estaban estar
    estoy estamos estado este esta esto estos estas esa esas esos aquel aquella aquello aquellos aquellas hay ha han
    he has hemos había habían haber habrá tiene tienen tener tengo yo usted ustedes ellos ellas nosotros nosotras
    vosotros les mis tu tus nuestro nuestra nuestros nuestras vuestro vuestra suyo suya entre hacia tras según cada
    así aquí allí ahí entonces cómo cuál cuáles quién quiénes dónde cuándo unos unas otros otra otras mismo misma
    tanto tan mucho muchos mucha muchas poca pocos pocas bien siempre nunca aún aunque pues sino cuales algo alguno
    alguna algunos algunas nada nadie ante bajo e u puede pueden hace hacer ello solo sólo mas todo todos toda todas`,
}

const words = (list: string) => list.split(/\s+/).filter(Boolean)

export const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set([...stopword.eng, ...words(EXTRA_STOPWORDS.en)]),
  es: new Set([...stopword.spa, ...words(EXTRA_STOPWORDS.es)]),
}

export const ANY_STOPWORD: ReadonlySet<string> = new Set([...STOPWORDS.en, ...STOPWORDS.es])

/** A word: letters and digits, with inner apostrophes or hyphens ("it's", "follow-up"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/** The words of `text`, lowercased, typographic apostrophes made plain, English possessives dropped ("team's" → "team"). */
export function tokenize(text: string): string[] {
  const out: string[] = []
  for (const [word] of text.matchAll(WORD)) out.push(word.toLowerCase().replace(/’/g, "'").replace(/'s$/, ''))
  return out
}

const DIGITS_ONLY = /^[\p{N}'-]+$/u

/** A word that can carry meaning: not a stopword, not a bare number, at least three letters long. */
export function isContentWord(word: string, stopwords: ReadonlySet<string>) {
  return word.length >= 3 && !stopwords.has(word) && !DIGITS_ONLY.test(word)
}
