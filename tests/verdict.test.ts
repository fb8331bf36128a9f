/**
 * One verdict, shown the same everywhere: for the same program, stdout,
 * index.html and curriculum.json give the same verdict and the same
 * findings, and the exit code follows the verdict. Each output is read back
 * as a person or a program would read it (stdout lines, the HTML parsed,
 * the JSON parsed), not taken from the in-memory verdict.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse} from 'parse5'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import type {Io} from '../src/util/io.js'
import {libraryGroups} from './helpers/library-groups.js'
import {modulePath, moduleText} from './helpers/module-text.js'

const root = path.resolve(import.meta.dirname, '..')

/** What each output says about a program. */
interface Told {
  headline: string
  findings: string[]
}

interface Run {
  code: number
  stdout: Told
  html: Told & {meets: boolean; weeks: string[][]; text: string}
  json: Told & {meets: boolean; verdict: ManifestVerdict}
}

/** The verdict as curriculum.json records it. */
interface ManifestVerdict {
  headline: string
  meets: boolean
  weeks: Array<{week: number; days: number; hours: number; partial: boolean; status: string}>
  findings: Array<{code: string; severity: string; message: string; weeks: number[]}>
}

async function assemble(program: string, curriculum = path.join(root, 'curriculum')): Promise<Run> {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-verdict-'))
  const file = path.join(dir, 'program.yaml')
  writeFileSync(file, program)
  const out: string[] = []
  const err: string[] = []
  const io: Io = {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir}
  const code = await main(['assemble', '--program', file, '--curriculum', curriculum, '--out', path.join(dir, 'binder')], io)
  expect(err.join(''), 'no usage error').toBe('')

  const lines = out.join('').split('\n')
  const stdout: Told = {
    headline: lines.find((l) => l.startsWith('verdict: '))!.slice('verdict: '.length),
    findings: lines.filter((l) => /^(error|warning|note): /.test(l))
  }

  const document = parse(readFileSync(path.join(dir, 'binder', 'index.html'), 'utf8')) as unknown as Node
  const verdict = elements(document, (n) => n.nodeName === 'p' && classes(n).includes('verdict'))
  expect(verdict, 'one verdict paragraph').toHaveLength(1)
  const list = elements(document, (n) => n.nodeName === 'ul' && classes(n).includes('findings'))
  const rows = elements(document, (n) => n.nodeName === 'table' && classes(n).includes('hours')).flatMap((t) => elements(t, (n) => n.nodeName === 'tr').slice(1))
  const html = {
    headline: text(verdict[0]),
    meets: classes(verdict[0]).includes('ok'),
    findings: list.flatMap((ul) => elements(ul, (n) => n.nodeName === 'li').map(text)),
    weeks: rows.map((tr) => elements(tr, (n) => n.nodeName === 'td').map(text)),
    text: text(document)
  }
  // The binder opens with the verdict, then its findings, before anything else.
  const order = elements(document, (n) => ['h1', 'h2', 'p', 'ul', 'dl', 'table'].includes(n.nodeName)).map((n) => n.nodeName + (classes(n).length > 0 ? '.' + classes(n).join('.') : ''))
  expect(order.slice(0, 4)).toEqual(['h1', `p.verdict.${html.meets ? 'ok' : 'fails'}`, 'h2', html.findings.length > 0 ? 'ul.findings' : 'p.ok'])

  const manifest = JSON.parse(readFileSync(path.join(dir, 'binder', 'curriculum.json'), 'utf8')) as {verdict: ManifestVerdict}
  const json = {
    headline: manifest.verdict.headline,
    meets: manifest.verdict.meets,
    findings: manifest.verdict.findings.map((f) => `${f.severity}: ${f.message}`),
    verdict: manifest.verdict
  }
  return {code, stdout, html, json}
}

