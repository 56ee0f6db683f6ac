import { zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { analyzeText, extractText } from '../../src/files/analysis'
import { splitSentences } from '../../src/files/analysis/sentences'
import { which } from '../../src/voice/availability'
import { pdf } from './samples'

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A Word file as Word writes it, reduced to the two parts a reader needs. */
function docx(documentXml: string, extra: Record<string, Uint8Array> = {}) {
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
      + `ContentType="${DOCX_MIME}.main+xml"/></Types>`),
    'word/document.xml': strToU8(documentXml),
    ...extra,
  }))
}

const wordBody = (paragraphs: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
  + `<w:body>${paragraphs}<w:sectPr/></w:body></w:document>`

async function withoutPath<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH
  process.env.PATH = '/nonexistent'
  try { return await fn() } finally { process.env.PATH = saved }
}

describe('plain text', () => {
  it('decodes UTF-8 and drops a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Año nuevo, café ☕\n')])
    expect(await extractText(bytes, 'text/plain', 'notes.txt')).toEqual({ text: 'Año nuevo, café ☕\n', kind: 'text' })
  })

  it('reads bytes that are not UTF-8 as Latin-1 (an old Excel CSV)', async () => {
    const bytes = Buffer.from([...Buffer.from('name;city\nJos'), 0xe9, ...Buffer.from(';M'), 0xe1, ...Buffer.from('laga\n')])
    expect(await extractText(bytes, 'application/octet-stream', 'export.CSV')).toEqual({ text: 'name;city\nJosé;Málaga\n', kind: 'text' })
  })

  it('reads UTF-16 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Größe', 'utf16le')])
    expect((await extractText(bytes, '', 'sizes.txt')).text).toBe('Größe')
  })

  it('chooses by content type (parameters ignored), then by extension', async () => {
    const json = Buffer.from('{"a":1}')
    expect(await extractText(json, 'application/json; charset=utf-8', 'blob')).toEqual({ text: '{"a":1}', kind: 'text' })
    expect((await extractText(Buffer.from('boot ok'), '', 'server.log')).kind).toBe('text')
    expect((await extractText(Buffer.from('# Title'), 'text/markdown', 'README')).kind).toBe('text')
    expect(await extractText(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png', 'photo.png')).toEqual({ text: '', kind: 'none' })
    expect(await extractText(Buffer.from('MZ'), '', 'setup.exe')).toEqual({ text: '', kind: 'none' })
  })
})

describe('HTML', () => {
  it('keeps the visible text: no scripts, styles or tags; entities decoded', async () => {
    const html = `<!doctype html><html><head><title>Ignored</title><style>p { color: red }</style></head><body>
      <h1>Q3 budget &amp; plan</h1>
      <script>document.write("<p>injected</p>"); var secret = 1 < 2;</script>
      <p>Caf&eacute; opens at 9&nbsp;am &mdash; see <a href="https://example.test/menu">the menu</a> &lt;new&gt;.</p>
      <noscript>Enable JavaScript</noscript><img src="logo.png" alt="logo">
      <!-- a comment -->
      <ul><li>Coffee</li><li>Tea</li></ul></body></html>`
    const result = await extractText(Buffer.from(html), 'text/html', 'page.html')
    expect(result.kind).toBe('html')
    expect(result.text).toBe('Q3 budget & plan\n\nCafé opens at 9 am — see the menu <new>.\n\n * Coffee\n * Tea')
    for (const hidden of ['injected', 'secret', 'color', 'Ignored', 'Enable JavaScript', 'comment', 'example.test', 'logo']) {
      expect(result.text).not.toContain(hidden)
    }
  })

  it('is chosen by extension too, and keeps table cells apart', async () => {
    const result = await extractText(Buffer.from('<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Chairs</td><td>120</td></tr></table>'), '', 'prices.htm')
    expect(result.kind).toBe('html')
    expect(result.text.split('\n').map((line) => line.split(/\s{2,}/))).toEqual([['Item', 'Cost'], ['Chairs', '120']])
  })
})

