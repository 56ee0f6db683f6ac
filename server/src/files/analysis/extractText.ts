/**
 * Bytes of an uploaded file → its plain text, chosen by content type or file name. Never throws for
 * bad input or a missing tool: the result says `kind: 'none'` and a `note` explains why.
 */
import { docxText } from './formats/docx'
import { htmlText } from './formats/html'
import { pdfText } from './formats/pdf'
import { decodeText } from './formats/plainText'

export type ExtractedKind = 'text' | 'pdf' | 'html' | 'docx' | 'none'

export interface ExtractedText {
  text: string
  kind: ExtractedKind
  /** PDF only: the page count. */
  pages?: number
  /** Why there is no text (or only part of it), in words a person can act on. */
  note?: string
}

type Format = Exclude<ExtractedKind, 'none'>

const FORMAT_BY_MIME: Record<string, Format> = {
  'text/plain': 'text', 'text/markdown': 'text', 'text/x-markdown': 'text', 'text/csv': 'text', 'application/json': 'text',
  'text/html': 'html', 'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
}

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  txt: 'text', md: 'text', markdown: 'text', csv: 'text', json: 'text', log: 'text',
  html: 'html', htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
}

/**
 * The text of a file. A PDF is recognised by its first bytes whatever it is called; otherwise the
 * content type decides when it names a known format, and the file name's extension when it doesn't.
 */
export async function extractText(bytes: Buffer, mimeType: string, name: string): Promise<ExtractedText> {
  const format = formatOf(bytes, mimeType, name)
  if (!format) return { text: '', kind: 'none' }
  try {
    switch (format) {
      case 'text': return { text: decodeText(bytes), kind: 'text' }
      case 'html': return { text: htmlText(decodeText(bytes)), kind: 'html' }
      case 'pdf': return await pdfText(bytes)
      case 'docx': return docxText(bytes)
    }
  } catch (error) {
    // Each format turns the failures it expects into notes; this is the backstop for the rest.
    return { text: '', kind: 'none', note: `The ${format.toUpperCase()} file could not be read (${(error as Error).message}).` }
  }
}

/** The format `extractText` reads a file as, or null when it has no text to offer. */
export function formatOf(bytes: Uint8Array, mimeType: string, name: string): Format | null {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf'
  const mime = mimeType.split(';')[0]!.trim().toLowerCase()
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  return FORMAT_BY_MIME[mime] ?? FORMAT_BY_EXTENSION[extension] ?? null
}
