/**
 * Safety points from the clinical review (issue 13) that must not regress:
 * in every module of the loaded library (new modules are covered once they
 * are merged), the solo-facilitator bullet, naloxone and AED in Preparation,
 * and no blaming or slang words on client handouts; in named modules, the
 * naltrexone overdose warning, Wernicke's warning signs, the cannabis driving
 * wording, the boundaries safety caveat and one 5-4-3-2-1 order.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {toString} from 'mdast-util-to-string'
import type {RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {lintModules} from '../src/lint/lint.js'
import {parseModule, type SessionModule} from '../src/module/parse-module.js'
import {buildGuide, buildHandout} from '../src/render/build.js'
import {creditLine} from '../src/render/credits.js'
import {bundledLibrary} from './helpers/bundled-library.js'

const curriculum = bundledLibrary()

function module(id: string): SessionModule {
  const found = curriculum.byId.get(id)
  if (!found) throw new Error(`no module ${id}`)
  return found
}

/** Text of a page with tags removed and entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** Source text of one H3 of the facilitator notes, up to the next heading. */
function notesPart(m: SessionModule, title: string): string {
  const nodes = m.sections.byKind['facilitator-notes']?.intro ?? []
  const start = nodes.findIndex((n) => n.type === 'heading' && n.depth === 3 && toString(n).trim() === title)
  if (start < 0) return ''
  const rest = nodes.slice(start + 1)
  const end = rest.findIndex((n) => n.type === 'heading')
  return (end < 0 ? rest : rest.slice(0, end)).map((n: RootContent) => m.source.slice(n.position!.start.offset, n.position!.end.offset)).join('\n')
}

/** Source text of a whole H2 section (intro and parts). */
function sectionSource(m: SessionModule, kind: 'topic' | 'check-in'): string {
  const section = m.sections.byKind[kind]
  if (!section) return ''
  const nodes = [...section.intro, ...section.parts.flatMap((p) => [p.heading, ...p.children])]
  return nodes.map((n) => m.source.slice(n.position!.start.offset, n.position!.end.offset)).join('\n')
}

const clientMd = (m: SessionModule) => buildHandout([m], {format: 'md', crisis: curriculum.config.crisis})
const clientText = (m: SessionModule) => visibleText(buildHandout([m], {crisis: curriculum.config.crisis}))

describe('safety notes in every module of the library', () => {
  it('the library is loaded', () => {
    expect(curriculum.modules.length).toBeGreaterThanOrEqual(72)
  })

  for (const m of curriculum.modules) {
    it(`${m.meta?.id}: a facilitating-alone bullet in Safety, naloxone and AED in Preparation`, () => {
      expect(notesPart(m, 'Safety')).toMatch(/^- \*\*If you are facilitating alone:\*\*/m)
      const preparation = notesPart(m, 'Preparation')
      expect(preparation).toMatch(/\bnaloxone\b/i)
      expect(preparation).toMatch(/\bAED\b/)
    })

    it(`${m.meta?.id}: no "enabling", "hooked" or "excuse thoughts" in any client handout`, () => {
      for (const text of [clientMd(m), clientText(m)]) {
        expect(text).not.toMatch(/\benabl(e|es|ing|er|ers)\b/i)
        expect(text).not.toMatch(/\bhooked\b/i)
        expect(text).not.toMatch(/\bexcuse thoughts?\b/i)
      }
    })

    it(`${m.meta?.id}: 5-4-3-2-1 grounding, where used, goes see, feel, hear, smell, taste`, () => {
      const source = m.source.replace(/\s+/g, ' ')
      for (const match of source.matchAll(/\b(?:5|five) (?:things )?(?:you |they )?(?:can )?see\b/gi)) {
        const rest = source.slice(match.index, match.index + 400)
        const at = (word: RegExp) => rest.search(word)
        const order = [at(/\b(?:4|four)\b[^.]{0,30}?\b(?:feel|touch)/i), at(/\b(?:3|three)\b[^.]{0,30}?\bhear/i), at(/\b(?:2|two)\b[^.]{0,30}?\bsmell/i), at(/\b(?:1|one)\b[^.]{0,30}?\btaste/i)]
        // A lone "name five things you can see" (no full sequence) is fine.
        if (order.every((i) => i < 0)) continue
        expect(order.every((i) => i > 0), `${m.meta?.id}: ${rest}`).toBe(true)
        expect([...order].sort((a, b) => a - b)).toEqual(order)
      }
    })
  }

  it('the grounding check can fail: a see, hear, touch order is caught', () => {
    const wrong = 'Name 5 things you see. Then 4 you hear. Then 3 you can touch. Then 2 you smell. Then 1 you taste.'
    const rest = wrong.replace(/\s+/g, ' ')
    const feel = rest.search(/\b(?:4|four)\b[^.]{0,30}?\b(?:feel|touch)/i)
    const hear = rest.search(/\b(?:3|three)\b[^.]{0,30}?\bhear/i)
    expect(feel < 0 || hear < 0).toBe(true)
  })
})

