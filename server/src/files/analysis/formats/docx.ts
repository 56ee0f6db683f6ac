/**
 * DOCX → the text of its body (word/document.xml), one line per paragraph. Only that entry is
 * inflated (fflate, pure JS), and only up to a size cap, so a zip bomb costs little. The XML is
 * scanned for the few WordprocessingML tags that carry text rather than parsed into a tree: the
 * file is machine-written, and a scan also keeps paragraphs nested in text boxes without recursion.
 */
import { unzipSync } from 'fflate'
import type { ExtractedText } from '../extractText'

const DOCUMENT_XML = 'word/document.xml'
const MAX_XML_BYTES = 64 * 1024 * 1024

export function docxText(bytes: Buffer): ExtractedText {
  let tooLarge = false
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== DOCUMENT_XML) return false
        tooLarge = file.originalSize > MAX_XML_BYTES
        return !tooLarge
      },
    })
  } catch {
    return none('This DOCX file is corrupt (not a readable zip archive).')
  }
  if (tooLarge) return none(`This DOCX file's text is larger than ${MAX_XML_BYTES / 1024 / 1024} MB.`)
  const xml = entries[DOCUMENT_XML]
  if (!xml) return none('This file is not a Word document (it has no word/document.xml).')
  return { text: wordprocessingText(new TextDecoder('utf-8').decode(xml)), kind: 'docx' }
}

const none = (note: string): ExtractedText => ({ text: '', kind: 'none', note })

/**
 * `<w:t>` holds text, `<w:tab/>` a tab (but `<w:tab>` inside `<w:tabs>` defines a tab stop),
 * `<w:br/>`/`<w:cr/>` a line break, and `</w:p>` ends a paragraph. Deleted text (`<w:delText>`)
 * and field codes (`<w:instrText>`) are not matched, so they stay out.
 */
const TAG = /<(\/?)w:(p|t|tab|tabs|br|cr)(?=[\s/>])[^>]*?(\/?)>/g

export function wordprocessingText(xml: string): string {
  const paragraphs: string[] = []
  let line = '', textStart = -1, inTabStops = false
  for (const match of xml.matchAll(TAG)) {
    const [tag, closing, name, selfClosing] = match
    const opening = !closing && !selfClosing
    if (name === 't') {
      if (opening) textStart = match.index + tag.length
      else if (closing && textStart >= 0) { line += decodeXmlEntities(xml.slice(textStart, match.index)); textStart = -1 }
    } else if (name === 'tabs') {
      inTabStops = opening
    } else if (name === 'tab') {
      if (!inTabStops) line += '\t'
    } else if (name === 'br' || name === 'cr') {
      line += '\n'
    } else if (name === 'p' && (closing || selfClosing)) {
      paragraphs.push(line)
      line = ''
    }
  }
  if (line) paragraphs.push(line)
  return paragraphs.join('\n').trim()
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXmlEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}
