/**
 * HTML → the text a reader sees, via html-to-text (a real parser: entities, comments, `<script>`
 * bodies containing "<p>" and unclosed tags are all handled, which regexes get wrong). Link targets,
 * images and non-visible elements are left out; headings keep their case; tables keep their columns.
 */
import { convert, type HtmlToTextOptions } from 'html-to-text'

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
}

export function htmlText(html: string): string {
  return convert(html, OPTIONS).replace(/\u00a0/g, ' ').trim()
}
