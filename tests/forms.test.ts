/**
 * Session paperwork: every session folder of the evening example holds its
 * fidelity checklist, note template (HTML and text) and sign-in sheet; each
 * note carries its session's objectives and date; no form holds a filled
 * client field and no API takes client data; a joiner's schedule lists
 * exactly the sessions from the join date to the end of the stay, with the
 * program calendar's UIDs; golden files for one form of each kind.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import {loadCurriculum, type Curriculum} from '../src/curriculum/load-curriculum.js'
import {buildForm, sessionForms} from '../src/forms/build-forms.js'
import {formSettings, noteFormats} from '../src/forms/form-options.js'
import {clientIdentifierLabel, notePrompts} from '../src/forms/group-note.js'
import {joinerSchedule} from '../src/forms/joiner-schedule.js'
import * as api from '../src/index.js'
import {readProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import {UserError} from '../src/util/user-error.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {libraryGroups} from './helpers/library-groups.js'

const root = path.resolve(import.meta.dirname, '..')
const fixtures = path.join(import.meta.dirname, 'fixtures', 'forms')

function assembled(programFile: string, curriculum: Curriculum) {
  const program = readProgram(programFile, {groups: curriculum.config.groups.map((g) => g.id)})
  return runAssembly(program, curriculum, {program: path.basename(programFile)})
}

const evening = assembled(path.join(root, 'examples', 'evening-program.yaml'), bundledLibrary())
const sessionDirs = [...evening.files.keys()].filter((f) => f.endsWith('/guide.html')).map((f) => f.slice(0, -'/guide.html'.length))

/** Every element of a tree. */
function elements(tree: Root | Element): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type === 'element') {
        found.push(child)
        walk(child)
      }
    }
  }
  walk(tree)
  return found
}

const classes = (node: Element) => (node.properties.className as string[] | undefined) ?? []
const text = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? text(c) : '')).join('')

/**
 * The ways a form could hold a filled client field: an input or text area
 * (with or without a value), a blank line with text in it, a sign-in cell
 * or deviation cell with text, text after the client identifier label.
 */
function filledClientFields(html: string): string[] {
  const tree = fromHtml(html)
  const problems: string[] = []
  for (const node of elements(tree)) {
    if (['input', 'textarea', 'select', 'form'].includes(node.tagName)) problems.push(`<${node.tagName}>`)
    if ('value' in node.properties) problems.push(`value= on <${node.tagName}>`)
    if (classes(node).includes('blank') && (node.children.length > 0)) problems.push(`filled blank: ${text(node)}`)
    if (classes(node).includes('fill-line') && node.children.length > 0) problems.push(`filled line: ${text(node)}`)
    if (node.tagName === 'table' && (classes(node).includes('sign-in') || classes(node).includes('deviations'))) {
      for (const cell of elements(node).filter((e) => e.tagName === 'td' && !classes(e).includes('number'))) if (cell.children.length > 0) problems.push(`filled cell: ${text(cell)}`)
    }
    if (classes(node).includes('field') && text(node).startsWith(clientIdentifierLabel)) {
      const rest = node.children.slice(1)
      if (rest.length !== 1 || rest[0].type !== 'element' || !classes(rest[0]).includes('blank') || rest[0].children.length > 0) problems.push('client identifier filled')
    }
  }
  return problems
}

