/**
 * What a form knows about a session: program facts from the program file
 * (name, date, time, length, group, room, facilitator) and the modules. All
 * of it is curriculum and staffing; nothing about a person in treatment.
 * Without a schedule (a form for one module) the date and time stay blank.
 */
import type {SessionModule} from '../module/parse-module.js'
import type {Schedule, Session} from '../schedule/assemble.js'
import {addMinutes} from '../schedule/calendar.js'

/** A session as forms print it. */
export interface FormSession {
  /** Program name, when the form is for a scheduled session. */
  program?: string
  /** `YYYY-MM-DD`, when scheduled. */
  date?: string
  /** Start time `HH:MM`, when scheduled. */
  start?: string
  minutes: number
  /** Group display name. */
  group: string
  room?: string
  /** A staff role or name from the program file. */
  facilitator?: string
  modules: readonly SessionModule[]
}

/**
 * The form view of a scheduled session.
 *
 * @param schedule The schedule (program name, group titles).
 * @param session One of its sessions.
 * @returns The session as forms print it.
 */
export function scheduledSession(schedule: Schedule, session: Session): FormSession {
  return {
    program: schedule.program.name,
    date: session.date,
    start: session.start,
    minutes: session.minutes,
    group: schedule.groupTitles.get(session.group) ?? session.group,
    ...(session.room && {room: session.room}),
    ...(session.facilitator && {facilitator: session.facilitator}),
    modules: session.modules
  }
}

/**
 * The form view of one module outside a schedule.
 *
 * @param module A valid module.
 * @param groupTitle The display name of its group.
 * @returns A session with no program, date or time.
 */
export function moduleSession(module: SessionModule, groupTitle: string): FormSession {
  return {minutes: module.meta!.minutes, group: groupTitle, modules: [module]}
}

/** Weekday names, Monday first. */
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/**
 * The weekday of a date, in words.
 *
 * @param date `YYYY-MM-DD`.
 * @returns Such as `Monday`.
 */
export function weekday(date: string): string {
  return weekdayNames[(new Date(date + 'T00:00:00Z').getUTCDay() + 6) % 7]
}

/**
 * The facts every form heads with, as label and value; a value of `''` is a
 * line left blank for staff to write on.
 *
 * @param session The session.
 * @returns Label-value pairs.
 */
export function sessionFacts(session: FormSession): Array<[string, string]> {
  return [
    ['Program', session.program ?? ''],
    ['Date', session.date ? `${weekday(session.date)} ${session.date}` : ''],
    ['Time', session.start ? `${session.start}-${addMinutes(session.start, session.minutes)}` : ''],
    ['Length', `${session.minutes} min`],
    ['Group', session.group],
    ...(session.room ? [['Room', session.room] as [string, string]] : []),
    ['Facilitator', session.facilitator ?? '']
  ]
}
