/** The offline analysis step of the file pipeline: extract a file's text, then summarize it. */
export { extractText, formatOf, type ExtractedKind, type ExtractedText } from './extractText'
export { analyzeText, type TextAnalysis } from './summarize'
export { MAX_OCR_PAGES, OCR_IMAGE, ocrImage, ocrPdf, type OcrResult } from './ocr'
export { NO_TEXT_LAYER } from './formats/pdf'
