/**
 * What one PDF is made from: a complete HTML page (its stylesheet sets the
 * paper with `@page`) and, for guides, our own running header and page
 * numbers. Never the browser's header or footer.
 */

/** Paper sizes iop prints on. */
export type Paper = 'letter' | 'a4'

/** One PDF to print. */
export interface PrintJob {
  /** Where the PDF goes: a path relative to a binder, or a label for progress and errors. */
  name: string
  /** A complete HTML page from renderPage (its CSS sets the paper size). */
  html: string
  /** Running header text (plain text, escaped here); omitted: no header. */
  header?: string
  /** Print "page N of M" at the foot of each page (default false). */
  pageNumbers?: boolean
  /** Add a PDF outline (bookmarks) from the headings (default false). */
  outline?: boolean
}

/**
 * Read a `--paper` value.
 *
 * @param value `letter` or `a4` in any case, or undefined for Letter.
 * @returns The paper, or undefined when the value is not a paper size.
 */
export function paperOf(value: string | undefined): Paper | undefined {
  if (value === undefined) return 'letter'
  const lower = value.toLowerCase()
  return lower === 'letter' || lower === 'a4' ? lower : undefined
}
