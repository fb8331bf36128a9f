/**
 * Assembly: scheduling, packing, ordering, cycling, holidays, hours,
 * coverage, determinism, the overwrite guard and bad program files.
 */
import {createHash} from 'node:crypto'
import {mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {bundledCurriculumDir, loadCurriculum} from '../src/curriculum/load-curriculum.js'
import {layOutSlots} from '../src/schedule/calendar.js'
import {parseProgram, readProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import type {Io} from '../src/util/io.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {libraryGroups} from './helpers/library-groups.js'
import {moduleText} from './helpers/module-text.js'

const root = path.resolve(import.meta.dirname, '..')
const curriculum = bundledLibrary()

function io(cwd = root) {
  const out: string[] = []
  const err: string[] = []
  const value: Io = {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd}
  return {io: value, out, err}
}

function groupProgram(extra = '') {
  return parseProgram(
    `name: RP\nstart: 2027-01-04\ndays: 90\n${extra}blocks:\n  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 180}]\n`,
    'test.yaml'
  )
}

describe('iop assemble --group (the issue’s acceptance runs)', () => {
  it('gives 39 sessions at 9 h/week, compliant, with every output and 39 events', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'iop-')), 'X')
    const run = io()
    const code = await main(['assemble', '--group', 'relapse-prevention', '--start', '2027-01-04', '--days', '90', '--meets', 'mon,wed,fri', '--minutes', '180', '--out', dir], run.io)
    expect(code).toBe(0)
    const text = run.out.join('')
    expect(text).toContain('39 sessions')
    expect(text).toContain('hours per full week: min 9, median 9, max 9')
    expect(text).toContain('verdict: Meets ASAM 2.1 for adults: 9 to under 20 h in each of the 12 full weeks (partial week 13 not judged).')
    expect(readdirSync(dir).sort()).toEqual(['curriculum.json', 'index.html', 'schedule.csv', 'schedule.ics', 'sessions'])
    const ics = readFileSync(path.join(dir, 'schedule.ics'), 'utf8')
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(39)
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/)
    expect(ics).toContain('DTSTART:20270104T180000')
    expect(ics).toContain('DTEND:20270104T210000')
    // A real iCalendar parser (Mozilla's ical.js) reads every event back.
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(39)
    expect(new Set(events.map((e) => e.uid)).size).toBe(39)
    expect(events[0].startDate.toString()).toBe('2027-01-04T18:00:00')
    expect(events[0].duration.toSeconds()).toBe(180 * 60)
    expect(events[0].description).toMatch(/^Modules: Triggers and High-Risk Situations; /)
    expect(events.at(-1)!.startDate.toString()).toBe('2027-04-02T18:00:00')
    expect(readFileSync(path.join(dir, 'schedule.csv'), 'utf8').trim().split('\r\n')).toHaveLength(40)
    expect(readdirSync(path.join(dir, 'sessions'))).toHaveLength(39)
    expect(readdirSync(path.join(dir, 'sessions', '01-2027-01-04')).sort()).toEqual(['fidelity.html', 'guide.html', 'handout.html', 'note.html', 'note.txt', 'sign-in.html'])
    const manifest = JSON.parse(readFileSync(path.join(dir, 'curriculum.json'), 'utf8'))
    expect(manifest.sessions).toHaveLength(39)
    expect(manifest.sessions[0].modules[0]).toMatchObject({id: 'triggers-and-high-risk-situations', version: curriculum.byId.get('triggers-and-high-risk-situations')!.meta!.version})
    // The hash is of the module file's bytes, so anyone can check what was delivered.
    const file = curriculum.byId.get('triggers-and-high-risk-situations')!.file.path
    expect(manifest.sessions[0].modules[0].hash).toBe('sha256-' + createHash('sha256').update(readFileSync(file)).digest('hex'))
  })

  it('with holidays 2027-01-18 and 2027-02-15 gives 37 sessions and flags weeks 3 and 7', () => {
    const assembly = runAssembly(groupProgram('holidays: [2027-01-18, 2027-02-15]\n'), curriculum, {})
    expect(assembly.schedule.sessions).toHaveLength(37)
    expect(assembly.hours.filter((w) => w.status === 'under').map((w) => [w.week, w.hours])).toEqual([[3, 6], [7, 6]])
    const under = assembly.findings.find((f) => f.code === 'hours-under')
    expect(under?.weeks).toEqual([3, 7])
    expect(under?.message).toContain('weeks 3, 7 under the ASAM 2.1 minimum of 9 h/week')
  })
})