describe('DOCX', () => {
  it('reads word/document.xml, one line per paragraph', async () => {
    const bytes = docx(wordBody(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
      + '<w:r><w:t>Quarterly </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">report &amp; plan</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>Owner:</w:t><w:tab/><w:t>Ana</w:t></w:r><w:del><w:r><w:delText>Bob</w:delText></w:r></w:del>'
      + '<w:r><w:br/><w:t>Due &#8220;Friday&#x201D;</w:t></w:r></w:p>',
    ))
    expect(await extractText(bytes, DOCX_MIME, 'report.docx')).toEqual({ text: 'Quarterly report & plan\nOwner:\tAna\nDue “Friday”', kind: 'docx' })
  })

  it('a corrupt file, or a zip that is not a Word document → kind none with a note', async () => {
    const corrupt = await extractText(Buffer.from('PK\x03\x04 this is not really a zip'), DOCX_MIME, 'broken.docx')
    expect(corrupt).toEqual({ text: '', kind: 'none', note: 'This DOCX file is corrupt (not a readable zip archive).' })
    const truncated = await extractText(docx(wordBody('<w:p><w:r><w:t>Hello</w:t></w:r></w:p>')).subarray(0, 60), '', 'cut.docx')
    expect(truncated).toMatchObject({ text: '', kind: 'none', note: expect.stringContaining('corrupt') })
    const notWord = Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))
    expect(await extractText(notWord, '', 'sheet.docx')).toEqual({ text: '', kind: 'none', note: 'This file is not a Word document (it has no word/document.xml).' })
  })
})

describe('PDF without poppler-utils', () => {
  it('says what to install instead of throwing', async () => {
    const result = await withoutPath(() => extractText(pdf([['Hello']]), 'application/pdf', 'hello.pdf'))
    expect(result).toEqual({ text: '', kind: 'none', note: 'PDF text extraction needs poppler-utils (apt-get install -y poppler-utils)' })
  })
})

const hasPoppler = which('pdftotext') !== null
if (!hasPoppler) console.warn('[files/analysis] PDF extraction cases skipped: needs pdftotext (apt-get install -y poppler-utils)')

