/**
 * What Baton learns from a file, offline: its text (documents, PDF, DOCX, HTML; speech in audio
 * through the configured speech-to-text), then a summary, keywords, language and length from that
 * text. Pure apart from the tools it calls; the pipeline stores the result on the resource.
 */
import { MAX_OCR_PAGES, NO_TEXT_LAYER, OCR_IMAGE, analyzeText, extractText, ocrImage, ocrPdf } from './analysis'
import type { LlmSummarizer } from './llmSummary'

export interface FileAnalysis {
  kind: 'text' | 'pdf' | 'html' | 'docx' | 'audio' | 'image' | 'none'
  language: 'en' | 'es' | null
  wordCount: number
  summary: string
  keywords: string[]
  /** The text's opening, for previews and search. */
  excerpt: string
  pages?: number
  /** Why there is little or nothing to show (a missing tool, an unreadable file). */
  note?: string
  /** Who wrote the summary: the offline extractive summarizer, or the configured LLM. */
  summarizer: 'extractive' | 'llm'
  /** Why the LLM's summary was not used, when one was asked for. */
  llmError?: string
}

export interface AnalyzeDeps {
  /** Speech-to-text for audio files (in the uploader's language); absent when voice is not installed. */
  transcribe?: (audio: Uint8Array) => Promise<{ text: string }>
  /** An abstractive summary (LLM_PROVIDER=openai); the extractive one is kept if it fails. */
  summarize?: LlmSummarizer
}

export type Stage = 'reading' | 'extracting' | 'transcribing' | 'analyzing'

/** The analysis, and the whole text it was made from (stored apart, for search). */
export interface AnalyzedFile { analysis: FileAnalysis; text: string }

const EXCERPT_CHARS = 600
const AUDIO = /^audio\//
const AUDIO_NAME = /\.(wav|mp3|m4a|ogg|oga|opus|webm|flac|aac)$/i

export async function analyzeFile(bytes: Buffer, mimeType: string, name: string, deps: AnalyzeDeps, onStage: (stage: Stage) => Promise<void>): Promise<AnalyzedFile> {
  if (mimeType.startsWith('image/')) {
    if (!OCR_IMAGE.test(mimeType)) return { analysis: { ...empty('image'), note: 'This kind of image is stored and shared; its content is not read.' }, text: '' }
    await onStage('extracting')
    const read = await ocrImage(bytes)
    await onStage('analyzing')
    const note = read.note ?? (read.text ? 'Text read from the image (OCR).' : 'No text was found in the image.')
    return { analysis: await withLlm({ ...fromText('image', read.text, {}), note }, read.text, deps), text: read.text }
  }
  if (AUDIO.test(mimeType) || AUDIO_NAME.test(name)) {
    if (!deps.transcribe) return { analysis: { ...empty('audio'), note: 'Speech recognition is not installed here, so the recording was not transcribed.' }, text: '' }
    await onStage('transcribing')
    try {
      const heard = await deps.transcribe(bytes)
      await onStage('analyzing')
      return { analysis: await withLlm(fromText('audio', heard.text, {}), heard.text, deps), text: heard.text }
    } catch (error) {
      return { analysis: { ...empty('audio'), note: `The recording could not be transcribed: ${(error as Error).message}` }, text: '' }
    }
  }
  await onStage('extracting')
  let extracted = await extractText(bytes, mimeType, name)
  if (extracted.kind === 'pdf' && extracted.note === NO_TEXT_LAYER) {
    // A scan: read its pages as images.
    const read = await ocrPdf(bytes)
    const more = (extracted.pages ?? 0) > MAX_OCR_PAGES ? ` Only the first ${MAX_OCR_PAGES} pages were read.` : ''
    extracted = { ...extracted, text: read.text, note: read.note ?? (read.text ? `Scanned pages read with OCR.${more}` : 'No text was found on the scanned pages.') }
  }
  await onStage('analyzing')
  return { analysis: await withLlm(fromText(extracted.kind, extracted.text, { pages: extracted.pages, note: extracted.note }), extracted.text, deps), text: extracted.text }
}

async function withLlm(analysis: FileAnalysis, text: string, deps: AnalyzeDeps): Promise<FileAnalysis> {
  if (!deps.summarize || analysis.wordCount < 20) return analysis // too short to need one
  try {
    return { ...analysis, summary: await deps.summarize(text, analysis.language), summarizer: 'llm' }
  } catch (error) {
    return { ...analysis, llmError: (error as Error).message }
  }
}

function fromText(kind: FileAnalysis['kind'], text: string, extra: { pages?: number; note?: string }): FileAnalysis {
  const a = analyzeText(text)
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS)
  return {
    kind, language: a.language, wordCount: a.wordCount, summary: a.summary, keywords: a.keywords, excerpt, summarizer: 'extractive',
    ...(extra.pages !== undefined ? { pages: extra.pages } : {}),
    ...(extra.note ? { note: extra.note } : !text.trim() && kind !== 'none' ? { note: 'No text was found in this file.' } : {}),
  }
}

const empty = (kind: FileAnalysis['kind']): FileAnalysis => ({ kind, language: null, wordCount: 0, summary: '', keywords: [], excerpt: '', summarizer: 'extractive' })