describe('program files', () => {
  it('the Matrix Model example shows 6.5 h/week in weeks 1-4 and 4.5 after, flagged', () => {
    const assembly = runAssembly(readProgram(path.join(root, 'examples', 'matrix-model.yaml')), curriculum, {})
    expect(assembly.hours.slice(0, 4).map((w) => w.hours)).toEqual([6.5, 6.5, 6.5, 6.5])
    expect(new Set(assembly.hours.slice(4).map((w) => w.hours))).toEqual(new Set([4.5]))
    expect(assembly.hours.every((w) => w.status === 'under')).toBe(true)
    expect(assembly.findings.some((f) => f.code === 'hours-under' && f.weeks.length === 16)).toBe(true)
    expect(assembly.files.get('index.html')).toContain('<p class="verdict fails">Does not meet ASAM 2.1 for adults: 16 full weeks under 9 h.</p>')
    // Sessions: ERS 8, RP 32, family 12, support 4.
    const count = (g: string) => assembly.schedule.sessions.filter((s) => s.group === g).length
    expect([count('early-recovery-skills'), count('relapse-prevention'), count('family'), count('support')]).toEqual([8, 32, 12, 4])
  })

  it('the evening example meets ASAM 2.1 every week and leaves no session empty', () => {
    const assembly = runAssembly(readProgram(path.join(root, 'examples', 'evening-program.yaml')), curriculum, {})
    expect(assembly.hours.every((w) => w.status === 'ok')).toBe(true)
    expect(assembly.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(assembly.files.get('index.html')).toContain('<p class="verdict ok">Meets ASAM 2.1 for adults: 9 to under 20 h in each of the 13 full weeks.</p>')
  })

  it('every group type fills 90 days at 3 sessions a week with no empty session', () => {
    for (const group of curriculum.config.groups.map((g) => g.id)) {
      const program = parseProgram(`name: ${group}\nstart: 2027-01-04\ndays: 90\nblocks:\n  - weeks: [1, 13]\n    meets: [mon, wed, fri]\n    at: "09:00"\n    groups: [{group: ${group}, minutes: 180}]\n`, 'x.yaml')
      const assembly = runAssembly(program, curriculum, {})
      expect(assembly.schedule.sessions.filter((s) => s.modules.length === 0), group).toEqual([])
    }
  })

  it('reports bad program files with file:line:column and what is expected', () => {
    expect(() => parseProgram('name: X\nstart: 2027-13-01\ndays: 90\nblocks: []\n', 'p.yaml')).toThrow(/^p\.yaml:2:8: Unexpected value at `start`, expected a date as YYYY-MM-DD\np\.yaml:4:9: Unexpected value at `blocks`, expected/)
    expect(() => parseProgram('name: X\nstart: 2027-01-04\n', 'p.yaml')).toThrow(/p\.yaml:1:1: Missing `days`, expected a number\np\.yaml:1:1: Missing `blocks`, expected a list/)
    expect(() => parseProgram('name: [x\n', 'p.yaml')).toThrow(/^p\.yaml:\d+:\d+: Unexpected YAML syntax/)
    expect(() => parseProgram('name: X\nstart: 2027-01-04\ndays: 90\nblocks:\n  - weeks: [4, 1]\n    meets: [mon]\n    at: "18:00"\n    groups: [{group: support, minutes: 90}]\n', 'p.yaml')).toThrow('p.yaml:5:12: Unexpected weeks 4-1, expected the first week before the last')
    expect(() => parseProgram('name: X\nstart: 2027-01-04\ndays: 90\nblocks:\n  - weeks: [1, 2]\n    meets: [monday]\n    at: "18:00"\n    groups: [{group: support, minutes: 90}]\n', 'p.yaml')).toThrow(/p\.yaml:6:13: Unexpected value at `blocks\.0\.meets\.0`/)
  })
})

describe('scheduling', () => {
  it('lays out slots back to back from the start time, skipping holidays', () => {
    const program = parseProgram('name: X\nstart: 2027-01-04\ndays: 7\nholidays: [2027-01-06]\nblocks:\n  - weeks: [1, 1]\n    meets: [mon, wed]\n    at: "09:00"\n    groups: [{group: early-recovery-skills, minutes: 60}, {group: relapse-prevention, minutes: 90}]\n', 'x.yaml')
    expect(layOutSlots(program).map((s) => `${s.date} ${s.start} ${s.group}`)).toEqual(['2027-01-04 09:00 early-recovery-skills', '2027-01-04 10:00 relapse-prevention'])
  })

  it('packs whole modules, never over the slot, and reports leftover minutes', () => {
    const program = parseProgram('name: X\nstart: 2027-01-04\ndays: 7\nblocks:\n  - weeks: [1, 1]\n    meets: [mon]\n    at: "09:00"\n    groups: [{group: individual-counseling, minutes: 120}, {group: support, minutes: 60}]\n', 'x.yaml')
    const assembly = runAssembly(program, curriculum, {})
    const [ic, support] = assembly.schedule.sessions
    expect(ic.modules).toHaveLength(2)
    expect(ic.leftover).toBe(20)
    expect(support.modules).toHaveLength(0)
    expect(assembly.findings.find((f) => f.code === 'empty-session')?.severity).toBe('error')
    expect(assembly.findings.find((f) => f.code === 'leftover')?.message).toContain('individual-counseling: 20 of 120 min')
  })

  it('orders by requires and phase, and cycles counting runs', () => {
    const assembly = runAssembly(groupProgram(), curriculum, {})
    const order = assembly.schedule.tracks.get('relapse-prevention')!.map((m) => m.meta!.id)
    expect(order[0]).toBe('triggers-and-high-risk-situations')
    for (const module of assembly.schedule.tracks.get('relapse-prevention')!) {
      for (const required of module.meta!.requires) expect(order.indexOf(required)).toBeLessThan(order.indexOf(module.meta!.id))
    }
    const phases = order.map((id) => curriculum.byId.get(id)!.meta!.phase)
    expect(phases.indexOf('community-integration')).toBe(phases.length - 1)
    const total = [...assembly.schedule.runs.values()].reduce((a, b) => a + b, 0)
    expect(total).toBe(78)
    expect(Math.max(...assembly.schedule.runs.values()) - Math.min(...assembly.schedule.runs.values())).toBeLessThanOrEqual(1)
    expect(assembly.findings.filter((f) => f.code === 'requires-order')).toEqual([])
  })

  it('reports coverage: a short support track means joiners miss modules', () => {
    const assembly = runAssembly(readProgram(path.join(root, 'examples', 'matrix-model.yaml')), curriculum, {})
    const support = assembly.coverage.find((t) => t.group === 'support')!
    // Support meets only in weeks 13-16: four of its modules ever run, the rest never.
    const pool = curriculum.modules.filter((m) => m.meta!.group === 'support' && m.meta!.audience.includes('adult')).length
    expect(pool).toBeGreaterThan(4)
    expect(support).toMatchObject({pool, perStay: 4, worstReceived: 4, worstEntryWeek: undefined})
    expect(support.canMiss).toHaveLength(pool - 4)
    const rp = assembly.coverage.find((t) => t.group === 'relapse-prevention')!
    expect(rp.canMiss).toEqual([])
    // Joining mid-cycle, some modules arrive before the ones they require.
    expect(rp.worstEntryWeek).toBeDefined()
    expect(rp.outOfOrder.length).toBeGreaterThan(0)
    for (const pair of rp.outOfOrder) {
      const [module, required] = pair.split('<')
      expect(curriculum.byId.get(module)!.meta!.requires).toContain(required)
    }
  })
})

describe('determinism and the overwrite guard', () => {
  it('gives byte-identical binders for the same inputs', () => {
    const a = runAssembly(readProgram(path.join(root, 'examples', 'matrix-model.yaml')), loadCurriculum([bundledCurriculumDir]), {p: 1})
    const b = runAssembly(readProgram(path.join(root, 'examples', 'matrix-model.yaml')), loadCurriculum([bundledCurriculumDir]), {p: 1})
    expect([...a.files.keys()]).toEqual([...b.files.keys()])
    for (const [name, value] of a.files) expect(b.files.get(name), name).toBe(value)
  })

  it('refuses a non-empty folder it did not write, unless --force; replaces its own binder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-'))
    writeFileSync(path.join(dir, 'notes.txt'), 'precious')
    // The wellness modules alone: each run loads its whole curriculum, and this test is about the folder.
    const wellness = ['--curriculum', libraryGroups('wellness')]
    const args = ['assemble', '--group', 'wellness', '--start', '2027-01-04', '--out', dir, ...wellness]
    const first = io()
    expect(await main(args, first.io)).toBe(2)
    expect(first.err.join('')).toContain('Unexpected folder with files that iop did not write (no curriculum.json)')
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('precious')
    expect(existsSync(path.join(dir, 'index.html'))).toBe(false)

    const own = path.join(dir, 'binder')
    expect(await main(['assemble', '--group', 'wellness', '--start', '2027-01-04', '--out', own, ...wellness], io().io)).toBe(0)
    expect(await main(['assemble', '--group', 'wellness', '--start', '2027-01-11', '--out', own, ...wellness], io().io)).toBe(0)
    expect(JSON.parse(readFileSync(path.join(own, 'curriculum.json'), 'utf8')).program.start).toBe('2027-01-11')
    // A file someone saved inside the binder blocks the next run, so it is not lost.
    writeFileSync(path.join(own, 'sessions', 'my-notes.txt'), 'mine')
    const blocked = io()
    expect(await main(['assemble', '--group', 'wellness', '--start', '2027-01-18', '--out', own, ...wellness], blocked.io)).toBe(2)
    expect(blocked.err.join('')).toContain('Unexpected file `sessions/my-notes.txt` that iop did not write')
    expect(readFileSync(path.join(own, 'sessions', 'my-notes.txt'), 'utf8')).toBe('mine')
    expect(readdirSync(dir).sort()).toEqual(['binder', 'notes.txt'])
    mkdirSync(path.join(dir, 'empty'))
  })
})

