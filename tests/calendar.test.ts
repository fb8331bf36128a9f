/**
 * schedule.ics: read back by an independent parser (Mozilla's ical.js);
 * UIDs say what an event is, so they survive an added holiday; SEQUENCE and
 * STATUS:CANCELLED revise the previous binder's events; time zones carry a
 * VTIMEZONE that ical.js resolves to the right instant.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {assemble} from '../src/schedule/assemble.js'
import {calendarEvents, calendarRecords, eventUid, type CalendarRecord} from '../src/schedule/calendar-events.js'
import {scheduleIcs} from '../src/schedule/ics.js'
import {parseProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import type {Io} from '../src/util/io.js'
import {bundledLibrary} from './helpers/bundled-library.js'
import {libraryGroups} from './helpers/library-groups.js'

const curriculum = bundledLibrary()

/** A 13-week program with two blocks, three groups on Mondays and Wednesdays. */
function programText(extra = '', holidays: string[] = []): string {
  return [
    'name: Evening IOP',
    'start: 2027-01-04',
    'days: 91',
    `holidays: [${holidays.join(', ')}]`,
    extra,
    'blocks:',
    '  - weeks: [1, 13]',
    '    meets: [mon, wed]',
    '    at: "18:00"',
    '    room: Room 2',
    '    facilitator: Lead counselor',
    '    groups:',
    '      - {group: relapse-prevention, minutes: 90}',
    '      - {group: support, minutes: 90, room: Group room B}',
    '  - weeks: [1, 13]',
    '    meets: [fri]',
    '    at: "17:00"',
    '    groups: [{group: psychoeducation, minutes: 90}]',
    ''
  ].filter((line) => line !== '').join('\n')
}

/** Events and calendar text of a program, revised against `previous`. */
function calendarOf(text: string, previous: CalendarRecord[] = []) {
  const program = parseProgram(text, 'p.yaml')
  const schedule = assemble(program, curriculum)
  const events = calendarEvents(schedule, 'evening-iop', previous)
  return {schedule, events, records: calendarRecords(events, program.timezone), ics: scheduleIcs(program, events)}
}

