/**
 * OCR: text in images and scanned PDFs, read offline with Tesseract. The pictures are made here:
 * a hand-written PDF rendered by pdftoppm (PNG for an image, PGM wrapped in an image-only PDF for a scan).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeFile } from '../../src/files/analyzeFile'
import { extractText, ocrImage } from '../../src/files/analysis'
import { imageOnlyPdf, pdf } from './samples'

const has = (tool: string) => { try { execFileSync('which', [tool], { stdio: 'ignore' }); return true } catch { return false } }
const canOcr = has('tesseract') && has('pdftoppm')
if (!canOcr) console.warn('server/test/files/ocr.test.ts: tesseract or pdftoppm is absent (apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils); the OCR cases are skipped.')

const LINES = ['Quarterly budget review', 'Revenue grew eleven percent this quarter.', 'The board meets on Thursday morning.']
/** The PDF's page as a grey image (pdftoppm writes files, not stdout, with -singlefile). */
function render(format: 'png' | 'pgm', dpi: number, lines = LINES) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-ocr-test-'))
  try {
    // (-gray alone writes PGM; -png with -gray writes a grey PNG)
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', ...(format === 'png' ? ['-png'] : []), '-singlefile', '-', join(dir, 'page')], { input: pdf([lines]) })
    return readFileSync(join(dir, `page.${format}`))
  } finally { rmSync(dir, { recursive: true, force: true }) }
}
const stage = async () => undefined
const words = (s: string) => s.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter(Boolean)

describe.skipIf(!canOcr)('OCR', () => {
  it('reads the text of an image', async () => {
    const { text, note } = await ocrImage(render('png', 150))
    expect(note).toBeUndefined()
    for (const word of ['quarterly', 'budget', 'revenue', 'eleven', 'thursday']) expect(words(text)).toContain(word)
  }, 60_000)

  it('turns a picture of text into a summarized file, saying the text came from OCR', async () => {
    const { analysis, text } = await analyzeFile(render('png', 150), 'image/png', 'whiteboard.png', {}, stage)
    expect(analysis).toMatchObject({ kind: 'image', note: 'Text read from the image (OCR).' })
    expect(analysis.summary).toContain('Revenue grew eleven percent this quarter.')
    expect(text).toContain('The board meets on Thursday morning.')
  }, 60_000)

  it('reads a scanned PDF (no text layer) page by page', async () => {
    const scan = imageOnlyPdf(render('pgm', 150))
    expect((await extractText(scan, 'application/pdf', 'scan.pdf'))).toMatchObject({ kind: 'pdf', text: '', note: expect.stringContaining('no text layer') })
    const { analysis } = await analyzeFile(scan, 'application/pdf', 'scan.pdf', {}, stage)
    expect(analysis).toMatchObject({ kind: 'pdf', pages: 1, note: 'Scanned pages read with OCR.' })
    expect(words(analysis.excerpt)).toEqual(expect.arrayContaining(['quarterly', 'budget', 'review', 'revenue', 'board']))
  }, 90_000)

  it('finds no text in a blank image, and says when Tesseract is missing', async () => {
    const blank = render('png', 50, [])
    const { analysis } = await analyzeFile(blank, 'image/png', 'blank.png', {}, stage)
    expect(analysis).toMatchObject({ kind: 'image', wordCount: 0, note: 'No text was found in the image.' })
    const saved = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      expect(await ocrImage(blank)).toEqual({ text: '', note: expect.stringContaining('apt-get install -y tesseract-ocr') })
    } finally { process.env.PATH = saved }
  }, 60_000)
})

it('does not try to read an SVG as a picture', async () => {
  const { analysis } = await analyzeFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 'logo.svg', {}, stage)
  expect(analysis).toMatchObject({ kind: 'image', note: 'This kind of image is stored and shared; its content is not read.' })
})
