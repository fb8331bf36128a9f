/**
 * Property: the handout PDF of any module, not only the bundled ones, is
 * one page per handout with the crisis line and none of the facilitator-only
 * text (generated fences and hiding HTML; a module the guard refuses is
 * never printed). Few runs with a fixed seed: PDFs are slow; one browser.
 */
import fc from 'fast-check'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/curriculum-config.js'
import {hasErrors, lintModules} from '../../src/lint/lint.js'
import {parseModule} from '../../src/module/parse-module.js'
import {buildHandout} from '../../src/render/build.js'
import {openPrinter, type Printer} from '../../src/print/pdf-renderer.js'
import {UserError} from '../../src/util/user-error.js'
import {chromium, describeBrowser, pdfInfo, pdfPages} from '../helpers/browser.js'
import {modulePath} from '../helpers/module-text.js'
import {secretModuleArb} from '../helpers/secret-modules.js'

const runs = Number.parseInt(process.env.PDF_RUNS ?? '16', 10) || 16

describeBrowser('property: handout PDFs of generated modules', () => {
  let printer: Printer
  beforeAll(async () => {
    printer = await openPrinter({executablePath: chromium})
  })
  afterAll(async () => {
    await printer?.close()
  })

  it(`one page per handout, crisis line on each, no secret (${runs} runs)`, async () => {
    let printed = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(secretModuleArb, async ({text, secrets, handouts}) => {
        const module = parseModule({path: modulePath(), value: text})
        lintModules([module], defaultConfig())
        if (hasErrors(module)) {
          refused++
          expect(() => buildHandout([module])).toThrow(UserError)
          return
        }
        printed++
        const pdf = await printer.print({name: 'generated.pdf', html: buildHandout([module])})
        expect(pdfInfo(pdf).pages, text).toBe(handouts)
        const pages = pdfPages(pdf)
        for (const page of pages) expect(page).toContain('988')
        for (const secret of secrets) expect(pages.join(' '), text).not.toContain(secret)
      }),
      {numRuns: runs, seed: 20261201}
    )
    // Both branches ran: some modules printed, some refused.
    expect(printed).toBeGreaterThanOrEqual(runs / 4)
    expect(refused).toBeGreaterThan(0)
  })
})