/** ical.js's reading of a calendar: its events by UID, after registering its time zones. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
  return {calendar, events, byUid: new Map(events.map((e) => [e.uid, e]))}
}

const key = (s: {date: string; start: string; group: string}) => `${s.date} ${s.start} ${s.group}`

describe('schedule.ics read back by ical.js', () => {
  it('round-trips every event: UID, times, readable title, location, description, sequence, status', () => {
    const {events, ics, schedule} = calendarOf(programText('location: 123 Main St, Springfield'))
    const read = parse(ics)
    expect(read.events).toHaveLength(events.length)
    expect(events).toHaveLength(schedule.sessions.length)
    expect(new Set(read.events.map((e) => e.uid)).size).toBe(events.length)
    expect(read.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Evening IOP')
    expect(read.calendar.getFirstPropertyValue('name')).toBe('Evening IOP')
    for (const [index, event] of events.entries()) {
      const back = read.events[index]
      const session = schedule.sessions[index]
      expect(back.uid).toBe(eventUid('evening-iop', session.date, session.start, session.group))
      expect(back.summary).toBe(event.summary)
      expect(back.description).toBe(event.description)
      expect(back.location).toBe(event.location)
      expect(back.sequence).toBe(0)
      expect(back.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
      expect(back.startDate.toString()).toBe(`${session.date}T${session.start}:00`)
      expect(back.duration.toSeconds()).toBe(session.minutes * 60)
      // Floating: no zone, so the clock time is the program's own.
      expect(back.startDate.zone.tzid).toBe('floating')
    }
    const first = read.events[0]
    expect(first.summary).toBe(`Relapse Prevention: ${schedule.sessions[0].modules.map((m) => m.meta!.title).join(' + ')}`)
    expect(first.location).toBe('Room 2, 123 Main St, Springfield')
    expect(first.description).toContain('Facilitator: Lead counselor')
    // The group entry's room wins over its block's.
    expect(read.events[1].location).toBe('Group room B, 123 Main St, Springfield')
    expect(read.events[1].summary).toMatch(/^Support: /)
    expect(ics).not.toContain('VTIMEZONE')
    expect(ics).toContain('DTSTAMP:20270104T000000Z')
  })

  it('keeps a program name with a line break on one calendar line', () => {
    const {ics, events} = calendarOf(programText().replace('name: Evening IOP', 'name: "Evening\\r\\nBEGIN:VEVENT\\r\\nUID:x"'))
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(events.length)
    expect(ics).toMatch(/^NAME:Evening BEGIN:VEVENT UID:x\r$/m)
    expect(parse(ics).calendar.getFirstPropertyValue('x-wr-calname')).toBe('Evening BEGIN:VEVENT UID:x')
  })
})

describe('UIDs survive a re-assembly', () => {
  it('one added holiday keeps the UID of every event whose date, time and group did not change', () => {
    const before = calendarOf(programText())
    const after = calendarOf(programText('', ['2027-02-15']), before.records)
    const old = new Map(before.schedule.sessions.map((s, i) => [key(s), before.events[i].uid]))
    const live = after.events.filter((e) => e.status === 'confirmed')
    expect(live).toHaveLength(after.schedule.sessions.length)
    for (const [index, session] of after.schedule.sessions.entries()) expect(live[index].uid).toBe(old.get(key(session)))
    // Only the holiday's two sessions left; all of the rest kept their UID.
    expect(before.events.length - live.length).toBe(2)

    const read = parse(after.ics)
    const cancelled = read.events.filter((e) => e.component.getFirstPropertyValue('status') === 'CANCELLED')
    expect(cancelled.map((e) => e.startDate.toString())).toEqual(['2027-02-15T18:00:00', '2027-02-15T19:30:00'])
    expect(cancelled.every((e) => e.sequence === 1)).toBe(true)

    // An event whose content is unchanged keeps SEQUENCE 0; one whose modules
    // moved (its track lost a slot) gets SEQUENCE 1.
    const previous = parse(before.ics).byUid
    let changed = 0
    for (const event of read.events.filter((e) => e.component.getFirstPropertyValue('status') === 'CONFIRMED')) {
      const was = previous.get(event.uid)!
      const same = was.summary === event.summary && was.description === event.description
      expect(event.sequence, event.uid).toBe(same ? 0 : 1)
      if (!same) changed++
    }
    expect(changed).toBeGreaterThan(0)
    expect(changed).toBeLessThan(live.length)
  })

  it('holds for any set of added holidays (property)', () => {
    const base = calendarOf(programText())
    const old = new Map(base.schedule.sessions.map((s, i) => [key(s), base.events[i].uid]))
    const day = fc.integer({min: 0, max: 90}).map((offset) => new Date(Date.UTC(2027, 0, 4 + offset)).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.uniqueArray(day, {maxLength: 6}), (holidays) => {
        const next = calendarOf(programText('', holidays), base.records)
        const live = next.events.filter((e) => e.status === 'confirmed')
        const uids = next.events.map((e) => e.uid)
        expect(new Set(uids).size).toBe(uids.length)
        next.schedule.sessions.forEach((session, index) => expect(live[index].uid).toBe(old.get(key(session))))
        // Every event of the previous binder is still there, live or cancelled.
        for (const uid of old.values()) expect(uids).toContain(uid)
        const gone = next.events.filter((e) => e.status === 'cancelled')
        expect(gone.every((e) => holidays.includes(e.date) && e.sequence === 1)).toBe(true)
      }),
      {numRuns: 25}
    )
  })

  it('a re-run with the same inputs gives the same bytes; a removed holiday restores its events at the next SEQUENCE', () => {
    const first = calendarOf(programText())
    const again = calendarOf(programText(), first.records)
    expect(again.ics).toBe(first.ics)
    const closed = calendarOf(programText('', ['2027-02-15']), first.records)
    const closedAgain = calendarOf(programText('', ['2027-02-15']), closed.records)
    expect(closedAgain.ics).toBe(closed.ics)
    const reopened = calendarOf(programText(), closed.records)
    const monday = reopened.events.filter((e) => e.date === '2027-02-15')
    expect(monday.map((e) => [e.status, e.sequence])).toEqual([['confirmed', 2], ['confirmed', 2]])
  })

  it('does not cancel events of a previous program period (a new cohort in the same folder)', () => {
    const spring = calendarOf(programText())
    const summer = calendarOf(programText().replace('start: 2027-01-04', 'start: 2027-06-07'), spring.records)
    expect(summer.events.filter((e) => e.status === 'cancelled')).toEqual([])
    expect(summer.events.every((e) => e.sequence === 0)).toBe(true)
  })

  it('iop assemble reads the previous binder in --out and publishes the dropped events as cancelled', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-cal-'))
    const out = path.join(dir, 'binder')
    // The program's three groups alone: each run loads its whole curriculum.
    const curriculum = libraryGroups('relapse-prevention', 'support', 'psychoeducation')
    const run = async (holidays: string[]) => {
      writeFileSync(path.join(dir, 'p.yaml'), programText('', holidays))
      const io: Io = {stdout: () => {}, stderr: () => {}, cwd: dir}
      // 1 when a holiday leaves a week under the minimum; the binder is written either way.
      expect([0, 1]).toContain(await main(['assemble', '--program', 'p.yaml', '--out', out, '--curriculum', curriculum], io))
      return readFileSync(path.join(out, 'schedule.ics'), 'utf8')
    }
    const before = parse(await run([]))
    const after = parse(await run(['2027-02-17']))
    expect([...after.byUid.keys()].filter((uid) => !before.byUid.has(uid))).toEqual([])
    const cancelled = after.events.filter((e) => e.component.getFirstPropertyValue('status') === 'CANCELLED')
    expect(cancelled.map((e) => e.uid)).toEqual([eventUid('evening-iop', '2027-02-17', '18:00', 'relapse-prevention'), eventUid('evening-iop', '2027-02-17', '19:30', 'support')])
    const manifest = JSON.parse(readFileSync(path.join(out, 'curriculum.json'), 'utf8'))
    expect(manifest.calendar.events.filter((e: CalendarRecord) => e.status === 'cancelled')).toHaveLength(2)
  })
})

describe('time zones', () => {
  it('zones every time with a VTIMEZONE that ical.js resolves to the right instant, across daylight saving', () => {
    const text = programText('timezone: America/Chicago').replace('days: 91', 'days: 200').replaceAll('weeks: [1, 13]', 'weeks: [1, 29]')
    const {ics, schedule} = calendarOf(text)
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Chicago\r\n')
    expect(ics).toContain('DTSTART;TZID=America/Chicago:20270104T180000')
    expect(ics).toContain('X-WR-TIMEZONE:America/Chicago')
    // DTSTAMP stays UTC (RFC 5545 3.8.7.2).
    expect(ics).toContain('DTSTAMP:20270104T000000Z')
    const read = parse(ics)
    const at = (date: string, time: string) => read.events.find((e) => e.startDate.toString() === `${date}T${time}:00`)!
    // 18:00 CST (UTC-6) in January, 18:00 CDT (UTC-5) in July.
    expect(at('2027-01-04', '18:00').startDate.zone.tzid).toBe('America/Chicago')
    expect(at('2027-01-04', '18:00').startDate.toJSDate().toISOString()).toBe('2027-01-05T00:00:00.000Z')
    expect(at('2027-07-05', '18:00').startDate.toJSDate().toISOString()).toBe('2027-07-05T23:00:00.000Z')
    expect(read.events).toHaveLength(schedule.sessions.length)
  })

  it('uses current zone rules: Mexico City has had no daylight saving time since 2022', () => {
    const {ics} = calendarOf(programText('timezone: America/Mexico_City'))
    const read = parse(ics)
    const july = calendarOf(programText('timezone: America/Mexico_City').replace('start: 2027-01-04', 'start: 2027-07-05'))
    expect(read.events[0].startDate.toJSDate().toISOString()).toBe('2027-01-05T00:00:00.000Z')
    expect(parse(july.ics).events[0].startDate.toJSDate().toISOString()).toBe('2027-07-06T00:00:00.000Z')
  })

  it('refuses an unknown time zone at its line, with the closest names', () => {
    expect(() => parseProgram(programText('timezone: America/Chicgo'), 'p.yaml')).toThrow(/^p\.yaml:5:11: Unexpected time zone `America\/Chicgo`, expected an IANA time zone such as `America\/Chicago`/)
    expect(() => parseProgram(programText('timezone: Central'), 'p.yaml')).toThrow(/^p\.yaml:5:11: Unexpected time zone `Central`/)
    expect(() => parseProgram(programText('timezone: "America/Chicago\\nX"'), 'p.yaml')).toThrow(/^p\.yaml:5:11: Unexpected value at `timezone`, expected an IANA time zone/)
  })

  it('runAssembly writes the zone into the binder and the manifest', () => {
    const assembly = runAssembly(parseProgram(programText('timezone: America/Chicago'), 'p.yaml'), curriculum, {})
    expect(assembly.files.get('schedule.ics')).toContain('TZID=America/Chicago')
    expect(JSON.parse(assembly.files.get('curriculum.json')!).program.timezone).toBe('America/Chicago')
    expect(assembly.files.get('index.html')).toContain('America/Chicago')
  })
})
