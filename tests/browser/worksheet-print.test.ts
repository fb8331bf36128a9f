/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Worksheets as printed, measured in real Chromium (puppeteer-core, the
 * system browser; nothing is downloaded): fill-in lines, checkboxes, body
 * text, blank table cells and `::scale` at the sizes handout.css promises,
 * in print media, and handouts printed to Letter PDF read back with pdfinfo.
 * No browser: the tests skip with a message; with CI=true they fail instead.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {toString} from 'mdast-util-to-string'
import puppeteer, {type Browser, type Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/curriculum-config.js'
import {lintModules} from '../../src/lint/lint.js'
import {parseModule} from '../../src/module/parse-module.js'
import {buildHandout} from '../../src/render/build.js'
import {chromium, describeBrowser} from '../helpers/browser.js'
import {modulePath, moduleText} from '../helpers/module-text.js'
import {bundledLibrary} from '../helpers/bundled-library.js'

const library = bundledLibrary()

const mm = 96 / 25.4
const pt = 96 / 72

// A worksheet with every write-in element: a scale, lines, checkboxes and a blank table.
const worksheet = moduleText({
  handouts: [
    '### My Week',
    '',
    'How strong was the urge? Circle one.',
    '',
    '::scale{from=0 to=10 low="none" high="strongest"}',
    '',
    'What helped:',
    '',
    '::lines{n=3}',
    '',
    '- [ ] I called someone.',
    '- [x] I went to a meeting.',
    '',
    '| Day | What I did | How it went |',
    '|---|---|---|',
    '| Monday | | |',
    '| Tuesday | | |',
    '',
    '### My Plan',
    '',
    'Write one thing you will do this week.',
    '',
    '::lines{n=2}',
    '',
    'How sure am I? Circle one.',
    '',
    '::scale{choices="Not at all|A little|A lot"}',
    '',
    '### My Log',
    '',
    '| Day | Where | Who | Urge | What I did |',
    '|---|---|---|---|---|',
    '| Monday | | | | |',
    '',
    '### My Checks',
    '',
    '| Thought | Me? |',
    '|---|---|',
    '| "Just one will not hurt." | |',
    '| "I earned it." | |',
    '',
    '| Time | My plan |',
    '|---|---|',
    ...['8 am', '9 am', '10 am', '11 am', 'Noon', '1 pm'].map((time) => `| ${time} | |`)
  ].join('\n')
})

describeBrowser('worksheets in print media (Chromium)', () => {
  let browser: Browser
  let page: Page
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-worksheet-'))
  const module = parseModule({path: modulePath(), value: worksheet})
  lintModules([module], defaultConfig())

  beforeAll(async () => {
    browser = await puppeteer.launch({executablePath: chromium, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : []})
    page = await browser.newPage()
    await page.emulateMediaType('print')
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  const show = (options: {largePrint?: boolean} = {}) => page.setContent(buildHandout([module], options))
  const fontPx = (selector: string) => page.$eval(selector, (e) => Number.parseFloat(getComputedStyle(e).fontSize))

  it('the worksheet module lints clean', () => {
    expect(module.file.messages).toEqual([])
  })

  it('body text is at least 12 pt and headings are larger', async () => {
    await show()
    expect(await fontPx('.handout-body p')).toBeGreaterThanOrEqual(12 * pt)
    expect(await fontPx('footer.crisis')).toBeGreaterThanOrEqual(12 * pt)
    expect(await fontPx('.handout-body h1')).toBeGreaterThan((await fontPx('.handout-body p')) * 1.3)
    // No text on the page is smaller: header, objectives, table cells, labels, crisis box.
    const smallest = await page.$$eval('section.handout *', (elements) =>
      Math.min(...elements.filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((e) => Number.parseFloat(getComputedStyle(e).fontSize)))
    )
    expect(smallest).toBeGreaterThanOrEqual(12 * pt)
  })

  it('--large-print (largePrint) sets body text to about 16 pt', async () => {
    await show({largePrint: true})
    expect(await fontPx('.handout-body p')).toBeGreaterThanOrEqual(16 * pt - 0.1)
    expect(await fontPx('.handout-body li')).toBeGreaterThanOrEqual(16 * pt - 0.1)
    expect(await fontPx('.handout-body h1')).toBeGreaterThan(16 * pt)
  })

  it.each([false, true])('fill-in lines are at least 8 mm apart (large print: %s)', async (largePrint) => {
    await show({largePrint})
    const bottoms = await page.$$eval('section.handout:first-child .fill-line', (lines) => lines.map((l) => l.getBoundingClientRect().bottom))
    expect(bottoms).toHaveLength(3)
    for (let i = 1; i < bottoms.length; i++) expect(bottoms[i] - bottoms[i - 1]).toBeGreaterThanOrEqual(8 * mm - 0.01)
    const border = await page.$eval('.fill-line', (l) => getComputedStyle(l).borderBottomColor)
    expect(border).toBe('rgb(0, 0, 0)')
  })

  it('task-list checkboxes are solid black squares of at least 4 mm; a checked box is drawn differently', async () => {
    await show()
    const boxes = await page.$$eval('input[type="checkbox"]', (inputs) =>
      inputs.map((input) => {
        const style = getComputedStyle(input)
        const rect = input.getBoundingClientRect()
        return {width: rect.width, height: rect.height, color: style.borderTopColor, style: style.borderTopStyle, border: Number.parseFloat(style.borderTopWidth), opacity: style.opacity, checked: (input as HTMLInputElement).checked}
      })
    )
    expect(boxes).toHaveLength(2)
    for (const box of boxes) {
      expect(box.width).toBeGreaterThanOrEqual(4 * mm)
      expect(box.height).toBeGreaterThanOrEqual(4 * mm)
      expect(box).toMatchObject({color: 'rgb(0, 0, 0)', style: 'solid', opacity: '1'})
      expect(box.border).toBeGreaterThanOrEqual(0.5 * mm)
    }
    // Checked is a filled square (a thick border prints without background graphics).
    expect(boxes.find((b) => b.checked)!.border).toBeGreaterThan(boxes.find((b) => !b.checked)!.border * 3)
  })

  it('blank table cells are at least three writing lines (24 mm) tall', async () => {
    await show()
    const heights = await page.$$eval('table:not(.grid) td:empty:not(.mark)', (cells) => cells.map((c) => c.getBoundingClientRect().height))
    expect(heights).toHaveLength(8)
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(24 * mm - 0.5)
  })

  it('the column left blank for writing is the wide one; a label column takes less', async () => {
    await show()
    const widths = await page.$eval('section.handout:first-child table', (table) => [...table.querySelectorAll('th')].map((th) => th.getBoundingClientRect().width))
    // Day | What I did | How it went: the two write-in columns share the width.
    expect(widths[1]).toBeGreaterThan(widths[0])
    expect(widths[2]).toBeGreaterThan(widths[0])
  })

  it('a blank column under a short heading ("Me?") takes a mark, one line tall; a grid of six rows has one writing line per cell', async () => {
    await show()
    const mark = await page.$$eval('section.handout:nth-child(4) table:first-of-type td:empty', (cells) => cells.map((c) => c.getBoundingClientRect().height))
    expect(mark).toHaveLength(2)
    for (const height of mark) {
      expect(height).toBeGreaterThanOrEqual(8 * mm)
      expect(height).toBeLessThan(24 * mm)
    }
    const grid = await page.$$eval('section.handout:nth-child(4) table.grid td:empty', (cells) => cells.map((c) => c.getBoundingClientRect().height))
    expect(grid).toHaveLength(6)
    for (const height of grid) {
      expect(height).toBeGreaterThanOrEqual(8 * mm)
      expect(height).toBeLessThan(24 * mm)
    }
  })

  it.each([false, true])('a scale prints as well-spaced numbered boxes with end labels under its ends (large print: %s)', async (largePrint) => {
    await show({largePrint})
    const scale = await page.$eval('.scale', (element) => {
      const box = (e: Element) => e.getBoundingClientRect()
      return {
        boxes: [...element.querySelectorAll('.scale-box')].map((b) => ({text: b.textContent, ...box(b).toJSON(), border: getComputedStyle(b).borderTopColor})),
        low: {text: element.querySelector('.scale-low')!.textContent, ...box(element.querySelector('.scale-low')!).toJSON()},
        high: {text: element.querySelector('.scale-high')!.textContent, ...box(element.querySelector('.scale-high')!).toJSON()}
      }
    })
    expect(scale.boxes.map((b) => b.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    for (const [i, b] of scale.boxes.entries()) {
      expect(b.width).toBeGreaterThanOrEqual(8 * mm)
      expect(b.border).toBe('rgb(0, 0, 0)')
      // Room for a pen circle between boxes, on one row.
      if (i > 0) expect(b.left - scale.boxes[i - 1].right).toBeGreaterThanOrEqual(2 * mm)
      if (i > 0) expect(b.top).toBe(scale.boxes[0].top)
    }
    expect(scale.low.text).toBe('0 = none')
    expect(scale.high.text).toBe('10 = strongest')
    expect(Math.abs(scale.low.left - scale.boxes[0].left)).toBeLessThan(1)
    expect(Math.abs(scale.high.right - scale.boxes.at(-1)!.right)).toBeLessThan(1)
    expect(scale.low.top).toBeGreaterThanOrEqual(scale.boxes[0].bottom)
  })

  it('a scale of words prints each choice in its own box, apart enough to circle one', async () => {
    await show()
    const boxes = await page.$$eval('section.handout:nth-child(2) .scale-box', (elements) => elements.map((b) => ({text: b.textContent, ...b.getBoundingClientRect().toJSON()})))
    expect(boxes.map((b) => b.text)).toEqual(['Not at all', 'A little', 'A lot'])
    for (const [i, b] of boxes.entries()) {
      expect(b.height).toBeGreaterThanOrEqual(8 * mm)
      if (i > 0) expect(b.left - boxes[i - 1].right).toBeGreaterThanOrEqual(2 * mm)
    }
  })

  it('a write-in table of five columns prints as a block of labelled spaces; four columns stay a table', async () => {
    await show()
    const cells = await page.$$eval('table.stacked-on-paper td', (tds) =>
      tds.map((td) => ({display: getComputedStyle(td).display, label: getComputedStyle(td, '::before').content, ...td.getBoundingClientRect().toJSON()}))
    )
    expect(cells.map((c) => c.label)).toEqual(['"Day"', '"Where"', '"Who"', '"Urge"', '"What I did"'])
    for (const [i, cell] of cells.entries()) {
      expect(cell.display).toBe('block')
      expect(cell.left).toBe(cells[0].left)
      expect(cell.width).toBe(cells[0].width)
      if (i > 0) expect(cell.top).toBeGreaterThanOrEqual(cells[i - 1].bottom - 1)
      if (i > 0) expect(cell.height).toBeGreaterThanOrEqual(24 * mm - 0.5)
    }
    expect(await page.$$eval('table', (tables) => tables.map((t) => t.className))).toEqual(['write-in labels-1', 'stacked-on-paper', 'write-in', 'write-in labels-1 grid'])
    await page.emulateMediaType('screen')
    expect(await page.$eval('table.stacked-on-paper td', (td) => getComputedStyle(td).display)).toBe('table-cell')
    await page.emulateMediaType('print')
  })

  it('grayscale-safe: every text and border colour in a handout is a gray', async () => {
    await show()
    const colours = await page.$$eval('section.handout, section.handout *', (elements) =>
      elements.flatMap((e) => {
        const style = getComputedStyle(e)
        return [style.color, ...(['Top', 'Right', 'Bottom', 'Left'] as const).filter((side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none').map((side) => style.getPropertyValue(`border-${side.toLowerCase()}-color`))]
      })
    )
    const notGray = [...new Set(colours)].filter((colour) => {
      const [r, g, b] = (colour.match(/\d+(?:\.\d+)?/g) ?? []).map(Number)
      return !(r === g && g === b)
    })
    expect(notGray).toEqual([])
  })

  it('the worksheet prints one Letter page per handout', async () => {
    await show()
    const file = path.join(dir, 'worksheet.pdf')
    writeFileSync(file, await page.pdf({format: 'letter'}))
    expect(pages(file)).toBe(4)
  })

  // The bundled modules whose "circle one" scales became `::scale`: still one
  // Letter page per handout (handout-pdf.test.ts checks every module).
  it.each(['coping-with-cravings', 'why-all-substances-matter', 'motivational-check-in', 'welcome-to-iop', 'stages-of-change'])('bundled %s: one page per handout, each with its scales and the crisis line', async (id) => {
    const bundled = library.byId.get(id)!
    await page.setContent(buildHandout([bundled], {crisis: library.config.crisis}))
    expect(await page.$$eval('.scale', (scales) => scales.length)).toBeGreaterThan(0)
    const file = path.join(dir, `${id}.pdf`)
    writeFileSync(file, await page.pdf({format: 'letter', preferCSSPageSize: true}))
    const handouts = bundled.sections.byKind.handouts!.parts
    expect(pages(file)).toBe(handouts.length)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], {encoding: 'utf8'})
    const byPage = text.split('\f')
    // Each handout's title opens a page.
    for (const part of handouts) expect(byPage.some((p) => p.trimStart().startsWith(bundled.meta!.title) && p.includes(toString(part.heading)))).toBe(true)
    expect(text.match(/call or text 988/g)).toHaveLength(handouts.length)
  })
})

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], {encoding: 'utf8'}))![1])
}
