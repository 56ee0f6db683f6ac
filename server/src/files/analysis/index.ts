/** The offline analysis step of the file pipeline: extract a file's text, then summarize it. */
export { extractText, formatOf, type ExtractedKind, type ExtractedText } from './extractText'
export { analyzeText, type TextAnalysis } from './summarize'
