/**
 * The static site in Chromium, opened from disk (file://) as a facilitator
 * would open a folder: search finds a module by a word only its handout
 * holds, each filter narrows the list to exactly the matching modules, no
 * page trips its Content-Security-Policy, axe-core finds no serious or
 * critical violation on any kind of page, and every page works with the
 * keyboard alone.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {loadCurriculum} from '../../src/curriculum/load-curriculum.js'
import {lintModules} from '../../src/lint/lint.js'
import {parseProgram} from '../../src/schedule/read-program.js'
import {runAssembly} from '../../src/schedule/run-assembly.js'
import {writeBinder} from '../../src/schedule/write-binder.js'
import {buildSite} from '../../src/site/build-site.js'
import {chromium, describeBrowser} from '../helpers/browser.js'
import {twoWeekProgram} from '../helpers/program-text.js'
import {siteCurriculum} from '../helpers/site-curriculum.js'
import {axeFindings, tabThrough, watchedPage} from '../helpers/site-browser.js'

const curriculum = loadCurriculum([siteCurriculum()])
lintModules(curriculum.modules, curriculum.config)
const assembly = runAssembly(parseProgram(twoWeekProgram('Browser Program'), 'browser.yaml'), curriculum, {})
const site = buildSite(curriculum, {programs: [assembly]})
const out = path.join(mkdtempSync(path.join(tmpdir(), 'iop-site-browser-')), 'site')
writeBinder(out, site.files)
const url = (name: string) => pathToFileURL(path.join(out, name)).href
const parts = [...site.parts.values()].filter((p) => p.document)
const entries = parts.map((p) => p.entry!)

/** A word of one module's handouts that no other field of any module holds. */
function handoutOnlyWord(): {id: string; word: string} {
  const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{7,}/g) ?? [])
  for (const part of parts) {
    const document = part.document!
    const elsewhere = new Set(parts.flatMap((p) => [p.document!.title, p.document!.objectives, p.document!.topics, ...(p === part ? [] : [p.document!.handouts])]).flatMap((text) => [...words(text)]))
    // Not even as the start of another word: search matches prefixes.
    const word = [...words(document.handouts)].sort().find((w) => ![...elsewhere].some((other) => other.startsWith(w.slice(0, 6)) || w.startsWith(other.slice(0, 6))))
    if (word) return {id: document.id, word}
  }
  throw new Error('no handout-only word in the test curriculum')
}

