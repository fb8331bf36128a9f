/**
 * Program files that describe a real clinic: location, room and
 * facilitator in the binder, CSV and calendar; holidays outside the period
 * as warnings; closed days in the binder's calendar; the session cap.
 */
import {describe, expect, it} from 'vitest'
import {assemble} from '../src/schedule/assemble.js'
import {countSlots, layOutSlots} from '../src/schedule/calendar.js'
import {maxSessions} from '../src/schedule/program-limits.js'
import {parseProgram} from '../src/schedule/read-program.js'
import {runAssembly} from '../src/schedule/run-assembly.js'
import {bundledLibrary} from './helpers/bundled-library.js'

const curriculum = bundledLibrary()

/** RFC 4180 rows as objects keyed by the header (quoted fields, doubled quotes). */
function parseCsv(text: string): Array<Record<string, string>> {
  const rows = text.trimEnd().split('\r\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1))
  return rows.slice(1).map((row) => Object.fromEntries(rows[0].map((name, i) => [name, row[i]])))
}

const clinic = [
  'name: Clinic IOP',
  'start: 2027-01-04',
  'days: 21',
  'location: 123 Main St',
  'holidays: [2027-01-06, 2027-01-11, 2027-01-12, 2027-01-13, 2027-01-14, 2027-01-15, 2026-12-25, 2028-01-01]',
  'blocks:',
  '  - weeks: [1, 3]',
  '    meets: [mon, wed]',
  '    at: "18:00"',
  '    room: Room 2',
  '    facilitator: Lead counselor',
  '    groups:',
  '      - {group: relapse-prevention, minutes: 90}',
  '      - {group: support, minutes: 90, room: Group room B, facilitator: Peer specialist}',
  ''
].join('\n')

describe('location, room and facilitator', () => {
  const assembly = runAssembly(parseProgram(clinic, 'p.yaml'), curriculum, {})

  it('reach every session from the block, with the group entry overriding it', () => {
    const slots = assembly.schedule.sessions.map((s) => [s.group, s.room, s.facilitator])
    expect(new Set(slots.map((s) => s.join('|')))).toEqual(new Set(['relapse-prevention|Room 2|Lead counselor', 'support|Group room B|Peer specialist']))
  })

  it('appear in the CSV, which also gains weekday, week, group name and module titles at the end', () => {
    const rows = parseCsv(assembly.files.get('schedule.csv')!)
    expect(Object.keys(rows[0])).toEqual(['session', 'date', 'start', 'end', 'group', 'module_ids', 'minutes', 'unfilled_minutes', 'weekday', 'week', 'group_name', 'module_titles', 'room', 'facilitator'])
    expect(rows).toHaveLength(assembly.schedule.sessions.length)
    for (const [index, row] of rows.entries()) {
      const session = assembly.schedule.sessions[index]
      expect(row.weekday).toBe(new Date(session.date + 'T00:00:00Z').getUTCDay() === 1 ? 'mon' : 'wed')
      expect(row.week).toBe(String(session.week))
      expect(row.module_titles).toBe(session.modules.map((m) => m.meta!.title).join('; '))
      expect([row.room, row.facilitator]).toEqual([session.room, session.facilitator])
    }
    expect(rows[1]).toMatchObject({group: 'support', group_name: 'Support', room: 'Group room B', facilitator: 'Peer specialist'})
  })

  it('appear in the binder calendar, with group names, not ids', () => {
    const html = assembly.files.get('index.html')!
    expect(html).toContain('<th>Room</th><th>Facilitator</th>')
    expect(html).toContain('<td>Group room B</td><td>Peer specialist</td>')
    expect(html).toContain('<td>Relapse Prevention</td>')
    expect(html).not.toContain('<td>relapse-prevention</td>')
    expect(html).toContain('<dt>Location</dt><dd>123 Main St</dd>')
  })

  it('refuses a room or facilitator of more than one line', () => {
    expect(() => parseProgram(clinic.replace('room: Room 2', 'room: "Room 2\\nSecond line"'), 'p.yaml')).toThrow(/^p\.yaml:10:11: Unexpected value at `blocks\.0\.room`, expected one line of text/)
  })
})

describe('holidays and closed days', () => {
  const assembly = runAssembly(parseProgram(clinic, 'p.yaml'), curriculum, {})
  const html = assembly.files.get('index.html')!

  it('a holiday outside the program period is a warning naming it, not a closed day', () => {
    const warning = assembly.findings.filter((f) => f.code === 'holiday-outside')
    expect(warning.map((f) => [f.severity, f.message])).toEqual([['warning', 'holidays 2026-12-25, 2028-01-01 are outside the program period (2027-01-04 to 2027-01-24) and close nothing']])
    expect(html).toContain('<dt>Closed days</dt><dd>2027-01-06, 2027-01-11, 2027-01-12, 2027-01-13, 2027-01-14, 2027-01-15</dd>')
    expect(html).not.toMatch(/<dd>[^<]*2026-12-25/)
  })

  it('closed days appear in the binder calendar as closed, in date order, even in a week with no session', () => {
    expect(html).toContain('<tr class="closed"><td></td><td class="date">Wed 2027-01-06</td><td colspan="6">Closed (holiday)</td></tr>')
    const week2 = html.slice(html.indexOf('<h3>Week 2</h3>'), html.indexOf('<h3>Week 3</h3>'))
    expect(week2.match(/Closed \(holiday\)/g)).toHaveLength(5)
    expect(week2).not.toContain('guide.html')
    const week1 = html.slice(html.indexOf('<h3>Week 1</h3>'), html.indexOf('<h3>Week 2</h3>'))
    expect(week1.indexOf('2027-01-04')).toBeLessThan(week1.indexOf('2027-01-06'))
  })
})

describe('the session cap', () => {
  // Ten-minute groups all day, every day: the unbounded program of the issue.
  const slots = (n: number) => Array.from({length: n}, () => '{group: support, minutes: 10}').join(', ')
  const big = (days: number, perDay: number) => `name: Big\nstart: 2027-01-04\ndays: ${days}\nblocks:\n  - weeks: [1, 105]\n    meets: [mon, tue, wed, thu, fri, sat, sun]\n    at: "00:00"\n    groups: [${slots(perDay)}]\n`

  it('refuses a program over the cap before assembly, at `days`, naming the count', () => {
    expect(() => parseProgram(big(731, 48), 'big.yaml')).toThrow('big.yaml:3:7: Unexpected program of 35,088 sessions, expected at most 3,000 (shorten `days`, or meet on fewer days or with fewer groups)')
    // The library guards programs built in code too.
    const unchecked = {...parseProgram(big(60, 48), 'ok.yaml'), days: 731}
    expect(() => assemble(unchecked, curriculum)).toThrow('Unexpected program of 35,088 sessions, expected at most 3,000')
  })

  it('takes a program of exactly the cap, and counts as layOutSlots lays out', () => {
    const program = parseProgram(big(600, 5), 'edge.yaml')
    expect(countSlots(program)).toBe(maxSessions)
    expect(layOutSlots(program)).toHaveLength(maxSessions)
    expect(() => parseProgram(big(601, 5), 'edge.yaml')).toThrow(/edge\.yaml:3:7: Unexpected program of 3,005 sessions/)
    const holidays = parseProgram(big(30, 3).replace('blocks:', 'holidays: [2027-01-05, 2027-01-09]\nblocks:'), 'h.yaml')
    expect(countSlots(holidays)).toBe(layOutSlots(holidays).length)
    expect(countSlots(holidays)).toBe(28 * 3)
  })

  it('bounds blocks, groups per block and holidays', () => {
    const blocks = Array.from({length: 101}, () => '  - {weeks: [1, 1], meets: [mon], at: "09:00", groups: [{group: support, minutes: 10}]}').join('\n')
    expect(() => parseProgram(`name: X\nstart: 2027-01-04\ndays: 7\nblocks:\n${blocks}\n`, 'b.yaml')).toThrow(/b\.yaml:5:3: Unexpected value at `blocks`, expected at most 100 items/)
    expect(() => parseProgram(big(7, 49), 'g.yaml')).toThrow(/Unexpected value at `blocks\.0\.groups`, expected at most 48 items/)
    const many = Array.from({length: 1001}, () => '2027-01-05').join(', ')
    expect(() => parseProgram(big(7, 1).replace('blocks:', `holidays: [${many}]\nblocks:`), 'h.yaml')).toThrow(/Unexpected value at `holidays`, expected at most 1000 items/)
  })
})