describe('forms in the evening binder', () => {
  it('has sessions to check', () => {
    expect(sessionDirs.length).toBe(evening.schedule.sessions.filter((s) => s.modules.length > 0).length)
    expect(sessionDirs.length).toBeGreaterThan(80)
  })

  it('every session folder has the fidelity checklist, the note template (HTML and text) and the sign-in sheet', () => {
    for (const dir of sessionDirs) for (const file of ['fidelity.html', 'note.html', 'note.txt', 'sign-in.html']) expect(evening.files.has(`${dir}/${file}`), `${dir}/${file}`).toBe(true)
  })

  it("each note template holds its session's objectives and date, in HTML and in text", () => {
    for (const session of evening.schedule.sessions.filter((s) => s.modules.length > 0)) {
      const dir = sessionDirs.find((d) => d.endsWith(`/${String(session.number).padStart(2, '0')}-${session.date}`))!
      for (const file of ['note.html', 'note.txt']) {
        const note = evening.files.get(`${dir}/${file}`)!
        const plain = file === 'note.html' ? text(fromHtml(note) as unknown as Element) : note
        expect(plain, `${dir}/${file}`).toContain(session.date)
        for (const objective of session.modules.flatMap((m) => m.meta!.objectives)) expect(plain, `${dir}/${file}`).toContain(objective)
      }
    }
  })

  it('the fidelity checklist lists each agenda part, objective and handout of the session', () => {
    const session = evening.schedule.sessions[0]
    const dir = sessionDirs[0]
    const page = text(fromHtml(evening.files.get(`${dir}/fidelity.html`)!) as unknown as Element)
    for (const m of session.modules) {
      for (const objective of m.meta!.objectives) expect(page).toContain(objective)
      for (const part of m.sections.byKind.handouts?.parts ?? []) expect(page).toContain(part.title)
    }
    expect(page).toContain('intoxicated')
    expect(page).toContain('self-harm')
  })

  it('index.html links every form and curriculum.json records the note format', () => {
    const index = evening.files.get('index.html')!
    for (const dir of sessionDirs) for (const file of ['fidelity.html', 'note.html', 'note.txt', 'sign-in.html']) expect(index).toContain(`href="${dir}/${file}"`)
    const manifest = JSON.parse(evening.files.get('curriculum.json')!) as {forms: unknown; files: string[]}
    expect(manifest.forms).toEqual({noteFormat: 'birp', noteMembers: 3, signInRows: 12})
    expect(manifest.files).toContain(`${sessionDirs[0]}/note.txt`)
  })

  it('a --note-format override changes the template and the record', () => {
    const curriculum = loadCurriculum([path.join(fixtures, 'curriculum')])
    const program = readProgram(path.join(fixtures, 'program.yaml'), {groups: curriculum.config.groups.map((g) => g.id)})
    const assembly = runAssembly(program, curriculum, {}, {forms: {noteFormat: 'soap'}})
    expect(JSON.parse(assembly.files.get('curriculum.json')!).forms.noteFormat).toBe('soap')
    const note = [...assembly.files].find(([name]) => name.endsWith('/note.txt'))![1]
    expect(note).toContain('GROUP NOTE (SOAP)')
    for (const prompt of notePrompts.soap) expect(note).toContain(prompt.label.toUpperCase())
  })
})

describe('no client data', () => {
  it('no form in the evening binder holds a filled client field', () => {
    let checked = 0
    for (const [name, content] of evening.files) {
      if (!/\/(fidelity|note|sign-in)\.html$/.test(name)) continue
      expect(filledClientFields(content), name).toEqual([])
      checked++
    }
    expect(checked).toBe(sessionDirs.length * 3)
  })

  it('the checker finds a filled client field (it can fail)', () => {
    const html = evening.files.get(`${sessionDirs[0]}/note.html`)!
    expect(filledClientFields(html.replace('<span class="blank"></span>', '<span class="blank">Jane Doe</span>'))).not.toEqual([])
    const sheet = evening.files.get(`${sessionDirs[0]}/sign-in.html`)!
    expect(filledClientFields(sheet.replace('<td class="number">1</td><td></td>', '<td class="number">1</td><td>J. D.</td>'))).not.toEqual([])
    expect(filledClientFields(sheet.replace('</h1>', '</h1><input name="client">'))).not.toEqual([])
  })

  it('every note format has blank member parts with the format prompts and an empty client identifier line', () => {
    const module = evening.schedule.sessions[0].modules[0]
    for (const noteFormat of noteFormats) {
      const html = buildForm('note', module, {noteFormat, noteMembers: 5})
      expect(filledClientFields(html)).toEqual([])
      expect(html.split(clientIdentifierLabel).length - 1).toBe(5)
      for (const prompt of notePrompts[noteFormat]) expect(html).toContain(prompt.prompt)
      const textNote = buildForm('note', module, {noteFormat, format: 'text'})
      expect(textNote).toMatch(new RegExp(`^${clientIdentifierLabel.replace(/[()]/g, '\\$&')}:$`, 'm'))
    }
  })

  it('form options take no client data: any other key is refused', () => {
    const module = evening.schedule.sessions[0].modules[0]
    const session = evening.schedule.sessions[0]
    for (const key of ['client', 'clientName', 'name', 'members', 'record', 'dob', 'attendees', 'diagnosis']) {
      const options = {[key]: 'Jane Doe'} as never
      expect(() => buildForm('note', module, options), key).toThrow(UserError)
      expect(() => buildForm('sign-in', module, options), key).toThrow(/takes no client information/)
      expect(() => sessionForms(evening.schedule, session, options), key).toThrow(UserError)
      expect(() => formSettings(options), key).toThrow(UserError)
    }
    expect(() => buildForm('note', module, {noteMembers: ['Jane Doe'] as never})).toThrow(UserError)
    expect(() => joinerSchedule(evening.schedule, '2027-01-19', {name: 'Jane Doe'} as never)).toThrow(/takes no client information/)
  })

  it('the public form functions take only curriculum, schedules and settings', () => {
    // Parameter lists as declared: a new parameter would have to be reviewed here.
    expect(api.buildForm.length).toBe(2)
    expect(api.sessionForms.length).toBe(2)
    expect(api.joinerSchedule.length).toBe(2)
    const source = ['form-options.ts', 'build-forms.ts', 'joiner-schedule.ts'].map((f) => readFileSync(path.join(root, 'src', 'forms', f), 'utf8')).join('\n')
    expect(source).not.toMatch(/\b(clientName|patient|dateOfBirth|attendee)\w*\s*[?]?:/i)
  })

  it('the joiner schedule has no name field and no filled field', () => {
    const joiner = joinerSchedule(evening.schedule, '2027-01-19')
    expect(filledClientFields(joiner.html)).toEqual([])
    expect(joiner.html).not.toMatch(/\bname\b\s*:/i)
  })
})

