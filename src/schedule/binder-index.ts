/**
 * The binder's `index.html`: program facts, hours per week with compliance
 * marked, findings, coverage, and a calendar by week linking every session.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {addMinutes} from './calendar.js'
import type {Schedule} from './assemble.js'
import type {Finding, WeekHours} from './checks.js'
import type {TrackCoverage} from './coverage.js'

/**
 * Index page body.
 *
 * @returns Body nodes for renderPage.
 */
export function binderIndex(schedule: Schedule, hours: WeekHours[], findings: Finding[], tracks: TrackCoverage[], sessionDir: (n: number) => string): ElementContent[] {
  const {program} = schedule
  const last = schedule.sessions.at(-1)
  const facts: Array<[string, string]> = [
    ['Start', program.start],
    ['Length', `${program.days} days (${Math.ceil(program.days / 7)} weeks)`],
    ['Population', program.population],
    ['ASAM level', program.level],
    ['Sessions', String(schedule.sessions.length)],
    ['Last session', last ? last.date : 'none'],
    ['Holidays', program.holidays.join(', ') || 'none']
  ]
  const byWeek = new Map<number, Schedule['sessions']>()
  for (const s of schedule.sessions) byWeek.set(s.week, [...(byWeek.get(s.week) ?? []), s])

  return [
    h('h1', program.name),
    h('p', 'Program binder. Each module must be reviewed by a licensed clinician before use with clients.'),
    h('dl.facts', facts.flatMap(([t, d]) => [h('dt', t), h('dd', d)])),
    compliance(program.level, program.population, hours),
    h('h2', 'Hours per week'),
    h('table', [
      h('thead', h('tr', [h('th', 'Week'), h('th', 'Hours'), h('th', 'ASAM ' + program.level)])),
      h('tbody', hours.map((w) => h('tr', [h('td', String(w.week)), h('td', String(w.hours)), h('td', {className: [w.status]}, w.status === 'ok' ? 'meets' : w.status === 'under' ? 'under the minimum' : 'over the range')])))
    ]),
    h('h2', 'Findings'),
    findings.length === 0 ? h('p.ok', 'No findings.') : h('ul', findings.map((f) => h('li', {className: [f.severity]}, `${f.severity}: ${f.message}`))),
    h('h2', 'Rolling admission'),
    h('ul', tracks.map((t) => h('li', coverageLine(t)))),
    h('h2', 'Calendar'),
    ...[...byWeek].flatMap(([week, sessions]): Element[] => [
      h('h3', `Week ${week}`),
      h('table.calendar', [
        h('thead', h('tr', [h('th', '#'), h('th', 'Date'), h('th', 'Time'), h('th', 'Group'), h('th', 'Modules'), h('th', 'Pages')])),
        h('tbody', sessions.map((s) => h('tr', [
          h('td', String(s.number)),
          h('td', s.date),
          h('td', `${s.start}-${addMinutes(s.start, s.minutes)}`),
          h('td', s.group),
          h('td', s.modules.length > 0 ? s.modules.map((m) => m.meta!.title).join(' + ') : 'none'),
          h('td', s.modules.length > 0 ? [h('a', {href: `${sessionDir(s.number)}/guide.html`}, 'guide'), ' · ', h('a', {href: `${sessionDir(s.number)}/handout.html`}, 'handouts')] : [])
        ])))
      ])
    ])
  ]
}

/** The one sentence a director needs first: does the schedule meet the level? */
function compliance(level: string, population: string, hours: WeekHours[]): Element {
  const off = hours.filter((w) => w.status !== 'ok')
  if (off.length === 0) return h('p.ok', `Meets ASAM ${level} for ${population}s in every week.`)
  return h('p.under', `Does not meet ASAM ${level} for ${population}s in ${off.length} of ${hours.length} weeks (see Hours per week and Findings).`)
}

/**
 * One line of coverage for a track.
 *
 * @returns Text.
 */
export function coverageLine(t: TrackCoverage): string {
  if (t.pool === 0) return `${t.group}: no modules`
  const parts = [
    t.canMiss.length === 0
      ? `${t.group}: every joiner receives all ${t.pool} modules (${t.perStay} per stay)`
      : `${t.group}: every joiner receives ${t.worstReceived} of ${t.pool} modules; never run, so every joiner misses ${t.canMiss.join(', ')}`
  ]
  const order = t.outOfOrder.map((pair) => pair.replace('<', ' comes before its required ')).join('; ')
  if (t.worstEntryWeek !== undefined) parts.push(`worst entry week ${t.worstEntryWeek}${order ? `, where ${order}` : ''}`)
  else if (order) parts.push(`for every entry, ${order}`)
  return parts.join('; ')
}
