/**
 * The page count of a PDF iop printed, for the closing note of a run. It
 * reads the page tree's `/Count` as Chromium (Skia) writes it, uncompressed;
 * tests read PDFs back with poppler instead.
 */

/**
 * Pages in a PDF from Chromium.
 *
 * @param pdf The bytes.
 * @returns The largest `/Count` of a `/Type /Pages` node (the root), or 0.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1')
  let pages = 0
  for (const match of text.matchAll(/\/Type \/Pages\b[^>]*?\/Count (\d+)|\/Count (\d+)[^>]*?\/Type \/Pages\b/g)) pages = Math.max(pages, Number(match[1] ?? match[2]))
  return pages
}
