/**
 * Security tests: what a client may read, what author HTML may do, where
 * files may go, which inputs must not crash or hang, and how files are
 * written. docs/security.md maps each guarantee to the tests here.
 *
 * Cases marked "Regression" were bugs this suite found; each is fixed.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import {runInNewContext} from 'node:vm'
import fc from 'fast-check'
// parse5 is installed with rehype-raw (hast-util-raw), which the renderer uses.
import {parse as parseHtml} from 'parse5'
import type {Nodes} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {defaultConfig, loadConfig} from '../src/config/curriculum-config.js'
import {loadCurriculum} from '../src/curriculum/load-curriculum.js'
import {hasErrors, lintModules} from '../src/lint/lint.js'
import {parseModule, type SessionModule} from '../src/module/parse-module.js'
import {buildGuide, buildHandout} from '../src/render/build.js'
import {parseProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import {writeBinder} from '../src/schedule/write-binder.js'
import {checkSafeSegment} from '../src/util/safe-path.js'
import {UserError} from '../src/util/user-error.js'
import {writeFileAtomic} from '../src/util/write-file.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {defaultBody, modulePath, moduleText, type ModuleParts} from './helpers/module-text.js'
import {twoWeekProgram} from './helpers/program-text.js'

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

const temporaryDirs: string[] = []
function tempDir(prefix = 'iop-security-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temporaryDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, {recursive: true, force: true})
})

/** Parse and lint one module with the default configuration. */
function lintOne(parts: ModuleParts | string, file = modulePath()): SessionModule {
  const value = typeof parts === 'string' ? parts : moduleText(parts)
  const module = parseModule({path: file, value})
  lintModules([module], defaultConfig())
  return module
}

function errorsOf(module: SessionModule) {
  return module.file.messages.filter((m) => m.fatal === true)
}

