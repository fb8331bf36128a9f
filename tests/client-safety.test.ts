/**
 * The first invariant: no facilitator-only text in any client output, for
 * every bundled module, in HTML and Markdown; and crisis resources on every
 * handout page.
 */
import {describe, expect, it} from 'vitest'
import {hasErrors} from '../src/lint/lint.js'
import {buildGuide, buildHandout} from '../src/render/build.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {facilitatorSentences} from './helpers/facilitator-text.js'

const curriculum = bundledLibrary()

/** Text of a page with tags removed and entities decoded, to compare like with like. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

describe('client outputs of every bundled module', () => {
  it('has the 132 modules the curriculum promises, all without lint errors', () => {
    expect(curriculum.modules.length).toBeGreaterThanOrEqual(132)
    expect(curriculum.modules.filter((m) => hasErrors(m)).map((m) => m.file.path)).toEqual([])
  })

  for (const module of curriculum.modules) {
    it(`${module.meta?.id}: no facilitator text, crisis text on every page`, () => {
      const sentences = facilitatorSentences(module)
      expect(sentences.length).toBeGreaterThan(0)
      // Control: the same check finds the sentences in the guide, so it can fail.
      const guide = visibleText(buildGuide([module]))
      expect(sentences.some((s) => guide.includes(s.replace(/\s+/g, ' ')))).toBe(true)
      const html = buildHandout([module], {crisis: curriculum.config.crisis})
      const md = buildHandout([module], {format: 'md', crisis: curriculum.config.crisis})
      const text = visibleText(html)
      const mdText = md.replace(/\s+/g, ' ').replace(/\\/g, '')
      for (const sentence of sentences) {
        const flat = sentence.replace(/\s+/g, ' ')
        expect(text, flat).not.toContain(flat)
        expect(mdText, flat).not.toContain(flat)
      }
      expect(html).not.toMatch(/class="facilitator/)
      expect(html).not.toContain('Facilitator only')
      expect(md).not.toContain('Facilitator only')
      const pages = (html.match(/<section class="handout">/g) ?? []).length
      expect(pages).toBe(module.sections.byKind.handouts?.parts.length)
      expect((html.match(/<footer class="crisis"[^>]*>[^<]*988/g) ?? []).length).toBe(pages)
      expect((md.match(/988/g) ?? []).length).toBeGreaterThanOrEqual(pages)
    })
  }
})
