/**
 * The facts that place a session on the calendar, as people read them:
 * weekday beside the date, clock times, the group's name, room and
 * facilitator. Shared by the packet's cover strip, its running header and
 * the binder PDF, so they always say the same thing.
 */
import {Temporal} from 'temporal-polyfill'
import type {Schedule, Session} from '../schedule/assemble.js'
import {clockTime} from '../render/guide-html.js'

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/**
 * The weekday of a date.
 *
 * @param date `YYYY-MM-DD`.
 * @param short `Mon` rather than `Monday` (default false).
 * @returns The weekday name.
 */
export function weekdayOf(date: string, short = false): string {
  const name = weekdayNames[Temporal.PlainDate.from(date).dayOfWeek - 1]
  return short ? name.slice(0, 3) : name
}

/** A session's facts as text. */
export interface SessionFacts {
  program: string
  /** `Session 12`. */
  session: string
  /** `Monday 2027-01-04`. */
  date: string
  /** `18:00-19:30`. */
  time: string
  group: string
  room?: string
  facilitator?: string
}

/**
 * The facts of one session.
 *
 * @param schedule The schedule (program name, group titles).
 * @param session The session.
 * @returns Text for each fact.
 */
export function sessionFacts(schedule: Schedule, session: Session): SessionFacts {
  return {
    program: schedule.program.name,
    session: `Session ${session.number}`,
    date: `${weekdayOf(session.date)} ${session.date}`,
    time: `${session.start}-${clockTime(session.start, session.minutes)}`,
    group: schedule.groupTitles.get(session.group) ?? session.group,
    ...(session.room ? {room: session.room} : {}),
    ...(session.facilitator ? {facilitator: session.facilitator} : {})
  }
}

/**
 * The running header of a session's printed guide: program, date, time and group.
 *
 * @param facts The session's facts.
 * @returns One line of text.
 */
export function sessionHeaderLine(facts: SessionFacts): string {
  return [facts.program, `${facts.session}`, facts.date, facts.time, facts.group, facts.room].filter(Boolean).join(' · ')
}
