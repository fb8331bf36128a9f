/**
 * Author text in operator-facing outputs: module titles, group titles and
 * program names reach `iop list --format md`, the binder index and the CSV
 * as inert text, never as markup or a followable `javascript:` link.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Element, Root as HastRoot} from 'hast'
import ICAL from 'ical.js'
import {parse as parseHtml} from 'parse5'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {loadCurriculum} from '../src/curriculum/load-curriculum.js'
import {listModules, overviewMarkdown} from '../src/curriculum/list-modules.js'
import {parseProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import {moduleText} from './helpers/module-text.js'

const hostileTitles = [
  '=HYPERLINK("https://evil.example","Triggers")',
  'Triggers <script>alert(1)</script>',
  'Cravings [click](javascript:alert(1))',
  'Stress <img src=x onerror=alert(1)> | pipe',
  'Family <a href="javascript:alert(1)">x</a> ![i](javascript:alert(2))'
]

const temporary: string[] = []
afterAll(() => {
  for (const dir of temporary) rmSync(dir, {recursive: true, force: true})
})

/** A curriculum folder: one module per hostile title, and a group whose title is markup. */
function hostileCurriculum(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-escape-'))
  temporary.push(dir)
  writeFileSync(path.join(dir, 'iop.config.yaml'), 'groups:\n  - id: evening\n    title: "Evening <script>alert(3)</script> [x](javascript:alert(4))"\n')
  hostileTitles.forEach((title, index) => {
    const id = `module-${index + 1}`
    const group = index % 2 ? 'evening' : 'relapse-prevention'
    mkdirSync(path.join(dir, group), {recursive: true})
    writeFileSync(path.join(dir, group, `${id}.md`), moduleText({id, group, title}))
  })
  return dir
}

/** What a Markdown renderer makes of the text: hast, the way remark-rehype builds it. */
function renderMarkdown(markdown: string): HastRoot {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: false})
  return processor.runSync(processor.parse(markdown)) as HastRoot
}

function activeParts(tree: HastRoot): string[] {
  const found: string[] = []
  visit(tree, (node) => {
    if (node.type === 'raw') found.push(`raw ${node.value}`)
    if (node.type !== 'element') return
    const element = node as Element
    if (['script', 'img', 'iframe'].includes(element.tagName)) found.push(`<${element.tagName}>`)
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${element.tagName}>`)
      if ((name === 'href' || name === 'src') && /^\s*javascript:/i.test(String(value))) found.push(`${name}=${String(value)}`)
    }
  })
  return found
}

describe('iop list --format md', () => {
  it('titles and group titles with script tags and javascript: links render as inert text', () => {
    const curriculum = loadCurriculum([hostileCurriculum()])
    expect(curriculum.modules.length).toBe(hostileTitles.length)
    const markdown = overviewMarkdown(listModules(curriculum), curriculum.config)
    const tree = renderMarkdown(markdown)
    expect(activeParts(tree)).toEqual([])
    // Not vacuous: the words are there, as text.
    const text = JSON.stringify(tree)
    expect(text).toContain('alert(1)')
    expect(text).toContain('Evening <script>alert(3)')
    // Links: the overview's own module links, and GFM's autolink of a bare
    // https URL in a title's text; nothing else.
    const links: string[] = []
    visit(tree, 'element', (element: Element) => void (element.tagName === 'a' && links.push(String(element.properties.href))))
    expect(links.filter((href) => href.startsWith('../curriculum/')).length).toBe(hostileTitles.length)
    expect(links.filter((href) => !href.startsWith('../curriculum/') && !/^https:\/\/evil\.example/.test(href))).toEqual([])
  })

  it('the CLI prints the same escaped overview', async () => {
    const dir = hostileCurriculum()
    let stdout = ''
    const code = await main(['list', '--format', 'md', '--curriculum', dir], {stdout: (t) => void (stdout += t), stderr: () => {}, cwd: dir})
    expect(code).toBe(0)
    expect(activeParts(renderMarkdown(stdout))).toEqual([])
    // Escaped for Markdown: `\<script>`, never a bare tag.
    expect(stdout).not.toMatch(/(?<!\\)<script>/)
    expect(stdout).toContain('\\<script>')
  })
})

describe('binder outputs', () => {
  it('index.html carries hostile titles and program names as text', () => {
    const curriculum = loadCurriculum([hostileCurriculum()])
    const program = parseProgram(
      'name: "Evening <script>alert(5)</script>"\nstart: 2027-01-04\ndays: 90\nblocks:\n  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 90}, {group: evening, minutes: 90}]\n',
      'program.yaml',
      {groups: curriculum.config.groups.map((g) => g.id)}
    )
    const assembly = runAssembly(program, curriculum, {})
    const index = assembly.files.get('index.html')!
    const elements: string[] = []
    const walk = (node: any) => {
      if (node.tagName) elements.push(node.tagName)
      for (const child of node.childNodes ?? []) walk(child)
    }
    walk(parseHtml(index))
    expect(elements).not.toContain('script')
    expect(elements).not.toContain('img')
    expect(index).toContain('&#x3C;script>alert(5)')
    expect(index).toContain('Triggers &#x3C;script>alert(1)')
  })

  it('schedule.csv escapes formulas; schedule.ics keeps titles as text in one event per session', () => {
    const curriculum = loadCurriculum([hostileCurriculum()])
    const program = parseProgram(
      'name: "Evening =cmd|calc"\nstart: 2027-01-04\ndays: 90\nlocation: "@Main, Room 2; floor 3"\nblocks:\n  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 90, room: "=1+1"}, {group: evening, minutes: 90, facilitator: "+Counselor"}]\n',
      'program.yaml',
      {groups: curriculum.config.groups.map((g) => g.id)}
    )
    const assembly = runAssembly(program, curriculum, {})
    const csv = assembly.files.get('schedule.csv')!
    // Every cell that starts like a formula is prefixed with a quote.
    const cells = csv.split('\r\n').flatMap((line) => line.split(','))
    expect(cells.filter((cell) => /^"?[=+@]/.test(cell))).toEqual([])
    expect(csv).toContain(`'=1+1`)
    expect(csv).toContain(`'+Counselor`)
    expect(csv).toMatch(/'=HYPERLINK/)
    const calendar = new ICAL.Component(ICAL.parse(assembly.files.get('schedule.ics')!))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.length).toBe(assembly.schedule.sessions.length)
    expect(events.some((e) => e.summary.includes('Triggers <script>alert(1)</script>'))).toBe(true)
    expect(events.every((e) => e.location === '@Main, Room 2; floor 3' || e.location.endsWith('@Main, Room 2; floor 3'))).toBe(true)
  })
})