describe('program checks and packing edge cases', () => {
  const program = (blocks: string) => `name: X\nstart: 2027-01-04\ndays: 90\nblocks:\n${blocks}`

  it('rejects overlapping blocks, timetables past midnight and unknown groups, each at its line', () => {
    const text = program('  - weeks: [1, 13]\n    meets: [mon, wed]\n    at: "18:00"\n    groups: [{group: relapse-prevention, minutes: 180}]\n  - weeks: [5, 13]\n    meets: [wed]\n    at: "20:00"\n    groups: [{group: suport, minutes: 90}]\n  - weeks: [1, 2]\n    meets: [fri]\n    at: "23:00"\n    groups: [{group: support, minutes: 90}]\n')
    expect(() => parseProgram(text, 'p.yaml', {groups: ['relapse-prevention', 'support']})).toThrow(
      [
        'p.yaml:12:22: Unexpected group `suport`, expected a group type such as `support`',
        'p.yaml:11:9: Unexpected timetable overlapping block 1 (18:00) on wed in weeks 5-13, expected blocks on the same day not to overlap',
        'p.yaml:15:9: Unexpected timetable from 23:00 running past midnight (30 min into the next day), expected it to end by 24:00'
      ].join('\n')
    )
  })

  it('a module longer than the slot waits without stalling its track, and is reported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-long-'))
    mkdirSync(path.join(dir, 'support'))
    const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
    writeFileSync(path.join(dir, 'support', 'a-first.md'), base.replace('id: base', 'id: a-first').replace('minutes: 60', 'minutes: 90').replace('## Topic (20 min)', '## Topic (50 min)'))
    writeFileSync(path.join(dir, 'support', 'b-second.md'), base.replace('id: base', 'id: b-second'))
    writeFileSync(path.join(dir, 'support', 'c-third.md'), base.replace('id: base', 'id: c-third'))
    const small = loadCurriculum([dir])
    const assembly = runAssembly(parseProgram(program('  - weeks: [1, 2]\n    meets: [mon]\n    at: "09:00"\n    groups: [{group: support, minutes: 60}]\n'), 'p.yaml'), small, {})
    expect(assembly.schedule.sessions.map((s) => s.modules.map((m) => m.meta!.id))).toEqual([['b-second'], ['c-third']])
    expect(assembly.findings.find((f) => f.code === 'never-scheduled')?.message).toBe('`a-first` (90 min) never runs: longer than every support slot (60 min at most)')
  })
})