describe("a joiner's schedule", () => {
  const join = '2027-01-19' // a Tuesday in week 3
  const joiner = joinerSchedule(evening.schedule, join, {crisis: 'Call or text 988.'})
  const expected = evening.schedule.sessions.filter((s) => s.date >= join)

  it('lists exactly the sessions from the join date to the end of the stay', () => {
    expect(joiner.sessions.map((s) => s.number)).toEqual(expected.map((s) => s.number))
    expect(joiner.sessions[0].date).toBe(join)
    expect(joiner.until).toBe('2027-04-04')
    expect(joiner.pastPeriod).toBe(true)
    const page = text(fromHtml(joiner.html) as unknown as Element)
    for (const s of expected) for (const m of s.modules) expect(page).toContain(m.meta!.title)
    for (const s of evening.schedule.sessions.filter((x) => x.date < join)) expect(page).not.toContain(s.date)
    expect(page).toContain('Call or text 988.')
  })

  it('its calendar parses with ical.js and its UIDs are the program calendar’s', () => {
    const uids = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => ({uid: String(e.getFirstPropertyValue('uid')), start: String(e.getFirstPropertyValue('dtstart'))}))
    const mine = uids(joiner.ics)
    const program = uids(evening.files.get('schedule.ics')!)
    expect(mine.length).toBe(expected.length)
    expect(mine).toEqual(program.filter((e) => e.start.slice(0, 10) >= join))
  })

  it('refuses a date outside the program period', () => {
    expect(() => joinerSchedule(evening.schedule, '2027-01-03')).toThrow(/expected a date in the program period/)
    expect(() => joinerSchedule(evening.schedule, '2027-02-30')).toThrow(UserError)
  })
})

describe('golden forms', () => {
  const curriculum = loadCurriculum([path.join(fixtures, 'curriculum')])
  const program = readProgram(path.join(fixtures, 'program.yaml'), {groups: curriculum.config.groups.map((g) => g.id)})
  const assembly = runAssembly(program, curriculum, {program: 'program.yaml'})
  const first = assembly.schedule.sessions[0]
  const forms = sessionForms(assembly.schedule, first, curriculum.config.forms)
  const joiner = joinerSchedule(assembly.schedule, '2027-01-11', {crisis: curriculum.config.crisis})
  const module = curriculum.byId.get('coping-with-cravings')!
  const outputs: Record<string, string> = {
    'fidelity.html': forms.get('fidelity.html')!,
    'fidelity.md': buildForm('fidelity', module, {format: 'md'}),
    'note.html': forms.get('note.html')!,
    'note.txt': forms.get('note.txt')!,
    'note-dap.txt': buildForm('note', module, {noteFormat: 'dap', format: 'text'}),
    'sign-in.html': forms.get('sign-in.html')!,
    'joiner.html': joiner.html,
    'joiner.ics': joiner.ics
  }
  for (const [file, actual] of Object.entries(outputs)) {
    it(file, () => {
      const expectedPath = path.join(fixtures, 'expected', file)
      if (process.env.UPDATE || !existsSync(expectedPath)) {
        mkdirSync(path.dirname(expectedPath), {recursive: true})
        writeFileSync(expectedPath, actual)
      }
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
    })
  }
})