/** The three outputs agree, and the exit code follows the verdict. */
function expectAgreement(run: Run) {
  expect(run.html.headline).toBe(run.stdout.headline)
  expect(run.json.headline).toBe(run.stdout.headline)
  expect(run.html.findings).toEqual(run.stdout.findings)
  expect(run.json.findings).toEqual(run.stdout.findings)
  expect(run.html.meets).toBe(run.json.meets)
  expect(run.code).toBe(run.json.meets ? 0 : 1)
  // Never positive while an error stands.
  expect(run.json.meets).toBe(!run.stdout.findings.some((f) => f.startsWith('error: ')))
  // The hours table is the manifest's weeks.
  expect(run.html.weeks.map((row) => row.slice(0, 3).map(Number))).toEqual(run.json.verdict.weeks.map((w) => [w.week, w.days, w.hours]))
}

interface Node {
  nodeName: string
  value?: string
  attrs?: Array<{name: string; value: string}>
  childNodes?: Node[]
  content?: Node
}

function elements(node: Node, test: (n: Node) => boolean): Node[] {
  const found: Node[] = []
  const walk = (n: Node) => {
    if (test(n)) found.push(n)
    for (const child of n.childNodes ?? []) walk(child)
  }
  walk(node)
  return found
}

function classes(node: Node): string[] {
  return (node.attrs?.find((a) => a.name === 'class')?.value ?? '').split(/\s+/).filter(Boolean)
}

function text(node: Node): string {
  return node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(text).join('')
}

function program(fields: {start?: string; days?: number; blocks: string}): string {
  return `name: Verdict test\nstart: ${fields.start ?? '2027-01-04'}\ndays: ${fields.days ?? 90}\npopulation: adult\nlevel: "2.1"\nblocks:\n${fields.blocks}`
}

// Programs of one or two group types assemble from those groups' modules
// alone (libraryGroups): every run loads its whole curriculum first.
const threeEvenings = `  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 180}]\n`

