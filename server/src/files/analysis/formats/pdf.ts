/**
 * PDF → text with poppler-utils' `pdftotext -layout` (column layout kept, so tables stay readable),
 * and the page count from `pdfinfo`. Both read the bytes on stdin, so nothing touches the disk. A
 * missing tool, a timeout, an encrypted or corrupt file each become a note, never an exception.
 */
import type { ExtractedText } from '../extractText'
import { runTool } from '../runTool'

const TIMEOUT_MS = 20_000
/** Enough for a few thousand pages; a larger output is cut and the note says so. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024
const INSTALL_HINT = 'PDF text extraction needs poppler-utils (apt-get install -y poppler-utils)'
/** The note of a PDF with no text layer: the pipeline reads such PDFs with OCR when it can. */
export const NO_TEXT_LAYER = 'This PDF has no text layer (a scan or images only).'

export async function pdfText(bytes: Buffer): Promise<ExtractedText> {
  const [text, info] = await Promise.all([
    runTool('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], bytes, MAX_OUTPUT_BYTES, TIMEOUT_MS),
    runTool('pdfinfo', ['-'], bytes, 64 * 1024, TIMEOUT_MS),
  ])
  if (text.outcome === 'missing') return { text: '', kind: 'none', note: INSTALL_HINT }
  if (text.outcome === 'timeout') return { text: '', kind: 'none', note: `PDF text extraction took longer than ${TIMEOUT_MS / 1000} s and was stopped.` }
  if (text.outcome === 'failed') return { text: '', kind: 'none', note: `This PDF could not be read (${describeFailure(text.stderr)}).` }
  const pages = info.outcome === 'ok' ? pageCount(info.stdout.toString('utf8')) : undefined
  const result: ExtractedText = { text: pagesToText(text.stdout.toString('utf8')), kind: 'pdf' }
  if (pages !== undefined) result.pages = pages
  if (text.outcome === 'truncated') result.note = `The PDF's text was cut at ${MAX_OUTPUT_BYTES / 1024 / 1024} MB.`
  else if (!result.text) result.note = NO_TEXT_LAYER
  return result
}

/** pdftotext ends every page with a form feed: pages become blank-line-separated blocks. */
function pagesToText(raw: string) {
  return raw.replace(/\f/g, '\n\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()
}

function pageCount(info: string): number | undefined {
  const match = /^Pages:\s+(\d+)/m.exec(info)
  return match ? Number(match[1]) : undefined
}

function describeFailure(stderr: string) {
  if (/incorrect password|encrypted/i.test(stderr)) return 'it is password-protected'
  const firstLine = stderr.split('\n').find((line) => line.trim())?.trim()
  return firstLine ? `corrupt or not a PDF: ${firstLine.slice(0, 200)}` : 'corrupt or not a PDF'
}
