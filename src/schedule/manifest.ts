/**
 * `curriculum.json`: what was scheduled, with each module's version and
 * content hash, so a program can later prove what was delivered on a date.
 * It also marks a folder as a binder this tool wrote (the overwrite guard),
 * and records the assembly's verdict as every other output shows it.
 */
import type {Schedule} from './assemble.js'
import type {CalendarRecord} from './calendar-events.js'
import type {Verdict} from './verdict.js'

/** Name of the manifest file in a binder. */
export const manifestName = 'curriculum.json'

/**
 * The manifest object.
 *
 * @param schedule The schedule.
 * @param inputs Inputs as given (program file path or group options).
 * @param verdict The assembly's verdict.
 * @param calendar Records of the calendar's events, read back by the next run to revise them.
 * @returns A JSON-ready object with sorted, stable content.
 */
export function manifest(schedule: Schedule, inputs: Record<string, unknown>, verdict: Verdict, calendar: CalendarRecord[] = []) {
  return {
    tool: 'iop-curriculum',
    manifestVersion: 1,
    inputs,
    program: schedule.program,
    verdict,
    sessions: schedule.sessions.map((s) => ({
      number: s.number,
      date: s.date,
      start: s.start,
      minutes: s.minutes,
      group: s.group,
      unfilledMinutes: s.leftover,
      modules: s.modules.map((m) => ({id: m.meta!.id, version: m.meta!.version, hash: m.hash}))
    })),
    calendar: {events: calendar}
  }
}