describeBrowser('the static site from disk', () => {
  let browser: Browser
  let page: Page
  const violations: string[] = []
  beforeAll(async () => {
    browser = await puppeteer.launch({executablePath: chromium, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : []})
    page = await watchedPage(browser, violations)
  })
  afterAll(async () => {
    await browser?.close()
  })

  const shown = () => page.$$eval('#modules > li:not([hidden])', (items) => items.map((li) => li.getAttribute('data-id')!))

  it('runs its scripts from file:// (script-src \'self\' matches file: pages in Chromium) and shows search', async () => {
    await page.goto(url('index.html'), {waitUntil: 'load'})
    expect(await page.evaluate(`document.getElementById('search-area').hidden`)).toBe(false)
    expect(await page.evaluate(`document.getElementById('search-off').hidden`)).toBe(true)
    expect(await shown()).toHaveLength(entries.length)
  })

  it('finds a module from a word that appears only in its handout', async () => {
    const {id, word} = handoutOnlyWord()
    const document = parts.find((p) => p.id === id)!.document!
    expect(`${document.title} ${document.objectives} ${document.topics}`.toLowerCase()).not.toContain(word)
    await page.goto(url('index.html'), {waitUntil: 'load'})
    await page.type('#search', word)
    expect(await shown()).toEqual([id])
    expect(await page.$eval('#status', (el) => el.textContent)).toBe('1 session shown')
  })

  it('narrows the list with each filter to exactly the modules that match', async () => {
    await page.goto(url('index.html'), {waitUntil: 'load'})
    const filters = {group: (e: (typeof entries)[number]) => [e.group], phase: (e: (typeof entries)[number]) => [e.phase], audience: (e: (typeof entries)[number]) => e.audience, approach: (e: (typeof entries)[number]) => e.approaches, tag: (e: (typeof entries)[number]) => e.tags, minutes: (e: (typeof entries)[number]) => [String(e.minutes)]}
    for (const [key, valuesOf] of Object.entries(filters)) {
      const options = await page.$$eval(`#filter-${key} option`, (items) => items.map((o) => o.getAttribute('value') ?? '').filter(Boolean))
      expect(options.length, key).toBeGreaterThan(1)
      for (const value of options) {
        await page.select(`#filter-${key}`, value)
        const expected = entries.filter((e) => valuesOf(e).includes(value)).map((e) => e.id)
        expect((await shown()).sort(), `${key}=${value}`).toEqual(expected.sort())
        expect(expected.length).toBeLessThan(entries.length + (key === 'audience' ? 1 : 0))
      }
      await page.select(`#filter-${key}`, '')
    }
    // Two filters together: both must hold.
    await page.select('#filter-group', 'relapse-prevention')
    await page.select('#filter-phase', 'early-recovery')
    expect(await shown()).toEqual(entries.filter((e) => e.group === 'relapse-prevention' && e.phase === 'early-recovery').map((e) => e.id))
  })

  const kinds: Record<string, string> = {
    home: 'index.html',
    module: 'modules/coping-with-cravings/index.html',
    'facilitator guide': 'modules/coping-with-cravings/guide.html',
    'client handouts': 'modules/coping-with-cravings/handouts.html',
    source: 'modules/coping-with-cravings/source.html',
    'group types': 'groups/index.html',
    'a group type': 'groups/relapse-prevention.html',
    phases: 'phases/index.html',
    'a phase': 'phases/early-recovery.html',
    programs: 'programs/index.html',
    'a program': 'programs/browser-program.html'
  }
  for (const [kind, name] of Object.entries(kinds)) {
    it(`${kind}: no serious or critical axe violation, every control reached by Tab, no CSP violation`, async () => {
      expect(await axeFindings(browser, url(name))).toEqual([])
      const before = violations.length
      await page.goto(url(name), {waitUntil: 'load'})
      const {reached, missed} = await tabThrough(page)
      expect(missed).toEqual([])
      if (kind !== 'facilitator guide' && kind !== 'client handouts') expect(reached[0]).toBe('0 a #main')
      expect(violations.slice(before)).toEqual([])
    })
  }

  it('goes from the home page to a session\'s handouts with the keyboard alone', async () => {
    await page.goto(url('index.html'), {waitUntil: 'load'})
    await page.focus('#search')
    await page.keyboard.type('cravings')
    // Tab to the first result's link and follow it, then to "Client handouts".
    const first = (await shown())[0]
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(`document.activeElement?.getAttribute('href')`) === `modules/${first}/index.html`) break
    }
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    expect(page.url()).toBe(url(`modules/${first}/index.html`))
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab')
      if (await page.evaluate(`document.activeElement?.getAttribute('href')`) === 'handouts.html') break
    }
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    expect(page.url()).toBe(url(`modules/${first}/handouts.html`))
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(0)
  })

  it('collected no CSP violation on any page', () => {
    expect(violations).toEqual([])
  })

  it('can fail: an inline script, an unreachable link and an image without alt text are all caught', async () => {
    const bad = path.join(path.dirname(out), 'bad.html')
    writeFileSync(bad, `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"><title>bad</title></head><body><main><script>document.title = 'ran'</script><a href="x.html" tabindex="-1">hidden from Tab</a><a href="y.html">y</a><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`)
    const caught: string[] = []
    const probe = await watchedPage(browser, caught)
    await probe.goto(pathToFileURL(bad).href, {waitUntil: 'load'})
    expect(await probe.title()).toBe('bad')
    expect(caught.join('\n')).toMatch(/CSP violation: script-src/)
    const tab = await tabThrough(probe)
    expect(tab.missed).toEqual(['0 a x.html'])
    expect((await axeFindings(browser, pathToFileURL(bad).href)).join('\n')).toMatch(/image-alt/)
    await probe.close()
  })
})