function describeErrors(module: SessionModule): string {
  return errorsOf(module).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`).join('\n')
}

/** Every file under a folder, relative path to bytes (for "untouched" checks). */
function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
    const full = path.join(dir, name)
    out[name] = statSync(full).isDirectory() ? '<dir>' : readFileSync(full).toString('base64')
  }
  return out
}

function io(cwd: string) {
  const out = {stdout: '', stderr: ''}
  return {
    out,
    io: {stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text), cwd}
  }
}

// ---------------------------------------------------------------------------
// HTML inspection: a regex scanner over the serialized output plus an
// independent parse with parse5.
// ---------------------------------------------------------------------------

interface Tag {
  name: string
  attrs: Array<[string, string]>
}

const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0'}
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return named[body.toLowerCase()] ?? whole
  })
}

/** Start tags found by a regex tokenizer (the output is serialized by hast-util-to-html). */
function scanTags(html: string): Tag[] {
  const tags: Tag[] = []
  const tagPattern = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g
  const attrPattern = /([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g
  for (const match of html.matchAll(tagPattern)) {
    const attrs: Array<[string, string]> = []
    for (const attr of match[2].matchAll(attrPattern)) {
      const raw = attr[2] ?? ''
      attrs.push([attr[1].toLowerCase(), decodeEntities(raw.replace(/^["']|["']$/g, ''))])
    }
    tags.push({name: match[1].toLowerCase(), attrs})
  }
  return tags
}

/** Elements found by parsing with parse5 (what a browser builds). */
function parsedTags(html: string): Array<Tag & {text?: string}> {
  const tags: Array<Tag & {text?: string}> = []
  const walk = (node: any) => {
    if (node.tagName) {
      const text = node.tagName === 'style' ? (node.childNodes ?? []).map((c: any) => c.value ?? '').join('') : undefined
      tags.push({name: node.tagName, attrs: (node.attrs ?? []).map((a: any) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]), text})
    }
    for (const child of node.childNodes ?? []) walk(child)
    if (node.content) walk(node.content)
  }
  walk(parseHtml(html))
  return tags
}

const forbiddenTags = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'link', 'svg', 'math', 'portal', 'noscript', 'template'])
const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'srcset', 'xlink:href', 'longdesc', 'lowsrc', 'dynsrc', 'ping', 'codebase', 'manifest'])
const badScheme = /^(javascript|vbscript|livescript|data):/i

/** The four meta elements of templates/page.html, and nothing else. */
function isTemplateMeta(tag: Tag): boolean {
  const attrs = Object.fromEntries(tag.attrs)
  if (attrs.charset === 'utf-8' && tag.attrs.length === 1) return true
  if (attrs.name === 'viewport' && tag.attrs.length === 2) return true
  if (attrs.name === 'generator' && attrs.content === 'iop-curriculum' && tag.attrs.length === 2) return true
  return attrs['http-equiv'] === 'Content-Security-Policy' && tag.attrs.length === 2
}

/** Problems in one element, or an empty list. */
function tagProblems(tag: Tag): string[] {
  const problems: string[] = []
  if (forbiddenTags.has(tag.name)) problems.push(`element <${tag.name}>`)
  if (tag.name === 'meta' && !isTemplateMeta(tag)) problems.push(`foreign <meta ${tag.attrs.map(([k, v]) => `${k}="${v}"`).join(' ')}>`)
  for (const [name, value] of tag.attrs) {
    if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag.name}>`)
    if (name === 'style' || name === 'formaction' || name === 'srcdoc') problems.push(`attribute ${name} on <${tag.name}>`)
    // Browsers strip ASCII whitespace and control characters inside a scheme.
    if (urlAttrs.has(name) && badScheme.test(value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${name}="${value}" on <${tag.name}>`)
  }
  return problems
}

/**
 * Check a whole built page: no script or active content, no dangerous URL,
 * only the template's own meta and style, and the strict CSP.
 */
function expectSafePage(html: string, label: string): void {
  expect(html, `${label}: <script`).not.toMatch(/<script\b/i)
  // ` on...=` inside a start tag, attribute values blanked first (a quoted
  // value may legitimately hold the text "onerror=").
  const tagsOnly = (html.match(/<[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g) ?? []).map((t) => t.replace(/"[^"]*"|'[^']*'/g, '""'))
  expect(tagsOnly.filter((t) => /\son[a-z]+\s*=/i.test(t)), `${label}: on...= attributes`).toEqual([])

  for (const [source, tags] of [['regex', scanTags(html)], ['parse5', parsedTags(html)]] as const) {
    expect(tags.flatMap(tagProblems), `${label} (${source})`).toEqual([])
    expect(tags.filter((t) => t.name === 'style').length, `${label} (${source}): one <style>`).toBe(1)
    expect(tags.filter((t) => t.name === 'meta').length, `${label} (${source}): template metas only`).toBe(4)
  }

  // The CSP: default-src 'none', no script-src, and a hash of exactly the inline stylesheet.
  const tags = parsedTags(html)
  const csp = tags.filter((t) => t.name === 'meta' && t.attrs.some(([k, v]) => k === 'http-equiv' && v.toLowerCase() === 'content-security-policy'))
  expect(csp.length, `${label}: one CSP meta`).toBe(1)
  const policy = Object.fromEntries(csp[0].attrs).content
  expect(policy).toMatch(/(^|;)\s*default-src 'none'\s*(;|$)/)
  expect(policy).not.toMatch(/script-src/)
  expect(policy).toMatch(/base-uri 'none'/)
  expect(policy).toMatch(/form-action 'none'/)
  const css = tags.find((t) => t.name === 'style')!.text!
  const hash = createHash('sha256').update(css).digest('base64')
  expect(policy).toContain(`style-src 'sha256-${hash}'`)
  // The CSP meta comes before the stylesheet and any body content.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style'))
}

/** Nodes of Markdown output, re-parsed the way a Markdown reader would. */
function markdownNodes(md: string): Nodes[] {
  const nodes: Nodes[] = []
  visit(markdownReader.parse(md), (node: Nodes) => void nodes.push(node))
  return nodes
}
const markdownReader = unified().use(remarkParse).use(remarkGfm).freeze()

/** Markdown output carries no raw HTML (it cannot be sanitized there). */
function expectNoRawHtml(md: string, label: string): void {
  const html = markdownNodes(md).filter((node) => node.type === 'html')
  expect(html.map((node) => (node as {value: string}).value), `${label}: raw HTML in Markdown`).toEqual([])
}

/** URLs of links, images and definitions in Markdown output. */
function markdownUrls(md: string): string[] {
  return markdownNodes(md).flatMap((node) => ('url' in node && typeof node.url === 'string' ? [node.url] : []))
}

// ---------------------------------------------------------------------------
// A. No facilitator text in client output
// ---------------------------------------------------------------------------

/** Facilitator blocks that are well formed: their text is facilitator-only. */
const wellFormed: Record<string, (s: string) => string> = {
  block: (s) => `:::facilitator\n${s} stays with staff.\n:::`,
  labelled: (s) => `:::facilitator[${s}]{.tip}\nTip ${s} for staff.\n:::`,
  longFence: (s) => `::::facilitator\n${s}\n::::`,
  listItem: (s) => `- First step.\n\n  :::facilitator\n  ${s}\n  :::\n- Second step.`,
  orderedItem: (s) => `1. First step.\n\n   :::facilitator\n   ${s}\n   :::\n2. Second step.`,
  nestedList: (s) => `- Outer item.\n  - Inner item.\n\n    :::facilitator\n    ${s}\n    :::`,
  blockquote: (s) => `> A quote.\n>\n> :::facilitator\n> ${s}\n> :::`,
  quoteList: (s) => `> - Item.\n>\n>   :::facilitator\n>   ${s}\n>   :::`,
  rich: (s) => `:::facilitator\n- ${s} in a list\n\n| Kind | Note |\n|---|---|\n| ${s} | x |\n\n<details><summary>${s}</summary>${s}</details>\n\n> ${s} quoted\n:::`,
  htmlAround: (s) => `<div>\n\n:::facilitator\n${s}\n:::\n\n</div>`,
  threeSpaces: (s) => `   :::facilitator\n   ${s}\n   :::`
}

/** Malformed facilitator blocks: lint must stop the build, or nothing may leak. */
const malformed: Record<string, (s: string) => string> = {
  unclosed: (s) => `:::facilitator\n${s} never closed.`,
  unclosedInList: (s) => `- Step.\n\n  :::facilitator\n  ${s}\n- Next step.`,
  unclosedInQuote: (s) => `> :::facilitator\n> ${s}`,
  misspelled: (s) => `:::facilitater\n${s}\n:::`,
  capitalized: (s) => `:::Facilitator\n${s}\n:::`,
  plural: (s) => `:::facilitators\n${s}\n:::`,
  spaceAfterColons: (s) => `::: facilitator\n${s}\n:::`,
  twoColons: (s) => `::facilitator\n${s}\n::`,
  textDirective: (s) => `See :facilitator[${s}] here.`,
  tableCell: (s) => `| Kind | Note |\n|---|---|\n| People | :::facilitator ${s} ::: |`,
  tableRows: (s) => `| Kind | Note |\n|---|---|\n| :::facilitator | |\n| ${s} | |\n| ::: | |`,
  detailsNoBlank: (s) => `<details>\n:::facilitator\n${s}\n:::\n</details>`,
  divNoBlank: (s) => `<div>\n:::facilitator\n${s}\n:::\n</div>`,
  inlineHtml: (s) => `Note <span>:::facilitator ${s}</span> here.`,
  lazyLines: (s) => `- :::facilitator\n${s}\n:::`,
  // A block inside a block: the rule treats the inner one as closing an
  // unclosed outer block (conservative), so it is an error either way.
  nested: (s) => `::::facilitator\nOuter note.\n\n:::facilitator\n${s}\n:::\n::::`
}

const sectionSlots = ['checkIn', 'topic', 'exerciseIntro', 'exercise', 'checkOut', 'handoutsIntro', 'handoutStart', 'handoutEnd', 'handout2', 'facilitatorNotes'] as const
type Slot = (typeof sectionSlots)[number]

interface Placement {
  slot: Slot
  kind: string
  hex: string
}

const notesText = (hex: string) =>
  `\n\nNOTE${hex}a keep this for staff.\n\n- NOTE${hex}b in a list\n\n### Handout for staff\n\nNOTE${hex}c is not a handout.`

/** A module with a secret token in each placement; returns the text and tokens. */
function leakModule(placements: Placement[], notesHex: string) {
  const at: Record<Slot, string[]> = Object.fromEntries(sectionSlots.map((s) => [s, []])) as unknown as Record<Slot, string[]>
  const secrets: string[] = []
  const visibleInGuide: string[] = []
  placements.forEach((p, index) => {
    const secret = `SECRET${p.hex}x${index}`
    secrets.push(secret)
    const render = wellFormed[p.kind] ?? malformed[p.kind]
    at[p.slot].push(render(secret))
    if (wellFormed[p.kind]) visibleInGuide.push(secret)
  })
  const join = (slot: Slot) => at[slot].map((text) => `\n\n${text}\n\n`).join('')
  const text = moduleText({
    checkIn: defaultBody.checkIn + join('checkIn'),
    topic: defaultBody.topic + join('topic'),
    exercises: `${join('exerciseIntro')}\n\n### Trigger map (20 min)\n\n1. Hand out the map.${join('exercise')}\n\n### Planning (15 min)\n\n1. Ask each person to write one plan.`,
    checkOut: defaultBody.checkOut + join('checkOut'),
    handouts:
      `${join('handoutsIntro')}\n\n### My Triggers\n\n${join('handoutStart')}\n\nA trigger is a thing that makes you want to use. Write your top three.${join('handoutEnd')}\n\n::lines{n=2}` +
      `\n\n### My Plan\n\nWrite one thing you will do this week.${join('handout2')}`,
    facilitatorNotes: defaultBody.facilitatorNotes + notesText(notesHex) + join('facilitatorNotes')
  })
  const notes = ['a', 'b', 'c'].map((x) => `NOTE${notesHex}${x}`)
  return {text, secrets, notes, visibleInGuide}
}

const hex8 = fc.stringMatching(/^[0-9a-f]{8}$/)
const placementArb = fc.record({
  slot: fc.constantFrom(...sectionSlots),
  kind: fc.oneof({arbitrary: fc.constantFrom(...Object.keys(wellFormed)), weight: 3}, {arbitrary: fc.constantFrom(...Object.keys(malformed)), weight: 1}),
  hex: hex8
})

describe('A. facilitator text never reaches a client', () => {
  it('property: lint refuses the module, or handouts (HTML and Markdown) hold no secret and no Facilitator notes text', () => {
    let built = 0
    let refused = 0
    fc.assert(
      fc.property(fc.array(placementArb, {minLength: 1, maxLength: 6}), hex8, (placements, notesHex) => {
        const {text, secrets, notes, visibleInGuide} = leakModule(placements, notesHex)
        const module = lintOne(text)
        if (hasErrors(module)) {
          refused++
          expect(() => buildHandout([module])).toThrow(UserError)
          expect(() => buildHandout([module], {format: 'md'})).toThrow(UserError)
          expect(() => buildGuide([module])).toThrow(UserError)
          return
        }
        built++
        for (const output of [buildHandout([module]), buildHandout([module], {format: 'md'})]) {
          for (const token of [...secrets, ...notes]) expect(output).not.toContain(token)
          expect(output).not.toMatch(/SECRET[0-9a-f]{8}|NOTE[0-9a-f]{8}/)
        }
        // Not vacuous: the guide shows what the handout hides.
        const guide = buildGuide([module])
        for (const token of [...visibleInGuide, ...notes]) expect(guide).toContain(token)
      }),
      {numRuns: 200}
    )
    expect(built).toBeGreaterThan(40)
    expect(refused).toBeGreaterThan(20)
  })

  it.each(Object.keys(wellFormed))('well-formed block `%s` in a handout lints clean and is absent from the handout', (kind) => {
    const {text, secrets} = leakModule([{slot: 'handoutEnd', kind, hex: 'abcdef01'}], '12345678')
    const module = lintOne(text)
    expect(describeErrors(module)).toBe('')
    expect(buildHandout([module])).not.toContain(secrets[0])
    expect(buildHandout([module], {format: 'md'})).not.toContain(secrets[0])
  })

  it.each(Object.keys(malformed))('malformed block `%s` in a handout is a lint error and the build is refused', (kind) => {
    const {text} = leakModule([{slot: 'handoutEnd', kind, hex: 'abcdef01'}], '12345678')
    const module = lintOne(text)
    expect(errorsOf(module).length).toBeGreaterThan(0)
    expect(() => buildHandout([module])).toThrow(/lint errors/)
  })

  it('an unclosed, misspelled, table-cell or raw-HTML marker is reported by the facilitator-directive rule', () => {
    for (const kind of ['unclosed', 'misspelled', 'tableCell', 'detailsNoBlank', 'divNoBlank', 'unclosedInList']) {
      const {text} = leakModule([{slot: 'handoutEnd', kind, hex: 'abcdef01'}], '12345678')
      const module = lintOne(text)
      expect(errorsOf(module).map((m) => m.ruleId), kind).toContain('facilitator-directive')
    }
  })

  it('CRLF line endings: a closed block is not reported as unclosed and does not leak', () => {
    const {text, secrets} = leakModule([{slot: 'handoutEnd', kind: 'block', hex: 'abcdef01'}, {slot: 'handoutEnd', kind: 'listItem', hex: 'abcdef02'}], '12345678')
    const module = lintOne(text.replace(/\n/g, '\r\n'))
    expect(describeErrors(module)).toBe('')
    for (const secret of secrets) expect(buildHandout([module])).not.toContain(secret)
  })

  it('an HTML comment in a handout does not reach the handout', () => {
    const module = lintOne({handouts: '### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n<!-- SECRETcomment -->\n\nWrite your top three.'})
    expect(describeErrors(module)).toBe('')
    expect(buildHandout([module])).not.toContain('SECRETcomment')
    expect(buildHandout([module], {format: 'md'})).not.toContain('SECRETcomment')
  })

  // Regressions (these were bugs): a fence that does not parse as a directive
  // (indented, so a code block; inside code; after punctuation; in alt text)
  // used to pass lint and be printed on the handout. Each is now a lint error
  // (`facilitator-directive`), so every build refuses the module.
  it.each([
    ['indented 4 spaces', '    :::facilitator\n    SECRETindent1\n    :::'],
    ['indented by a tab', '\t:::facilitator\n\tSECRETindent1\n\t:::'],
    ['indented 6 spaces in a list item', '- Step one.\n\n      :::facilitator\n      SECRETindent1\n      :::'],
    ['in fenced code', '```\n:::facilitator\nSECRETcode1\n:::\n```'],
    ['in inline code', 'Note `:::facilitator SECRETcode1`'],
    ['after punctuation', 'Note (:::facilitator SECRETinline1)'],
    ['in image alt text', '![:::facilitator SECRETinline1](https://example.org/a.png)']
  ])('a facilitator marker %s is a lint error, and the handout is refused', (_label, block) => {
    const module = lintOne({handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${block}\n\nWrite your top three.`})
    expect(hasErrors(module)).toBe(true)
    expect(() => buildHandout([module])).toThrow(UserError)
  })

  it('assembled binder: no handout.html holds a secret; a module with lint errors is left out entirely', () => {
    const {files, excluded, secrets, brokenSecret} = assembleLeakBinder()
    expect(excluded.some((f) => f.endsWith('broken-module.md'))).toBe(true)
    const handouts = [...files].filter(([name]) => name.endsWith('handout.html'))
    const guides = [...files].filter(([name]) => name.endsWith('guide.html'))
    expect(handouts.length).toBeGreaterThanOrEqual(3)
    for (const [name, html] of handouts) {
      for (const token of secrets) expect(html, name).not.toContain(token)
      expect(html, name).not.toMatch(/SECRET|NOTE[0-9a-f]{8}/)
      expectSafePage(html, name)
    }
    // Not vacuous: the guides do carry the facilitator text.
    expect(secrets.every((token) => guides.some(([, html]) => html.includes(token)))).toBe(true)
    // The excluded module's text is nowhere in the binder.
    for (const [name, value] of files) expect(value, name).not.toContain(brokenSecret)
  })
})

function leakCurriculum(dir: string, reverse = false) {
  const secrets: string[] = []
  const make = (id: string, n: number, extra: Partial<ModuleParts> = {}) => {
    const s = (k: string) => {
      const token = `SECRET${id.replace(/[^a-z]/g, '').slice(0, 4)}${n}${k}`
      secrets.push(token)
      return token
    }
    return moduleText({
      id,
      tags: [`tag-${n}`],
      topic: `${defaultBody.topic}\n\n${wellFormed.block(s('a'))}`,
      handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${wellFormed.listItem(s('b'))}\n\n${wellFormed.blockquote(s('c'))}\n\nWrite your top three.\n\n::lines{n=2}`,
      facilitatorNotes: `${defaultBody.facilitatorNotes}\n\n${s('d')} is for staff.`,
      ...extra
    })
  }
  const brokenSecret = 'SECRETbrokenmodule'
  const files: Array<[string, string]> = [
    ['relapse-prevention/alpha-module.md', make('alpha-module', 1)],
    ['relapse-prevention/beta-module.md', make('beta-module', 2)],
    ['relapse-prevention/gamma-module.md', make('gamma-module', 3)],
    ['relapse-prevention/broken-module.md', moduleText({id: 'broken-module', handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n| a | b |\n|---|---|\n| :::facilitator ${brokenSecret} | x |`})]
  ]
  for (const [name, text] of reverse ? [...files].reverse() : files) {
    mkdirSync(path.join(dir, path.dirname(name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return {secrets, brokenSecret}
}

const programText = twoWeekProgram('Security test program')

function assembleLeakBinder(dir = tempDir(), reverse = false) {
  const {secrets, brokenSecret} = leakCurriculum(dir, reverse)
  const curriculum = loadCurriculum([dir])
  const program = parseProgram(programText, 'program.yaml')
  const assembly = runAssembly(program, curriculum, {program: 'program.yaml'})
  return {...assembly, secrets, brokenSecret}
}

// ---------------------------------------------------------------------------
// B. Author HTML and frontmatter cannot run code
// ---------------------------------------------------------------------------

const xssVectors: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<img src="x" srcset="javascript:alert(1)">',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><animate attributeName=href values=javascript:alert(1) /></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<a xlink:href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="width:expression(alert(1))">x</div>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '![x](javascript:alert(1))',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>'
]

/** Build every page of a module and check each one. */
function expectSafeBuilds(module: SessionModule, label: string): void {
  expect(describeErrors(module), label).toBe('')
  expectSafePage(buildHandout([module]), `${label} handout.html`)
  expectSafePage(buildGuide([module]), `${label} guide.html`)
  expectNoRawHtml(buildHandout([module], {format: 'md'}), `${label} handout.md`)
  expectNoRawHtml(buildGuide([module], {format: 'md'}), `${label} guide.md`)
}

describe('B. author HTML and frontmatter cannot run code', () => {
  it('the corpus has at least 25 vectors', () => {
    expect(xssVectors.length).toBeGreaterThanOrEqual(25)
  })

  it.each(xssVectors)('vector in the topic and a handout: %s', (vector) => {
    const topic = `Talk about triggers.\n\n${vector}\n\nThen ask the group.`
    const module = lintOne({topic, handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${vector}\n\nWrite your top three.\n\n::lines{n=2}`})
    if (errorsOf(module).some((m) => m.ruleId === 'client-html')) {
      // HTML that hides text (`<details>`, `<template>`, `<noscript>`) is refused
      // in a handout (client-html); in the guide's topic it is sanitized.
      expect(errorsOf(module).every((m) => m.ruleId === 'client-html'), describeErrors(module)).toBe(true)
      expect(() => buildHandout([module])).toThrow(UserError)
      expectSafeBuilds(lintOne({topic}), vector)
      return
    }
    expectSafeBuilds(module, vector)
  })

  it.each(xssVectors.filter((v) => v.length <= 100 && !v.includes('\n')))('vector in the title, an objective and materials: %s', (vector) => {
    const module = lintOne({title: `Triggers ${vector}`, objectives: [`Name ${vector}`, 'List two triggers'], materials: [vector]})
    expectSafeBuilds(module, vector)
    // Text, not markup: the raw vector never appears unescaped in the page.
    if (/[<>]/.test(vector)) expect(buildHandout([module])).not.toContain(vector)
  })

  it('author class names and ids: only the project\'s own classes survive, ids are prefixed', () => {
    const html = [
      '<div class="no-print crisis">a</div>',
      '<span class="hidden fill-line">b</span> <p class="fill-lines">c</p>',
      '<aside class="evil">d</aside>',
      '<div class="fill-lines handout">e</div>',
      '<code class="language-js evil">f</code> <section class="handout">g</section> <div id="x" name="y">h</div>'
    ].join('\n\n')
    // The facilitator classes themselves are refused in a handout (client-html).
    for (const tag of ['<p class="facilitator">c</p>', '<aside class="evil facilitator">d</aside>', '<div class="fill-lines facilitator-label">e</div>']) {
      const refused = lintOne({handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${tag}\n\nWrite your top three.`})
      expect(errorsOf(refused).map((m) => m.ruleId), tag).toEqual(['client-html'])
    }
    const module = lintOne({handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${html}\n\nWrite your top three.`})
    expect(describeErrors(module)).toBe('')
    const page = buildHandout([module])
    const body = page.slice(page.indexOf('<div class="handout-body">') + '<div class="handout-body">'.length, page.indexOf('<footer class="crisis"'))
    const projectClasses = new Set(['fill-lines', 'fill-line', 'facilitator-label', 'facilitator', 'contains-task-list', 'task-list-item'])
    const classes = scanTags(body).flatMap((tag) => tag.attrs.filter(([name]) => name === 'class').flatMap(([, value]) => value.split(/\s+/).filter(Boolean)))
    expect(classes.filter((c) => !projectClasses.has(c) && !/^language-/.test(c))).toEqual([])
    // The crisis footer and page sections cannot be imitated or hidden by an author.
    expect(page.match(/class="crisis"/g)?.length).toBe(1)
    expect(page.match(/class="handout"/g)?.length).toBe(2) // <body class="handout"> and the one section
    const ids = scanTags(body).flatMap((tag) => tag.attrs.filter(([name]) => name === 'id' || name === 'name').map(([, value]) => value))
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(id).toMatch(/^user-content-/)
  })

  it('template slots in the title are not re-expanded ({{{css}}}, {{csp}}, $&)', () => {
    const module = lintOne({title: 'Triggers {{{css}}} {{csp}} {{{body}}} $& $1'})
    const html = buildHandout([module])
    expectSafePage(html, 'slots')
    expect(html).toContain('{{{css}}} {{csp}} {{{body}}} $&amp; $1')
  })

  it('a program name with markup is text in the binder index.html', () => {
    const dir = tempDir()
    leakCurriculum(dir)
    const program = parseProgram(programText.replace('Security test program', '"<script>alert(1)</script><img src=x onerror=alert(1)>"'), 'program.yaml')
    const {files} = runAssembly(program, loadCurriculum([dir]), {})
    for (const [name, value] of files) if (name.endsWith('.html')) expectSafePage(value, name)
    expect(files.get('index.html')).toContain('&#x3C;script>alert(1)')
  })

  it('pages of the bundled curriculum all carry the strict CSP and no active content', () => {
    const curriculum = bundledLibrary()
    const clean = curriculum.modules.filter((m) => !hasErrors(m))
    expect(clean.length).toBeGreaterThan(5)
    for (const module of clean.slice(0, 12)) {
      expectSafePage(buildHandout([module]), `${module.meta!.id} handout`)
      expectSafePage(buildGuide([module]), `${module.meta!.id} guide`)
    }
  })

  // Regression (was a bug): Markdown output (`--format md`) keeps author link and image URLs
  // as written, so `[x](javascript:alert(1))`, `<javascript:alert(1)>` and
  // `[x](data:text/html,...)` reach handout.md, while HTML output strips them.
  // A Markdown viewer that does not sanitize makes them live links.
  it.each(['[x](javascript:alert(1))', '<javascript:alert(1)>', '![x](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '[x](vbscript:msgbox(1))'])(
    'Markdown handout has no javascript:/vbscript:/data: URL: %s',
    (vector) => {
      const module = lintOne({handouts: `### My Triggers\n\nA trigger is a thing that makes you want to use.\n\n${vector}\n\nWrite your top three.`})
      expect(describeErrors(module)).toBe('')
      const urls = markdownUrls(buildHandout([module], {format: 'md'}))
      expect(urls.filter((url) => badScheme.test(url.replace(/[\u0000-\u0020]/g, '')))).toEqual([])
    }
  )
})

// ---------------------------------------------------------------------------
// C. Paths
// ---------------------------------------------------------------------------

describe('C. names cannot escape a folder', () => {
  it.each([
    ['../x', 'a path separator'],
    ['/abs', 'a path separator'],
    ['a/b', 'a path separator'],
    ['a\\b', 'a path separator'],
    ['nul\u0000byte', 'a NUL or control character'],
    ['con', 'a reserved device name'],
    ['NUL.txt', 'a reserved device name'],
    ['..', 'an empty or dot name'],
    ['.', 'an empty or dot name'],
    ['', 'an empty or dot name'],
    ['C:evil', 'a drive letter']
  ])('checkSafeSegment rejects %j (%s)', (value, problem) => {
    let error: unknown
    try {
      checkSafeSegment(value, 'module id')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message).toContain(problem)
    expect(message).toMatch(/^Unexpected module id `.*`.*, expected a kebab-case name/)
    expect(message).not.toContain('\u0000')
  })

  it('checkSafeSegment accepts an ordinary kebab-case id', () => {
    expect(() => checkSafeSegment('coping-with-cravings', 'module id')).not.toThrow()
  })

  it('`iop new` writes a module inside the curriculum (control)', async () => {
    const base = tempDir()
    const cwd = path.join(base, 'work')
    mkdirSync(cwd)
    const {io: streams, out} = io(cwd)
    expect(await main(['new', 'relapse-prevention/safe-one'], streams)).toBe(0)
    expect(existsSync(path.join(cwd, 'curriculum', 'relapse-prevention', 'safe-one.md'))).toBe(true)
    expect(out.stderr).toBe('')
  })

  it.each(['../evil/x', 'relapse-prevention/../../x', '../../x', 'relapse-prevention/..', '..\\evil/x', 'relapse-prevention/con', 'relapse-prevention/x\u0000y', '/tmp/x'])(
    '`iop new %j` fails with exit 2 (usage) and writes nothing anywhere',
    async (reference) => {
      const base = tempDir()
      const cwd = path.join(base, 'work')
      mkdirSync(path.join(cwd, 'curriculum', 'relapse-prevention'), {recursive: true})
      const before = snapshotTree(base)
      const {io: streams, out} = io(cwd)
      expect(await main(['new', reference], streams)).toBe(2)
      expect(out.stderr).toMatch(/^iop: Unexpected .*expected/)
      expect(snapshotTree(base)).toEqual(before)
      expect(existsSync(path.join(base, 'evil'))).toBe(false)
      expect(existsSync(path.join(base, 'x.md'))).toBe(false)
    }
  )

  it('a program whose group is `../x` is rejected with file:line:column', () => {
    const text = programText.replace('{group: relapse-prevention, minutes: 90}', '{group: ../x, minutes: 90}')
    const line = text.split('\n').findIndex((l) => l.includes('../x')) + 1
    let error: unknown
    try {
      parseProgram(text, 'programs/evil.yaml')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(new RegExp(`^programs/evil\\.yaml:${line}:\\d+: Unexpected value at \`blocks\\.0\\.groups\\.0\\.group\`, expected a kebab-case group id`))
  })

  it('a module id or group with `..` or a separator is a frontmatter-schema error', () => {
    for (const [key, value] of [['id', '../evil'], ['group', '../x'], ['id', 'a/b']] as const) {
      const module = lintOne({[key]: value})
      expect(errorsOf(module).some((m) => m.ruleId === 'frontmatter-schema' && m.reason.includes(`\`${key}\``)), `${key}=${value}`).toBe(true)
      expect(() => buildHandout([module])).toThrow(UserError)
    }
  })
})

// ---------------------------------------------------------------------------
// D. Inputs that must not crash or hang
// ---------------------------------------------------------------------------

const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]'
].join('\n')

function parseAndLint(value: string | Uint8Array): SessionModule {
  const module = parseModule({path: modulePath(), value})
  lintModules([module], defaultConfig())
  return module
}

describe('D. hostile inputs give messages, not crashes', () => {
  it('an empty file: missing frontmatter and sections, no throw', () => {
    const module = parseAndLint('')
    expect(errorsOf(module).map((m) => m.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/^Missing frontmatter/), expect.stringMatching(/^Missing `Check-in` section/)]))
    expect(() => buildHandout([module])).toThrow(UserError)
  })

  it('only frontmatter: missing sections reported, no throw', () => {
    const module = parseAndLint(moduleText().split('\n## Check-in')[0])
    expect(errorsOf(module).some((m) => /^Missing `Handouts` section/.test(m.reason))).toBe(true)
  })

  it('a UTF-8 BOM (string or bytes) is ignored: the module lints clean', () => {
    expect(describeErrors(parseAndLint('\uFEFF' + moduleText()))).toBe('')
    expect(describeErrors(parseAndLint(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(moduleText())])))).toBe('')
  })

  it('CRLF line endings: a valid module lints clean (string and bytes)', () => {
    expect(describeErrors(parseAndLint(moduleText({eol: '\r\n'})))).toBe('')
    const module = parseAndLint(Buffer.from(moduleText({eol: '\r\n'})))
    expect(describeErrors(module)).toBe('')
    expect(module.meta?.id).toBe('test-module')
  })

  it('non-UTF-8 bytes: an `encoding` error at the bad byte, and the build is refused', () => {
    const text = Buffer.from(moduleText())
    const at = text.indexOf('Go around')
    const line = text.subarray(0, at).toString().split('\n').length
    const module = parseAndLint(Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at)]))
    const encoding = module.file.messages.find((m) => m.ruleId === 'encoding')
    expect(encoding?.fatal).toBe(true)
    expect(encoding?.reason).toMatch(/not UTF-8, expected a UTF-8 text file/)
    expect(encoding?.line).toBe(line)
    expect(encoding?.column).toBe(1)
    expect(() => buildHandout([module])).toThrow(UserError)
  })

  it('a 5 MB module parses, lints and builds its handout without a crash', () => {
    const paragraph = 'Talk about triggers and plans for the week. '.repeat(20) + '\n\n'
    const text = moduleText({topic: paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))})
    expect(text.length).toBeGreaterThan(5_000_000)
    const module = parseAndLint(text)
    expect(describeErrors(module)).toBe('')
    expect(buildHandout([module])).toContain('My Triggers')
  })

  it('lists nested 60 deep (within the limit) parse, lint and build', () => {
    const module = parseAndLint(moduleText({topic: '- '.repeat(60) + 'deep'}))
    expect(describeErrors(module)).toBe('')
    expect(buildGuide([module])).toContain('deep')
  })

  // Nesting past the limit (100 levels) is a clear `nesting` error at its
  // line, found before parsing, so 10,000 levels cost no more than 100.
  it.each([
    ['blockquotes nested 10,000 deep', '> '.repeat(10_000) + 'deep', 10_000],
    ['lists nested 10,000 deep', '- '.repeat(10_000) + 'deep', 10_000],
    ['lists nested 1,000 deep', '- '.repeat(1_000) + 'deep', 1_000],
    ['lists indented 600 levels', Array.from({length: 600}, (_, i) => '    '.repeat(i) + '- item').join('\n'), 600]
  ])('%s: a nesting error at its line, no crash, build refused', (_label, topic, levels) => {
    const module = parseAndLint(moduleText({topic}))
    const nesting = errorsOf(module).filter((m) => m.ruleId === 'nesting')
    expect(nesting).toHaveLength(1)
    expect(nesting[0].reason).toMatch(new RegExp(`^Unexpected nesting \\d+ levels deep, expected at most 100 levels of lists and quotes$`))
    expect(Number(/nesting (\d+)/.exec(nesting[0].reason)![1])).toBeGreaterThanOrEqual(Math.min(levels, 101))
    expect(() => buildGuide([module])).toThrow(UserError)
    expect(() => buildHandout([module])).toThrow(UserError)
  })

  it('a curriculum with one too-deep module still assembles a binder without it', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'relapse-prevention'))
    writeFileSync(path.join(dir, 'relapse-prevention', 'a-one.md'), moduleText({id: 'a-one'}))
    writeFileSync(path.join(dir, 'relapse-prevention', 'b-deep.md'), moduleText({id: 'b-deep', topic: '- '.repeat(1_000) + 'deep'}))
    const curriculum = loadCurriculum([dir])
    const assembly = runAssembly(parseProgram(programText, 'program.yaml'), curriculum, {})
    expect(assembly.excluded).toEqual([path.join(dir, 'relapse-prevention', 'b-deep.md')])
    expect(assembly.files.has('index.html')).toBe(true)
  })

  // Hangs are caught by the test timeout; speed is measured by `npm run bench`, not here.
  it('a YAML alias bomb in frontmatter is an error message', () => {
    const module = parseAndLint(moduleText({frontmatter: aliasBomb}))
    const yaml = errorsOf(module).filter((m) => m.ruleId === 'frontmatter-schema')
    expect(yaml.map((m) => m.reason)).toContain('Unexpected YAML syntax: Excessive alias count indicates a resource exhaustion attack')
    expect(module.meta).toBeUndefined()
  })

  it('a YAML alias bomb in a program file or iop.config.yaml is a UserError', () => {
    expect(() => parseProgram(aliasBomb, 'bomb.yaml')).toThrow(/^bomb\.yaml:\d+:\d+: Unexpected YAML syntax: Excessive alias count/)
    const dir = tempDir()
    writeFileSync(path.join(dir, 'iop.config.yaml'), aliasBomb)
    expect(() => loadConfig([dir])).toThrow(UserError)
    expect(() => loadConfig([dir])).toThrow(/Excessive alias count/)
  })

  it('duplicate frontmatter keys are an error at the duplicate key\'s line', () => {
    const text = moduleText({extraFrontmatter: 'title: "Again"'})
    const line = text.split('\n').findIndex((l) => l === 'title: "Again"') + 1
    const module = parseAndLint(text)
    const duplicate = errorsOf(module).find((m) => /Map keys must be unique/.test(m.reason))
    expect(duplicate?.ruleId).toBe('frontmatter-schema')
    expect(duplicate?.line).toBe(line)
  })

  it('duplicate keys in a program file are a UserError at the duplicate key\'s line', () => {
    const text = programText + 'days: 15\n'
    const line = text.split('\n').indexOf('days: 15') + 1
    expect(() => parseProgram(text, 'dup.yaml')).toThrow(new RegExp(`^dup\\.yaml:${line}:\\d+: Unexpected YAML syntax: Map keys must be unique`))
  })

  // The slowest test in the suite; `npm run bench` shows the per-module cost
  // stays flat as the curriculum grows.
  it('a 10,000-module curriculum loads and lints, in bounded memory', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'relapse-prevention'))
    const count = 10_000
    for (let i = 0; i < count; i++) writeFileSync(path.join(dir, 'relapse-prevention', `m-${i}.md`), moduleText({id: `m-${i}`}))
    // A real collection before each reading, so the heap shows what is held, not garbage.
    v8.setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const curriculum = loadCurriculum([dir])
    gc()
    const indexed = process.memoryUsage().heapUsed
    // Each tree goes once its module is linted: only the index stays.
    const summary = lintModules(curriculum.modules, curriculum.config, undefined, {cache: false, release: true})
    expect(curriculum.modules.length).toBe(count)
    expect(summary.errors).toBe(0)
    gc()
    // Every tree held at once would be hundreds of MB here (tens of KB each).
    expect(process.memoryUsage().heapUsed - indexed).toBeLessThan(100 * 1024 ** 2)
  }, 600_000)
})