describe('one verdict in stdout, index.html and curriculum.json', () => {
  it('an 84-day program at 9 h/week meets ASAM 2.1; its length is a separate warning, not an hours verdict', async () => {
    const run = await assemble(program({days: 84, blocks: threeEvenings}), libraryGroups('relapse-prevention'))
    expectAgreement(run)
    expect(run.code).toBe(0)
    expect(run.stdout.headline).toBe('Meets ASAM 2.1 for adults: 9 to under 20 h in each of the 12 full weeks.')
    expect(run.stdout.findings).toContain('warning: program of 84 days, shorter than the 90-day minimum stay (NIDA)')
    expect(run.json.verdict.findings.find((f) => f.code === 'length')?.severity).toBe('warning')
    expect(run.json.verdict.findings.some((f) => f.code === 'hours-under' || f.code === 'hours-over')).toBe(false)
    expect(run.html.text).not.toMatch(/NOT compliant|Does not meet/)
  })

  it('a program with empty sessions does not meet the level, even with its hours in the band', async () => {
    // 180 min of relapse prevention + 20 min of individual counseling, whose
    // modules are all longer: 10.0 h/week, but 39 sessions have no module.
    const blocks = `  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 180}, {group: individual-counseling, minutes: 20}]\n`
    const run = await assemble(program({blocks}), libraryGroups('relapse-prevention', 'individual-counseling'))
    expectAgreement(run)
    expect(run.code).toBe(1)
    expect(run.json.meets).toBe(false)
    expect(run.stdout.headline).toBe('Does not meet ASAM 2.1 for adults: 39 sessions with no module.')
    expect(run.stdout.findings[0]).toMatch(/^error: 39 sessions with no module \(individual-counseling 20 min\)/)
    expect(run.json.verdict.weeks.filter((w) => !w.partial).every((w) => w.status === 'ok')).toBe(true)
    expect(run.html.text).not.toContain('Meets ASAM')
  })

  it('a program that starts on a Tuesday: its 6-day last week is shown, marked partial and not judged', async () => {
    // 2027-01-05 is a Tuesday; week 13 is Tue 2027-03-30 to Sun 2027-04-04,
    // which holds only Wednesday and Friday: 6 h.
    const run = await assemble(program({start: '2027-01-05', blocks: threeEvenings}), libraryGroups('relapse-prevention'))
    expectAgreement(run)
    expect(run.code).toBe(0)
    expect(run.json.verdict.weeks.at(-1)).toEqual({week: 13, days: 6, hours: 6, partial: true, status: 'partial'})
    expect(run.json.verdict.weeks.slice(0, 12).every((w) => w.days === 7 && !w.partial && w.hours === 9 && w.status === 'ok')).toBe(true)
    expect(run.stdout.headline).toBe('Meets ASAM 2.1 for adults: 9 to under 20 h in each of the 12 full weeks (partial week 13 not judged).')
    expect(run.stdout.findings).toContain('note: week 13 is partial (6 of 7 days, 6 h): shown, not judged against the 9 h/week minimum')
    expect(run.html.weeks.at(-1)).toEqual(['13', '6', '6', 'partial (6 days), not judged'])
    expect(run.stdout.findings.some((f) => f.startsWith('error: '))).toBe(false)
  })

  it('a compliant program (the evening example) meets the level with no error', async () => {
    const run = await assemble(readFileSync(path.join(root, 'examples', 'evening-program.yaml'), 'utf8'))
    expectAgreement(run)
    expect(run.code).toBe(0)
    expect(run.stdout.headline).toBe('Meets ASAM 2.1 for adults: 9 to under 20 h in each of the 13 full weeks.')
    expect(run.json.verdict.weeks).toHaveLength(13)
    expect(run.json.verdict.weeks.every((w) => w.status === 'ok')).toBe(true)
  })

  it('a program under the minimum names every week, and no finding in the HTML is cut short with "…"', async () => {
    // One 90-min support module that requires a family module the program
    // never runs, in 120-min slots: it runs before what it requires, and
    // leaves 30 minutes unfilled, in every one of the 13 weeks.
    const curriculum = path.join(mkdtempSync(path.join(tmpdir(), 'iop-verdict-curriculum-')), 'curriculum')
    const write = (id: string, group: string, requires: string[]) => {
      const file = path.join(path.dirname(curriculum), modulePath(id, group))
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, moduleText({id, title: id, group, requires}))
    }
    write('x-needs', 'support', ['y-base'])
    write('y-base', 'family', [])
    const blocks = `  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: support, minutes: 120}]\n`
    const run = await assemble(program({blocks}), curriculum)
    expectAgreement(run)
    expect(run.code).toBe(1)
    const all = 'weeks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13'
    const find = (start: string) => run.html.findings.find((f) => f.startsWith(start))
    expect(find('warning: `x-needs` runs in')).toContain(`runs in ${all} before its required \`y-base\``)
    expect(find('warning: 39 sessions with unfilled minutes')).toContain(`, in ${all}`)
    expect(find('error: weeks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 under')).toBeDefined()
    for (const finding of run.html.findings) expect(finding).not.toContain('…')
    expect(run.html.text).not.toContain('…')
  })
})

describe('exit codes', () => {
  it('a program file with a mistake exits 2, not 1: a usage error is not a verdict', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-verdict-'))
    writeFileSync(path.join(dir, 'bad.yaml'), program({blocks: threeEvenings}).replace('level: "2.1"', 'level: 2.1'))
    const err: string[] = []
    const io: Io = {stdout: () => {}, stderr: (t) => err.push(t), cwd: dir}
    // One group's modules: the program file is read after the curriculum loads.
    expect(await main(['assemble', '--program', 'bad.yaml', '--out', 'binder', '--curriculum', libraryGroups('relapse-prevention')], io)).toBe(2)
    expect(err.join('')).toMatch(/^iop: .*bad\.yaml:5:8: Unexpected value at `level`/)
    expect(await main(['assemble', '--program', 'bad.yaml'], io)).toBe(2)
    expect(await main(['assemble', '--no-such-option'], io)).toBe(2)
  })
})
