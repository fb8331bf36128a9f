/**
 * The binder's `index.html`: the verdict and its findings first (as the
 * assembly computed them, judged nowhere else), then program facts, hours
 * per week with partial weeks marked, coverage, and a calendar by week
 * linking every session.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {addMinutes, plainDate, splitHolidays} from './calendar.js'
import type {Schedule} from './assemble.js'
import type {WeekHours} from './checks.js'
import type {TrackCoverage} from './coverage.js'
import type {Verdict} from './verdict.js'

/**
 * Index page body.
 *
 * @param schedule The schedule.
 * @param verdict The assembly's verdict, shown as is.
 * @param tracks Rolling-admission coverage.
 * @param sessionDir A session's folder in the binder.
 * @returns Body nodes for renderPage.
 */
export function binderIndex(schedule: Schedule, verdict: Verdict, tracks: TrackCoverage[], sessionDir: (n: number) => string): ElementContent[] {
  const {program} = schedule
  const last = schedule.sessions.at(-1)
  const closedDays = splitHolidays(program).closed
  const facts: Array<[string, string]> = [
    ['Start', program.start],
    ['Length', `${program.days} days (${Math.ceil(program.days / 7)} weeks)`],
    ['Population', program.population],
    ['ASAM level', program.level],
    ['Sessions', String(schedule.sessions.length)],
    ['Last session', last ? last.date : 'none'],
    ['Closed days', closedDays.join(', ') || 'none'],
    ...(program.location ? [['Location', program.location] as [string, string]] : []),
    ['Time zone', program.timezone ?? 'none (times are local to the program)']
  ]
  const byWeek = new Map<number, Schedule['sessions']>()
  for (const s of schedule.sessions) byWeek.set(s.week, [...(byWeek.get(s.week) ?? []), s])
  // A week closed all through still shows, with its closed days.
  for (const day of closedDays) if (!byWeek.has(weekOf(program.start, day))) byWeek.set(weekOf(program.start, day), [])
  const staffed = schedule.sessions.some((s) => s.room || s.facilitator)

  return [
    h('h1', program.name),
    h('p', {className: ['verdict', verdict.meets ? 'ok' : 'fails']}, verdict.headline),
    h('h2', 'Findings'),
    verdict.findings.length === 0 ? h('p.ok', 'No findings.') : h('ul.findings', verdict.findings.map((f) => h('li', {className: [f.severity]}, `${f.severity}: ${f.message}`))),
    h('p', 'Program binder. Each module must be reviewed by a licensed clinician before use with clients.'),
    h('dl.facts', facts.flatMap(([t, d]) => [h('dt', t), h('dd', d)])),
    h('h2', 'Hours per week'),
    h('p', 'Scheduled group hours in each program week (7 days from the start date). A partial week, with fewer than 7 days of the program period, is shown with its hours and not judged against the weekly minimum.'),
    h('table.hours', [
      h('thead', h('tr', [h('th', 'Week'), h('th', 'Days'), h('th', 'Hours'), h('th', 'ASAM ' + program.level)])),
      h('tbody', verdict.weeks.map((w) => h('tr', [h('td', String(w.week)), h('td', String(w.days)), h('td', String(w.hours)), h('td', {className: [w.status]}, weekStatus(w))])))
    ]),
    h('h2', 'Rolling admission'),
    h('ul', tracks.map((t) => h('li', coverageLine(t)))),
    h('h2', 'Calendar'),
    // A week (heading and table) is one block, so print keeps it on one page where it fits.
    ...[...byWeek].sort(([a], [b]) => a - b).map(([week, sessions]): Element => h('section.week', [
      h('h3', `Week ${week}`),
      h('table.calendar', [
        h('thead', h('tr', [h('th', '#'), h('th', 'Date'), h('th', 'Time'), h('th', 'Group'), h('th', 'Modules'), ...(staffed ? [h('th', 'Room'), h('th', 'Facilitator')] : []), h('th', 'Pages')])),
        h('tbody', rowsByDate(program.start, week, sessions, closedDays).map((s) => typeof s === 'string'
          ? h('tr.closed', [h('td'), h('td.date', dayAndDate(s)), h('td', {colSpan: staffed ? 6 : 4}, 'Closed (holiday)')])
          : h('tr', [
            h('td', String(s.number)),
            h('td.date', dayAndDate(s.date)),
            h('td.date', `${s.start}-${addMinutes(s.start, s.minutes)}`),
            h('td', schedule.groupTitles.get(s.group) ?? s.group),
            h('td', s.modules.length > 0 ? s.modules.map((m) => m.meta!.title).join(' + ') : 'none'),
            ...(staffed ? [h('td', s.room ?? ''), h('td', s.facilitator ?? '')] : []),
            h('td', s.modules.length > 0 ? [h('a', {href: `${sessionDir(s.number)}/guide.html`}, 'guide'), ' · ', h('a', {href: `${sessionDir(s.number)}/handout.html`}, 'handouts'), ...formLinks(sessionDir(s.number))] : [])
          ])))
      ])
    ]))
  ]
}

/** Links to a session's forms (src/forms/build-forms.ts names the files). */
function formLinks(dir: string): Array<Element | string> {
  return [['fidelity.html', 'fidelity'], ['note.html', 'note'], ['note.txt', 'note (text)'], ['sign-in.html', 'sign-in']].flatMap(([file, label]) => [' · ', h('a', {href: `${dir}/${file}`}, label)])
}

/** `Mon 2027-01-04`: the weekday beside the date. */
function dayAndDate(date: string): string {
  return `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][plainDate(date).dayOfWeek - 1]} ${date}`
}

/** Program week of a date (7 days from the start, from 1). */
function weekOf(start: string, day: string): number {
  return Math.floor((Date.parse(day + 'T00:00:00Z') - Date.parse(start + 'T00:00:00Z')) / 86_400_000 / 7) + 1
}

/** A week's sessions and closed days (as date strings), in date order. */
function rowsByDate(start: string, week: number, sessions: Schedule['sessions'], closed: string[]): Array<Schedule['sessions'][number] | string> {
  const rows: Array<Schedule['sessions'][number] | string> = [...sessions, ...closed.filter((day) => weekOf(start, day) === week)]
  const date = (row: (typeof rows)[number]) => (typeof row === 'string' ? row : row.date)
  return rows.sort((a, b) => date(a).localeCompare(date(b)))
}

/** A week's status in words, so nothing rests on colour alone. */
function weekStatus(week: WeekHours): string {
  const partial = week.partial ? `partial (${week.days} days), ` : ''
  if (week.status === 'partial') return `${partial}not judged`
  if (week.status === 'over') return `${partial}over the range`
  return week.status === 'ok' ? 'meets' : 'under the minimum'
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
