/**
 * A joiner's personal schedule (rolling admission): the sessions from the
 * day a client joins through their stay, as a client handout (dates,
 * weekdays, times, rooms, group names and module titles, with the crisis
 * box) and as a calendar of the same events with the program calendar's
 * UIDs. A stay is the program's length from the join date; sessions exist
 * only inside the program period, so the list ends at the period's last
 * day, and the page says when the stay runs past it. No name field: the
 * page is the same for everyone who joins that day.
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {defaultCrisisText} from '../config/defaults.js'
import {renderPage} from '../render/page.js'
import type {Schedule, Session} from '../schedule/assemble.js'
import {addMinutes, lastDay, plainDate} from '../schedule/calendar.js'
import {calendarEvents, type CalendarEvent, type CalendarRecord} from '../schedule/calendar-events.js'
import {slug} from '../schedule/build-binder.js'
import {scheduleIcs} from '../schedule/ics.js'
import {UserError} from '../util/user-error.js'
import {weekday} from './form-session.js'

/** Options of a joiner's schedule: crisis text and calendar revisions, nothing about the person. */
export interface JoinerOptions {
  /** Crisis resources text (default: the US default). */
  crisis?: string
  /** Calendar records of the program's binder, so each event's SEQUENCE matches it (optional). */
  previous?: readonly CalendarRecord[]
}

/** A joiner's schedule. */
export interface JoinerSchedule {
  /** The join date, `YYYY-MM-DD`. */
  join: string
  /** Last day listed: the end of the stay or of the program period, whichever is first. */
  until: string
  /** True when the stay runs past the program period. */
  pastPeriod: boolean
  sessions: Session[]
  /** The program calendar's events for those sessions (same UIDs). */
  events: CalendarEvent[]
  /** The one-page client handout. */
  html: string
  /** iCalendar text of the same events. */
  ics: string
}

/**
 * The schedule of a client who joins on a date.
 *
 * @param schedule The program's schedule.
 * @param join The join date, `YYYY-MM-DD`, inside the program period.
 * @param options Crisis text and previous calendar records (optional).
 * @returns Sessions, events, the handout and the calendar.
 * @throws {UserError} When the date is not a date in the program period, or for an unknown option (such as a name).
 */
export function joinerSchedule(schedule: Schedule, join: string, options: JoinerOptions = {}): JoinerSchedule {
  const unknown = Object.keys(options ?? {}).filter((key) => key !== 'crisis' && key !== 'previous')
  if (unknown.length > 0) throw new UserError(`Unexpected option ${unknown.map((k) => '`' + k + '`').join(', ')}, expected only crisis or previous (a joiner's schedule is the same for everyone: iop takes no client information)`)
  const {program} = schedule
  const day = plainDate(join, '--join date').toString()
  const last = lastDay(program)
  if (day < program.start || day > last) throw new UserError(`Unexpected --join ${join}, expected a date in the program period, ${program.start} to ${last}`)
  const stayEnd = plainDate(day).add({days: program.days - 1}).toString()
  const until = stayEnd < last ? stayEnd : last
  const sessions = schedule.sessions.filter((s) => s.date >= day && s.date <= until)
  const keys = new Set(sessions.map((s) => `${s.date} ${s.start} ${s.group}`))
  const events = calendarEvents(schedule, slug(program.name), options.previous).filter((e) => e.status === 'confirmed' && e.date >= day && e.date <= until)
  // Each session has exactly one event: the same key makes the same UID.
  if (events.length !== keys.size) throw new Error('joiner events do not match sessions')
  const pastPeriod = stayEnd > last
  const html = joinerHtml(schedule, day, until, pastPeriod, sessions, options.crisis ?? defaultCrisisText)
  return {join: day, until, pastPeriod, sessions, events, html, ics: scheduleIcs(program, events)}
}

function joinerHtml(schedule: Schedule, join: string, until: string, pastPeriod: boolean, sessions: Session[], crisis: string): string {
  const {program} = schedule
  const byDate = new Map<string, Session[]>()
  for (const s of sessions) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s])
  const rooms = sessions.some((s) => s.room)
  const title = `Your group schedule from ${join}`
  const body: ElementContent[] = [
    h('section.joiner', [
      h('h1', 'Your group schedule'),
      h('p', [h('strong', program.name), ` · from ${weekday(join)} ${join} to ${weekday(until)} ${until}`]),
      ...(program.location ? [h('p', `Where: ${program.location}`)] : []),
      h('p', `You have ${sessions.length} group sessions on ${byDate.size} days. Each row is one day.`),
      h('table.joiner-days', [
        h('thead', h('tr', [h('th', 'Date'), h('th', 'Groups')])),
        h('tbody', [...byDate].map(([date, list]) => h('tr', [
          h('td.date', [h('strong', weekday(date)), h('br'), date]),
          h('td', h('ul.day', list.map((s) => h('li', [
            h('span.time', `${s.start}-${addMinutes(s.start, s.minutes)}`),
            ` ${schedule.groupTitles.get(s.group) ?? s.group}: `,
            s.modules.length > 0 ? s.modules.map((m) => m.meta!.title).join(' and ') : 'topic to be announced',
            ...(rooms && s.room ? [` (room: ${s.room})`] : [])
          ]))))
        ])))
      ]),
      ...(pastPeriod ? [h('p', `This list ends on ${until}, the last day of this program period. Ask staff for your dates after that.`)] : []),
      h('p', 'Plans can change. Staff will tell you about any change.'),
      h('footer.crisis', {role: 'note'}, crisis)
    ])
  ]
  return renderPage({title, kind: 'form', body})
}
