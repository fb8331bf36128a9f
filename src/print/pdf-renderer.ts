/**
 * Prints HTML pages to PDF with the system Chromium through puppeteer-core:
 * one browser per run, pages printed concurrently (bounded), a progress
 * callback for long runs. Same HTML, same bytes: Chromium stamps the time
 * of printing as the PDF's creation and modification dates, so they are
 * replaced by a fixed date of the same length (offsets stay valid).
 */
import {availableParallelism} from 'node:os'
import pLimit from 'p-limit'
import puppeteer, {type Browser} from 'puppeteer-core'
import {requireChromium} from './find-chromium.js'
import {footerTemplate, headerTemplate} from './header-footer.js'
import type {PrintJob} from './print-job.js'

/** The date every PDF carries as its creation and modification date. */
export const fixedPdfDate = "D:20000101000000+00'00'"

/** Options for {@link openPrinter}. */
export interface PrinterOptions {
  /** The browser (default: {@link requireChromium}). */
  executablePath?: string
  /** Pages printed at once (default: the number of processors, 2 to 4). */
  concurrency?: number
}

/** An open browser that prints jobs; close it when done. */
export interface Printer {
  /** Print one job to PDF bytes. */
  print(job: PrintJob): Promise<Uint8Array>
  /** Print jobs concurrently, in order; `onProgress` after each. */
  printAll(jobs: readonly PrintJob[], onProgress?: (done: number, total: number) => void): Promise<Uint8Array[]>
  close(): Promise<void>
}

/**
 * Start Chromium once for a run.
 *
 * @param options Browser path and concurrency (optional).
 * @returns A printer.
 * @throws {UserError} When no browser is found.
 */
export async function openPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const executablePath = options.executablePath ?? requireChromium()
  const browser: Browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // Chromium refuses its sandbox as root (CI containers); nothing remote is loaded.
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--font-render-hinting=none', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]
  })
  const limit = pLimit(options.concurrency ?? Math.min(4, Math.max(2, availableParallelism())))
  const print = async (job: PrintJob): Promise<Uint8Array> => {
    const page = await browser.newPage()
    try {
      // Our pages allow no script and load nothing remote: no network needed.
      await page.setJavaScriptEnabled(false)
      await page.setContent(job.html, {waitUntil: 'load'})
      const decorated = Boolean(job.header || job.pageNumbers)
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: decorated,
        headerTemplate: headerTemplate(job.header),
        footerTemplate: footerTemplate(job.pageNumbers),
        outline: job.outline ?? false,
        tagged: true,
        timeout: 0
      })
      return fixDates(pdf)
    } finally {
      await page.close()
    }
  }
  return {
    print: (job) => limit(() => print(job)),
    async printAll(jobs, onProgress) {
      let done = 0
      return Promise.all(jobs.map((job) => limit(async () => {
        const pdf = await print(job)
        onProgress?.(++done, jobs.length)
        return pdf
      })))
    },
    close: () => browser.close()
  }
}

/**
 * Print jobs with one browser that is closed afterwards.
 *
 * @param jobs What to print.
 * @param options Browser, concurrency and a progress callback (optional).
 * @returns PDF bytes in job order.
 */
export async function printPdfs(jobs: readonly PrintJob[], options: PrinterOptions & {onProgress?: (done: number, total: number) => void} = {}): Promise<Uint8Array[]> {
  const printer = await openPrinter(options)
  try {
    return await printer.printAll(jobs, options.onProgress)
  } finally {
    await printer.close()
  }
}

/**
 * Replace the creation and modification dates Chromium writes with
 * {@link fixedPdfDate}, byte for byte, so cross-reference offsets hold.
 *
 * @param pdf PDF bytes from Chromium.
 * @returns The same bytes with fixed dates (dates of another length are left).
 */
export function fixDates(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1')
  const fixed = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (all, key: string, date: string) => (date.length === fixedPdfDate.length ? `/${key} (${fixedPdfDate})` : all))
  return new Uint8Array(Buffer.from(fixed, 'latin1'))
}
