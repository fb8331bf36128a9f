/**
 * Our running header and "page N of M" footer for Chromium's
 * displayHeaderFooter templates. They replace the browser's default header
 * and footer (date, title, `file://` path), which iop never prints. Chromium
 * draws these in the page margin that `@page` in base.css leaves free; the
 * templates get no page CSS, so they carry their own inline style.
 */

const escapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c])

// Fonts and sides match base.css: 16 mm side margins, the body's font family.
const style = 'font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 8.5pt; color: #222; width: 100%; margin: 0 16mm; -webkit-print-color-adjust: exact;'

/**
 * The header template: one line of plain text, or an empty box.
 *
 * @param text Header text (escaped here), or undefined for none.
 * @returns HTML for Chromium's headerTemplate.
 */
export function headerTemplate(text: string | undefined): string {
  if (!text) return '<span></span>'
  return `<div style='${style} border-bottom: 0.5pt solid #777; padding-bottom: 1mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;'>${escape(text)}</div>`
}

/**
 * The footer template: "page N of M" on the right, or an empty box.
 *
 * @param pageNumbers Whether to number pages.
 * @returns HTML for Chromium's footerTemplate.
 */
export function footerTemplate(pageNumbers: boolean | undefined): string {
  if (!pageNumbers) return '<span></span>'
  return `<div style='${style} text-align: right;'>page <span class='pageNumber'></span> of <span class='totalPages'></span></div>`
}