describe('population: modules written for it run first', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-teen-'))
  const write = (id: string, audience: string[]) => {
    mkdirSync(path.join(dir, 'support'), {recursive: true})
    writeFileSync(path.join(dir, 'support', `${id}.md`), moduleText({id, group: 'support', audience}))
  }
  // Ids sort the shared modules first, so only the rule can put the teen ones ahead.
  write('a-shared-one', ['adult', 'adolescent'])
  write('b-shared-two', ['adult', 'adolescent'])
  write('y-teen-one', ['adolescent'])
  write('z-teen-two', ['adolescent'])
  const library = loadCurriculum([dir])
  const program = (population: string) =>
    parseProgram(`name: P\nstart: 2027-01-04\ndays: 28\npopulation: ${population}\nblocks:\n  - weeks: [1, 4]\n    meets: [mon]\n    at: "16:00"\n    groups: [{group: support, minutes: 90}]\n`, 'p.yaml')

  it('an adolescent program starts with the teen-only modules, then the shared ones', () => {
    const {schedule} = runAssembly(program('adolescent'), library, {})
    expect(schedule.sessions.map((s) => s.modules[0].meta!.id)).toEqual(['y-teen-one', 'z-teen-two', 'a-shared-one', 'b-shared-two'])
  })

  it('an adult program never gets a teen-only module', () => {
    const {schedule} = runAssembly(program('adult'), library, {})
    expect(schedule.sessions.map((s) => s.modules[0].meta!.id)).toEqual(['a-shared-one', 'b-shared-two', 'a-shared-one', 'b-shared-two'])
  })
})