describe('the form commands', () => {
  // The relapse-prevention modules alone: each command loads its whole
  // curriculum, and these are about the forms of one module.
  const curriculum = libraryGroups('relapse-prevention')
  const one = (args: string[]) => [...args, '--curriculum', curriculum]

  it('iop fidelity prints a checklist as Markdown; iop note and iop sign-in print HTML or text', async () => {
    const {run} = await import('./helpers/run-cli.js')
    const md = await run(one(['fidelity', 'coping-with-cravings', '--format', 'md']))
    expect(md.code).toBe(0)
    expect(md.out).toContain('# Fidelity checklist: Coping with Cravings')
    const note = await run(one(['note', 'coping-with-cravings', '--note-format', 'GIRP', '--format', 'text']))
    expect(note.code).toBe(0)
    expect(note.out).toContain('GROUP NOTE (GIRP)')
    const sheet = await run(one(['sign-in', 'coping-with-cravings', '--rows', '3']))
    expect(sheet.code).toBe(0)
    expect(sheet.out.match(/<td class="number">/g)).toHaveLength(3)
  })

  it('bad form flags are usage mistakes (exit 2)', async () => {
    const {run} = await import('./helpers/run-cli.js')
    expect((await run(one(['note', 'coping-with-cravings', '--note-format', 'xyz']))).err).toContain('expected one of dap, birp, soap, girp')
    expect((await run(one(['note', 'coping-with-cravings', '--format', 'md']))).code).toBe(2)
    expect((await run(one(['sign-in', 'coping-with-cravings', '--rows', '0']))).code).toBe(2)
    expect((await run(['schedule', '--program', 'examples/evening-program.yaml', '--out', 'x'])).err).toContain('Missing --join')
  })

  it('iop schedule writes the handout and calendar, and never overwrites without --force', async () => {
    const {mkdtempSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {run} = await import('./helpers/run-cli.js')
    const out = mkdtempSync(path.join(tmpdir(), 'iop-joiner-'))
    const args = ['schedule', '--program', 'examples/evening-program.yaml', '--join', '2027-01-19', '--out', out]
    const first = await run(args)
    expect(first.code).toBe(0)
    expect(first.out).toBe('71 sessions from 2027-01-19 to 2027-04-04 (the end of the program period)\n')
    expect(readFileSync(path.join(out, 'joiner-2027-01-19.ics'), 'utf8')).toContain('BEGIN:VCALENDAR')
    const again = await run(args)
    expect(again.code).toBe(2)
    expect(again.err).toContain('Unexpected existing file')
    expect((await run([...args, '--force'])).code).toBe(0)
  })

  it('noteFormat, noteMembers and signInRows come from iop.config.yaml; a bad value names its line', async () => {
    const {mkdtempSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {loadConfig} = await import('../src/config/curriculum-config.js')
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-forms-config-'))
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'noteFormat: dap\nnoteMembers: 6\nsignInRows: 20\n')
    expect(loadConfig([dir]).forms).toEqual({noteFormat: 'dap', noteMembers: 6, signInRows: 20})
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'crisis: Call 988.\nnoteFormat: narrative\n')
    expect(() => loadConfig([dir])).toThrow(/iop\.config\.yaml:2:13: Unexpected value at `noteFormat`/)
  })
})

describe('asam_dimensions', () => {
  it('accepts unique whole numbers 1-6 and refuses anything else', async () => {
    const {frontmatterSchema} = await import('../src/module/frontmatter-schema.js')
    const meta = {...evening.schedule.sessions[0].modules[0].meta!}
    expect(frontmatterSchema.safeParse({...meta, asam_dimensions: [1, 6]}).success).toBe(true)
    for (const bad of [[0], [7], [2.5], [3, 3], [], ['5']]) expect(frontmatterSchema.safeParse({...meta, asam_dimensions: bad}).success, JSON.stringify(bad)).toBe(false)
    const {asam_dimensions: _, ...without} = meta
    expect(frontmatterSchema.safeParse(without).success).toBe(true)
  })

  it('is set on every bundled module', () => {
    const bundled = bundledLibrary()
    expect(bundled.modules.length).toBeGreaterThanOrEqual(132)
    for (const m of bundled.modules) expect(m.meta!.asam_dimensions?.length, m.meta!.id).toBeGreaterThan(0)
  })
})
