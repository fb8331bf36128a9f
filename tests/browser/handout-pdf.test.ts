/**
 * Handout PDFs as Chromium prints them, read back with poppler: every
 * bundled module's handouts are one page per handout on Letter and on A4,
 * carry the crisis line, and hold none of the module's facilitator text;
 * no guide page ends with a stranded heading;
 * PDFs never name a file:// path; the same page prints the same bytes.
 * One browser for the file; the bundled handouts print as one document per
 * paper (each handout starts a page, so a handout that overflows adds a page).
 */
import {afterAll, beforeAll, expect, it} from 'vitest'
import {buildHandout} from '../../src/render/build.js'
import {openPrinter, type Printer} from '../../src/print/pdf-renderer.js'
import type {Paper} from '../../src/print/print-job.js'
import {chromium, describeBrowser, pdfInfo, pdfPages} from '../helpers/browser.js'
import {facilitatorSentences} from '../helpers/facilitator-text.js'
import {bundledLibrary} from '../helpers/bundled-library.js'

const curriculum = bundledLibrary()
const modules = curriculum.modules
const handoutCount = (m: (typeof modules)[number]) => m.sections.byKind.handouts?.parts.length ?? 0

describeBrowser('handout PDFs of every bundled module', () => {
  let printer: Printer
  beforeAll(async () => {
    printer = await openPrinter({executablePath: chromium})
  })
  afterAll(async () => {
    await printer?.close()
  })

  for (const paper of ['letter', 'a4'] as Paper[]) {
    it(`one ${paper} page per handout, each with the crisis line and no facilitator text`, async () => {
      const html = buildHandout(modules, {crisis: curriculum.config.crisis, paper, title: 'All handouts'})
      const pdf = await printer.print({name: `handouts-${paper}.pdf`, html})
      const info = pdfInfo(pdf)
      expect(info.size).toContain(paper === 'a4' ? 'A4' : 'letter')
      const pages = pdfPages(pdf)
      const expected = modules.reduce((sum, m) => sum + handoutCount(m), 0)
      expect(info.pages).toBe(expected)
      expect(pages.length).toBe(expected)
      let page = 0
      for (const module of modules) {
        const own = pages.slice(page, page + handoutCount(module))
        page += handoutCount(module)
        for (const [index, text] of own.entries()) {
          // Each page is this module's handout: its title, its heading, the crisis line.
          expect(text, `${module.meta!.id} handout ${index + 1}`).toContain(module.meta!.title)
          expect(text, `${module.meta!.id} handout ${index + 1}`).toContain('988')
          expect(text).toContain(module.sections.byKind.handouts!.parts[index].title)
        }
        const text = own.join(' ')
        for (const sentence of facilitatorSentences(module)) expect(text, `${module.meta!.id}: ${sentence}`).not.toContain(sentence)
        expect(text).not.toMatch(/facilitator only/i)
      }
      expect(Buffer.from(pdf).toString('latin1')).not.toContain('file://')
    })
  }

  for (const paper of ['letter', 'a4'] as Paper[]) {
    it(`Spanish: every translation prints one ${paper} page per handout, each with the Spanish crisis line and no facilitator text`, async () => {
      const {buildTranslatedHandout} = await import('../../src/render/translated-handout.js')
      const {lintTranslations} = await import('../../src/lint/lint-translations.js')
      const translations = curriculum.translations.filter((t) => t.name.lang === 'es')
      expect(translations.length).toBeGreaterThanOrEqual(40)
      lintTranslations(translations, curriculum.modules, curriculum.config)
      const items = translations.map((translation) => ({module: curriculum.byId.get(translation.name.id)!, translation}))
      const html = buildTranslatedHandout(items, {crisis: curriculum.config.crisisByLanguage.es, paper, config: curriculum.config, title: 'Todos los folletos'})
      const pages = pdfPages(await printer.print({name: `es-${paper}.pdf`, html}))
      const expected = items.reduce((sum, item) => sum + item.translation.handouts.length, 0)
      expect(pages.length).toBe(expected)
      let page = 0
      for (const {module, translation} of items) {
        const own = pages.slice(page, page + translation.handouts.length)
        page += translation.handouts.length
        for (const text of own) {
          expect(text, translation.name.id).toContain(translation.meta!.title)
          expect(text, translation.name.id).toMatch(/988.*español/)
        }
        for (const sentence of facilitatorSentences(module)) expect(own.join(' '), `${translation.name.id}: ${sentence}`).not.toContain(sentence)
      }
    })
  }

  it('the facilitator-text check can fail: the same sentences are found in a guide PDF', async () => {
    const module = modules.find((m) => m.meta!.id === 'coping-with-cravings')!
    const {buildGuide} = await import('../../src/render/build.js')
    const text = pdfPages(await printer.print({name: 'guide.pdf', html: buildGuide([module])})).join(' ')
    expect(facilitatorSentences(module).filter((s) => text.includes(s)).length).toBeGreaterThan(0)
  })

  it('every bundled guide: no page ends with a heading (headings stay with what follows)', async () => {
    const {buildGuide} = await import('../../src/render/build.js')
    const texts = pdfPages(await printer.print({name: 'guides.pdf', html: buildGuide(modules), pageNumbers: true}))
    expect(texts.length).toBeGreaterThan(modules.length)
    const headings = /(?:\(\d+ min\)|Objectives|Agenda|Exercises|Handouts: what clients receive|Facilitator notes)$/
    const stranded = texts.map((text) => text.replace(/page \d+ of \d+$/, '').trim()).filter((text) => headings.test(text))
    expect(stranded.map((text) => text.slice(-80))).toEqual([])
  })

  it('prints the same HTML to the same bytes (fixed creation date)', async () => {
    const html = buildHandout([modules[0]], {crisis: curriculum.config.crisis})
    const [a, b] = await printer.printAll([{name: 'a', html}, {name: 'b', html}])
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(Buffer.from(a).toString('latin1')).toContain("/CreationDate (D:20000101000000+00'00')")
  })
})