describe.skipIf(!hasPoppler)('PDF with pdftotext', () => {
  it('extracts the text of each page and counts the pages', async () => {
    const bytes = pdf([['Budget review (draft)', 'Owner: Ana'], ['Second page text']])
    const result = await extractText(bytes, 'application/pdf', 'review.pdf')
    expect(result.kind).toBe('pdf')
    expect(result.pages).toBe(2)
    expect(result.note).toBeUndefined()
    expect(result.text.split('\n').map((line) => line.trim()).filter(Boolean)).toEqual(['Budget review (draft)', 'Owner: Ana', 'Second page text'])
  })

  it('recognises a PDF by its first bytes, whatever its name or content type', async () => {
    const result = await extractText(pdf([['Signed contract']]), 'application/octet-stream', 'upload')
    expect(result).toMatchObject({ kind: 'pdf', pages: 1, text: 'Signed contract' })
  })

  it('a page with no text layer → kind pdf, empty text, a note about OCR', async () => {
    const result = await extractText(pdf([[]]), '', 'scan.pdf')
    expect(result).toMatchObject({ text: '', kind: 'pdf', pages: 1, note: expect.stringContaining('no text layer') })
  })

  it('a corrupt PDF → kind none with a note', async () => {
    for (const bytes of [Buffer.from('%PDF-1.4\n1 0 obj garbage'), Buffer.from('not a pdf at all'), Buffer.alloc(0)]) {
      const result = await extractText(bytes, 'application/pdf', 'broken.pdf')
      expect(result).toMatchObject({ text: '', kind: 'none', note: expect.stringMatching(/^This PDF could not be read \(corrupt or not a PDF/) })
    }
  })
})

describe('sentences', () => {
  it('split at sentence ends, not at abbreviations, initials, decimals or lower-case continuations', () => {
    const text = 'Dr. Smith measured 3.5 kg at 9 a.m. on Monday. Use a tool, e.g. Python, for that! Prices rose 2.5% vs. last year, etc. and more... '
      + 'J. R. R. Tolkien wrote it. He said "stop." Then he left.'
    expect(splitSentences(text)).toEqual([
      'Dr. Smith measured 3.5 kg at 9 a.m. on Monday.',
      'Use a tool, e.g. Python, for that!',
      'Prices rose 2.5% vs. last year, etc. and more...',
      'J. R. R. Tolkien wrote it.',
      'He said "stop."',
      'Then he left.',
    ])
  })

  it('handle Spanish ¿…? and ¡…! and abbreviations', () => {
    expect(splitSentences('¿Vienes mañana? ¡Claro que sí! La Sra. Gómez viaja a EE. UU. el lunes. Ver pág. 4.')).toEqual([
      '¿Vienes mañana?', '¡Claro que sí!', 'La Sra. Gómez viaja a EE. UU. el lunes.', 'Ver pág. 4.',
    ])
  })

  it('end at blank lines, list items and headings; single line breaks are wrapping', () => {
    expect(splitSentences('# Plan\n\nThe plan is\nready for review.\n- buy chairs\n- 2. paint the wall\n1. call Ana')).toEqual([
      'Plan', 'The plan is ready for review.', 'buy chairs', '2. paint the wall', 'call Ana',
    ])
  })
})

const ENGLISH = [
  'Baton keeps the whole team in one place.',
  'The budget review is due on Friday.',
  'Maria will prepare the budget review with the finance team.',
  'The office plants need water.',
  'Lunch is at noon on Thursday.',
  'The finance team wants the budget review numbers by Wednesday.',
  'Someone left an umbrella in the lobby.',
  'Please send questions about the budget review to Maria.',
].join(' ')

const SPANISH = [
  'El equipo de ventas presentó el informe trimestral el lunes.',
  'Las cifras del informe trimestral muestran un crecimiento del 12 %.',
  '¿Quién revisará el informe antes de la reunión?',
  'La cafetería del tercer piso cierra temprano.',
  'El director pidió que el equipo de ventas prepare un plan para el próximo trimestre.',
  'Hace mucho calor esta semana.',
  '¡El informe trimestral se enviará a todos los socios el viernes!',
  'Recuerden apagar las luces.',
].join(' ')

describe('analyzeText', () => {
  it('English: picks the sentences that carry the main terms, in document order', () => {
    const result = analyzeText(ENGLISH)
    expect(result.summary).toBe('The budget review is due on Friday. Maria will prepare the budget review with the finance team. '
      + 'The finance team wants the budget review numbers by Wednesday.')
    expect(result).toMatchObject({ language: 'en', wordCount: 62, sentences: 8 })
    // "team" stands alone once ("the whole team"), so it is a keyword beside "finance team"; "review" never does.
    expect(result.keywords).toEqual(['budget review', 'team', 'maria', 'finance team', 'baton', 'keeps', 'whole', 'place'])
  })

  it('Spanish: the same, with Spanish stopwords', () => {
    const result = analyzeText(SPANISH)
    expect(result.summary).toBe('El equipo de ventas presentó el informe trimestral el lunes. Las cifras del informe trimestral muestran un crecimiento del 12 %. '
      + '¡El informe trimestral se enviará a todos los socios el viernes!')
    expect(result).toMatchObject({ language: 'es', wordCount: 70, sentences: 8 })
    expect(result.keywords).toEqual(['informe', 'informe trimestral', 'equipo', 'ventas', 'presentó', 'lunes', 'cifras', 'muestran'])
  })

  it('maxSentences sets the summary length; a short text is its own summary', () => {
    expect(analyzeText(ENGLISH, { maxSentences: 1 }).summary).toBe('Maria will prepare the budget review with the finance team.')
    expect(analyzeText('Ship it. Then rest.').summary).toBe('Ship it. Then rest.')
  })

  it('leaves headings and captions out of the summary, unless there is nothing else', () => {
    const notes = '# Q4 board deck — notes\n\nThe board wants the deck two days early.\n\n## Revenue\n\nRevenue grew eleven percent.'
    expect(analyzeText(notes).summary).toBe('The board wants the deck two days early. Revenue grew eleven percent.')
    expect(analyzeText('# Roadmap\n\n## Q1 goals').summary).toBe('Roadmap Q1 goals')
  })

  it('keywords: no stopwords, no bare numbers, nothing shorter than three letters, accents kept', () => {
    const { keywords } = analyzeText('Año 2024: la canción del año. 2024 fue el año de la canción. Yo sé que la canción es buena. AI AI AI.')
    expect(keywords).toEqual(['año', 'canción', 'buena'])
  })

  it('language: null for short texts and for text with no clear winner', () => {
    expect(analyzeText('The budget review is due on Friday.').language).toBeNull()
    expect(analyzeText('2024 1200 3400 5600 7800 '.repeat(10)).language).toBeNull()
    expect(analyzeText(`${ENGLISH} ${SPANISH}`).language).toBeNull()
  })

  it('empty or blank text', () => {
    const empty = { language: null, wordCount: 0, summary: '', keywords: [], sentences: 0 }
    expect(analyzeText('')).toEqual(empty)
    expect(analyzeText(' \n\t\n ')).toEqual(empty)
  })

  it('cuts a huge unpunctuated "sentence" in the summary, and handles 1 MB quickly', () => {
    const log = Array.from({ length: 200 }, (_, i) => `row${i} value`).join(' ')
    const summary = analyzeText(log).summary
    expect(summary.length).toBeLessThanOrEqual(401)
    expect(summary.endsWith('…')).toBe(true)

    const big = `${ENGLISH}\n\n`.repeat(Math.ceil(1_000_000 / (ENGLISH.length + 2)))
    const started = performance.now()
    const result = analyzeText(big)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(result.language).toBe('en')
    expect(result.keywords[0]).toBe('budget review')
  })

  it('is deterministic', () => {
    expect(analyzeText(SPANISH)).toEqual(analyzeText(SPANISH))
  })
})