describe('clinical corrections that must not regress', () => {
  for (const id of ['medications-for-alcohol-use-disorder', 'medication-for-opioid-use-disorder']) {
    it(`${id}: the naltrexone overdose warning is in the topic and on the handout`, () => {
      const m = module(id)
      const topic = sectionSource(m, 'topic').replace(/\s+/g, ' ')
      expect(topic).toMatch(/naltrexone/i)
      expect(topic).toMatch(/tolerance/i)
      expect(topic).toMatch(/overdose/i)
      for (const text of [clientMd(m).replace(/\s+/g, ' '), clientText(m)]) {
        expect(text).toMatch(/naltrexone[^|]{0,120}tolerance to opioids[^|]{0,200}overdose/i)
      }
    })
  }

  it('medication-for-opioid-use-disorder: the medicine table uses plain words', () => {
    const md = clientMd(module('medication-for-opioid-use-disorder'))
    expect(md).not.toMatch(/slow and steady|part ?way/i)
  })

  it("alcohol-and-the-body: thiamine and Wernicke's warning signs in the topic and in the get-help list", () => {
    const m = module('alcohol-and-the-body')
    const topic = sectionSource(m, 'topic').replace(/\s+/g, ' ')
    expect(topic).toMatch(/thiamine/i)
    expect(topic).toMatch(/Wernicke/)
    expect(topic).toMatch(/confusion, unsteady walking, and eye problems/)
    const md = clientMd(m)
    const list = /Get help right away[\s\S]*?\n\n((?:- .*\n)+)/.exec(md)?.[1] ?? ''
    expect(list).toMatch(/mixed up/)
    expect(list).toMatch(/walking/)
    expect(list).toMatch(/eyes/)
    expect(md).toMatch(/thiamine/i)
  })

  it('cannabis-and-recovery: impaired driving is illegal, THC limits vary, no "illegal everywhere" for any cannabis', () => {
    const topic = sectionSource(module('cannabis-and-recovery'), 'topic').replace(/\s+/g, ' ')
    expect(topic).toMatch(/driving while impaired by it is against the law in every state/)
    expect(topic).toMatch(/differ from state to state/)
    expect(topic).not.toMatch(/after using cannabis is against the law everywhere/)
  })

  it('healthy-boundaries: the client sheet carries the safety caveat next to the drug-debt row', () => {
    const md = clientMd(module('healthy-boundaries')).replace(/\s+/g, ' ')
    expect(md).toMatch(/Pay a debt from drug use[\s\S]{0,1500}\*\*Safety first\.\*\* Some drug debts come with threats/)
    expect(md).toMatch(/Staying quiet can keep you safe/)
  })

  it('family-roles: the roles are a descriptive picture, not established science', () => {
    const topic = sectionSource(module('family-roles'), 'topic').replace(/\s+/g, ' ')
    expect(topic).toMatch(/not from strong research/)
    expect(topic).toMatch(/weak support/)
  })

  it('MI spirit (4th ed.) wherever a module describes it', () => {
    for (const m of curriculum.modules) {
      if (!/\bMI spirit|spirit of (this group's approach|motivational interviewing)/i.test(m.source)) continue
      const text = m.source.replace(/\s+/g, ' ')
      expect(text, m.meta?.id).toMatch(/partnership[\s\S]{0,120}acceptance[\s\S]{0,120}compassion[\s\S]{0,160}empowerment/i)
    }
  })

  it('every check-in has guidance for a large group and for late arrivals', () => {
    const missing = curriculum.modules.filter((m) => {
      const checkIn = sectionSource(m, 'check-in')
      const groupSession = m.meta?.group !== 'individual-counseling'
      return !/late|arriv/i.test(checkIn) || (groupSession && !/(large|big)\s+group|more than about 10/i.test(checkIn))
    })
    expect(missing.map((m) => m.meta?.id)).toEqual([])
  })
})

describe('credits', () => {
  const folder = path.join(import.meta.dirname, 'fixtures', 'build', 'nested-facilitator')
  const m = parseModule({path: path.join(folder, 'nested-facilitator.md'), value: readFileSync(path.join(folder, 'input.md'))})
  lintModules([m], curriculum.config)
  const words = ['Zephyrine', 'Lanternwork', 'Quillon', 'Marbleby', '2011', 'Credits']

  it('the fixture has a credit', () => {
    expect(m.meta?.credits?.length).toBe(1)
  })

  it('are in the facilitator guide header, in HTML and Markdown', () => {
    const html = buildGuide([m])
    const header = /<header class="guide-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? ''
    expect(header).toContain('<h2>Credits</h2>')
    expect(header).toContain('Zephyrine Lanternwork Manual, Quillon Marbleby (2011). Order of the practice steps; words are original.')
    const md = buildGuide([m], {format: 'md'})
    expect(md.indexOf('## Credits')).toBeGreaterThan(-1)
    expect(md.indexOf('## Credits')).toBeLessThan(md.indexOf('## Agenda'))
  })

  it("never reach a client: the handout's HTML, Markdown and text carry none of the credit's words", () => {
    const html = buildHandout([m])
    const md = buildHandout([m], {format: 'md'})
    const text = visibleText(html)
    for (const output of [html, md, text]) for (const word of words) expect(output).not.toContain(word)
  })

  it('every bundled module with credits keeps them off its handouts', () => {
    for (const lib of curriculum.modules.filter((x) => x.meta?.credits?.length)) {
      const outputs = [clientText(lib), clientMd(lib).replace(/\s+/g, ' ')]
      // The whole credit line and its note; an organisation named as an author
      // (e.g. SMART Recovery) may rightly be named on a handout.
      for (const credit of lib.meta!.credits!) {
        for (const output of outputs) {
          expect(output, lib.meta!.id).not.toContain(creditLine(credit))
          expect(output, lib.meta!.id).not.toContain(credit.work)
          if (credit.note) expect(output, lib.meta!.id).not.toContain(credit.note)
        }
      }
    }
  })
})