// ---------------------------------------------------------------------------
// E. Files
// ---------------------------------------------------------------------------

describe('E. file output never destroys work', () => {
  it('writeFileAtomic refuses an existing file without force, and leaves it as it was', () => {
    const dir = tempDir()
    const file = path.join(dir, 'guide.html')
    writeFileSync(file, 'precious')
    expect(() => writeFileAtomic(file, 'new')).toThrow(UserError)
    expect(() => writeFileAtomic(file, 'new')).toThrow(/Unexpected existing file, expected a new path \(use --force to overwrite\)/)
    expect(readFileSync(file, 'utf8')).toBe('precious')
    expect(readdirSync(dir)).toEqual(['guide.html'])
    writeFileAtomic(file, 'new', {force: true})
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['guide.html'])
  })

  it('writeBinder refuses a non-empty folder without curriculum.json and leaves it (and its parent) untouched', () => {
    const parent = tempDir()
    const target = path.join(parent, 'documents')
    mkdirSync(target)
    writeFileSync(path.join(target, 'client-notes.txt'), 'not ours')
    const before = snapshotTree(parent)
    expect(() => writeBinder(target, new Map([['index.html', 'x'], ['curriculum.json', '{}']]))).toThrow(/no curriculum\.json.*use --force/)
    expect(snapshotTree(parent)).toEqual(before)
  })

  it('a failed binder write (path `../escape.html`) throws and leaves the previous binder byte-identical', () => {
    const parent = tempDir()
    const target = path.join(parent, 'binder')
    const {files} = assembleLeakBinder()
    writeBinder(target, files)
    expect(existsSync(path.join(target, 'curriculum.json'))).toBe(true)
    expect(existsSync(path.join(target, 'index.html'))).toBe(true)
    const before = snapshotTree(parent)

    for (const bad of ['../escape.html', '../binder-evil/x.html', '/tmp/absolute.html', 'sessions/../../escape.html']) {
      const next = new Map(files)
      next.set('index.html', 'replaced')
      next.set(bad, 'escaped')
      expect(() => writeBinder(target, next), bad).toThrow(/Unexpected output path .*expected a path inside the binder/)
      expect(snapshotTree(parent), bad).toEqual(before)
    }
    expect(existsSync(path.join(parent, 'escape.html'))).toBe(false)
  })

  it('writeBinder replaces its own binder (with curriculum.json) and leaves no staging folders', () => {
    const parent = tempDir()
    const target = path.join(parent, 'binder')
    const {files} = assembleLeakBinder()
    writeBinder(target, files)
    writeBinder(target, new Map([...files, ['index.html', 'second']]))
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('second')
    expect(readdirSync(parent)).toEqual(['binder'])
  })

  it('determinism: runAssembly twice gives identical files; a copy created in reverse order gives the same bytes', () => {
    const dir = tempDir()
    const first = assembleLeakBinder(dir)
    const second = runAssembly(parseProgram(programText, 'program.yaml'), loadCurriculum([dir]), {program: 'program.yaml'})
    const reversed = assembleLeakBinder(tempDir(), true)
    const asObject = (files: Map<string, string>) => Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    expect(first.files.size).toBeGreaterThan(5)
    expect(asObject(second.files)).toEqual(asObject(first.files))
    expect(asObject(reversed.files)).toEqual(asObject(first.files))
    expect([...reversed.files.keys()]).toEqual([...first.files.keys()])
  })

  it('determinism: writing the same binder twice gives byte-identical folders', () => {
    const a = path.join(tempDir(), 'binder')
    const b = path.join(tempDir(), 'binder')
    writeBinder(a, assembleLeakBinder().files)
    writeBinder(b, assembleLeakBinder(tempDir(), true).files)
    expect(snapshotTree(b)).toEqual(snapshotTree(a))
  })
})