describe('binder guides say when and where they run', () => {
  it('each session guide opens with a strip: program, session, weekday and date, clock time, group', () => {
    const program = readProgram(path.join(root, 'examples/evening-program.yaml'))
    const {files} = runAssembly(program, curriculum, {})
    const guide = files.get('sessions/01-2027-01-04/guide.html')!
    const strip = /<section class="session-strip"[^]*?<\/section>/.exec(guide)![0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()
    expect(strip).toBe('Program Evening IOP Session 1 Date Monday 2027-01-04 Time 18:00-19:00 Group Early Recovery Skills')
    // The same modules on another day get that day's strip, not a shared page.
    const second = [...files.keys()].filter((name) => name.endsWith('/guide.html'))
    expect(new Set(second.map((name) => files.get(name))).size).toBe(second.length)
  })
})

describe('the bundled library is deep enough for the evening example (issue 13)', () => {
  it('npm start\'s program repeats no module within a stay in any group type', () => {
    const {findings} = runAssembly(readProgram(path.join(root, 'examples/evening-program.yaml')), curriculum, {})
    expect(findings.map((f) => f.message).filter((m) => /modules repeat/.test(m))).toEqual([])
  })
})

describe('core modules: a stay too short for its track keeps them', () => {
  const library = (coreLast: boolean) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-core-'))
    mkdirSync(path.join(dir, 'support'), {recursive: true})
    const write = (id: string, phase: string, core = false) =>
      writeFileSync(path.join(dir, 'support', `${id}.md`), moduleText({id, group: 'support', phase, ...(core ? {extraFrontmatter: 'core: true'} : {})}))
    write('a-first', 'engagement')
    write('b-second', 'engagement')
    write('c-third', 'early-recovery')
    write('d-plan-before-discharge', 'community-integration', coreLast)
    return loadCurriculum([dir])
  }
  const program = parseProgram('name: P\nstart: 2027-01-04\ndays: 14\nblocks:\n  - weeks: [1, 2]\n    meets: [mon]\n    at: "16:00"\n    groups: [{group: support, minutes: 90}]\n', 'p.yaml')
  const ran = (coreLast: boolean) => runAssembly(program, library(coreLast), {}).schedule.sessions.map((s) => s.modules[0].meta!.id)

  it('without core modules the cut falls at the end of the run order', () => {
    expect(ran(false)).toEqual(['a-first', 'b-second'])
  })

  it('a core module runs, in its place in the run order, and the others fill what is left', () => {
    expect(ran(true)).toEqual(['a-first', 'd-plan-before-discharge'])
  })

  it('the evening example keeps the relapse-prevention core, the recovery plan included', () => {
    const {schedule} = runAssembly(readProgram(path.join(root, 'examples/evening-program.yaml')), curriculum, {})
    const run = new Set(schedule.sessions.flatMap((s) => s.modules.map((m) => m.meta!.id)))
    for (const m of curriculum.modules.filter((m) => m.meta!.core)) expect(run.has(m.meta!.id), m.meta!.id).toBe(true)
    expect(run.has('personal-recovery-plan')).toBe(true)
  })
})
