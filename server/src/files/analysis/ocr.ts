/**
 * Text from pictures of text — photos of whiteboards, screenshots, scanned PDFs — with Tesseract
 * (Debian's tesseract-ocr, English and Spanish models), offline. Scanned PDFs are rasterized page by
 * page with poppler's pdftoppm first. A missing tool or a failure is a note, never an exception.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runTool } from './runTool'

const TIMEOUT_MS = 60_000
const MAX_TEXT_BYTES = 4 * 1024 * 1024
/** Pages of a scanned PDF read by OCR (about 2–4 s a page on this machine). */
export const MAX_OCR_PAGES = 10
export const OCR_INSTALL_HINT = 'Reading text from images needs Tesseract (apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa)'
/** Both models: a document's language is not known before it is read. */
const LANGUAGES = 'eng+spa'

/** Image formats Tesseract (through Leptonica) reads. */
export const OCR_IMAGE = /^image\/(png|jpeg|tiff|bmp|gif|webp|x-portable-(gray|pix|any)map)$/

export interface OcrResult { text: string; note?: string; pages?: number }

export async function ocrImage(bytes: Buffer): Promise<OcrResult> {
  const run = await runTool('tesseract', ['stdin', 'stdout', '-l', LANGUAGES], bytes, MAX_TEXT_BYTES, TIMEOUT_MS)
  if (run.outcome === 'missing') return { text: '', note: OCR_INSTALL_HINT }
  if (run.outcome === 'timeout') return { text: '', note: `Reading the image's text took longer than ${TIMEOUT_MS / 1000} s and was stopped.` }
  if (run.outcome === 'failed') return { text: '', note: 'The image could not be read.' }
  return { text: clean(run.stdout.toString('utf8')) }
}

/** A PDF with no text layer: each page (up to MAX_OCR_PAGES) rendered at 200 dpi in grey, then read. */
export async function ocrPdf(bytes: Buffer): Promise<OcrResult> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-ocr-'))
  try {
    const render = await runTool('pdftoppm', ['-r', '200', '-gray', '-png', '-f', '1', '-l', String(MAX_OCR_PAGES), '-', join(dir, 'page')], bytes, 64 * 1024, TIMEOUT_MS)
    if (render.outcome === 'missing') return { text: '', note: 'Reading scanned PDFs needs poppler-utils (apt-get install -y poppler-utils)' }
    if (render.outcome !== 'ok') return { text: '', note: 'The scanned PDF could not be rendered for OCR.' }
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort()
    const texts: string[] = []
    for (const page of pages) {
      const result = await ocrImage(await readFile(join(dir, page)))
      if (result.note) return { text: texts.join('\n\n'), note: result.note, pages: texts.length }
      texts.push(result.text)
    }
    return { text: texts.filter(Boolean).join('\n\n'), pages: pages.length }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Tesseract's page breaks and trailing spaces out; paragraphs (blank lines) kept. */
const clean = (raw: string) => raw.replace(/\f/g, '\n\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()
