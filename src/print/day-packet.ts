/**
 * One day's packets without a whole binder (`iop packet`): every session
 * with modules on a date, optionally one group's, each starting a page.
 */
import {h} from 'hastscript'
import type {Schedule} from '../schedule/assemble.js'
import {renderPage} from '../render/page.js'
import {UserError} from '../util/user-error.js'
import {packetBody} from './packet-html.js'
import type {Paper, PrintJob} from './print-job.js'
import {sessionFacts, sessionHeaderLine, weekdayOf} from './session-facts.js'

/** Options of {@link dayPacketJob}. */
export interface DayPacketOptions {
  crisis: string
  /** Only this group's session (optional). */
  group?: string
  /** Paper (default Letter). */
  paper?: Paper
  /** Name of the job (default `packet`). */
  name?: string
}

/**
 * The packet of every session on a date, as one page to print.
 *
 * @param schedule The assembled schedule.
 * @param date `YYYY-MM-DD`.
 * @param options Crisis text, group, paper, name.
 * @returns The print job (its `html` is the packet page).
 * @throws {UserError} When no session with modules falls on the date (or is of the group).
 */
export function dayPacketJob(schedule: Schedule, date: string, options: DayPacketOptions): PrintJob {
  const meeting = schedule.sessions.filter((s) => s.modules.length > 0)
  const onDate = meeting.filter((s) => s.date === date)
  if (onDate.length === 0) {
    const dates = [...new Set(meeting.map((s) => s.date))]
    const near = dates.filter((d) => d >= date).slice(0, 2).concat(dates.filter((d) => d < date).slice(-1))
    throw new UserError(`Unexpected --date ${date}: no session of ${schedule.program.name} meets that day, expected a meeting date such as ${near.map((d) => '`' + d + '`').join(', ') || 'one in the program'}`)
  }
  const sessions = options.group ? onDate.filter((s) => s.group === options.group) : onDate
  if (sessions.length === 0) {
    const groups = [...new Set(onDate.map((s) => s.group))]
    throw new UserError(`Unexpected --group ${options.group} on ${date}, expected one of the groups meeting that day: ${groups.map((g) => '`' + g + '`').join(', ')}`)
  }
  const title = `${schedule.program.name}: ${weekdayOf(date)} ${date}`
  // Each session's packet starts a page; its cover names its own time and group.
  const body = sessions.map((session) => h('section.day-session', packetBody(schedule, session, options.crisis)))
  return {
    name: options.name ?? 'packet',
    html: renderPage({title: `Session packet: ${title}`, kind: 'packet', body, paper: options.paper}),
    header: sessions.length === 1 ? sessionHeaderLine(sessionFacts(schedule, sessions[0])) : `${title} · ${sessions.length} sessions`,
    pageNumbers: true
  }
}
