/**
 * The browser test layer's shared pieces: the Chromium iop would use, a
 * `describe` that skips with a visible message when there is none (and fails
 * under `CI=true`, where .ci/run installs it), and poppler read-back.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, it} from 'vitest'
import {findChromium} from '../../src/print/find-chromium.js'

/** The browser, or undefined. */
export const chromium = findChromium()

const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

/**
 * `describe` for tests that drive Chromium and read PDFs with poppler.
 * Without them: skipped with a warning, or one failing test when `CI=true`.
 *
 * @param name Suite name.
 * @param suite The tests.
 */
export function describeBrowser(name: string, suite: () => void): void {
  if (chromium && poppler) {
    describe(name, suite)
    return
  }
  const missing = [chromium ? '' : 'Chromium (IOP_CHROMIUM, or chromium on PATH)', poppler ? '' : 'poppler-utils (pdfinfo, pdftotext)'].filter(Boolean).join(' and ')
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a browser and poppler (CI installs them: apt-get install chromium poppler-utils)', () => {
        throw new Error(`missing ${missing}`)
      })
    })
    return
  }
  console.warn(`\n  SKIPPED browser tests "${name}": missing ${missing}; install with \`sudo apt-get install chromium poppler-utils\`\n`)
  describe.skip(name, suite)
}

const scratch = mkdtempSync(path.join(tmpdir(), 'iop-pdf-test-'))
let count = 0

/** Write bytes to a scratch file and return its path. */
function saved(pdf: Uint8Array): string {
  const file = path.join(scratch, `${++count}.pdf`)
  writeFileSync(file, pdf)
  return file
}

/** The page count and page size of a PDF, by pdfinfo. */
export function pdfInfo(pdf: Uint8Array | string): {pages: number; size: string} {
  const text = execFileSync('pdfinfo', [typeof pdf === 'string' ? pdf : saved(pdf)], {encoding: 'utf8'})
  return {pages: Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]), size: /^Page size:\s+(.*)$/m.exec(text)?.[1] ?? ''}
}

/** The text of each page, by pdftotext (pages split on form feeds), whitespace folded. */
export function pdfPages(pdf: Uint8Array | string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', typeof pdf === 'string' ? pdf : saved(pdf), '-'], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  return text.split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ' ').trim())
}
