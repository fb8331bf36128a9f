/**
 * `curriculum.json`: what was scheduled, with each module's version and
 * content hash, so a program can later prove what was delivered on a date.
 * It also marks a folder as a binder this tool wrote (the overwrite guard;
 * `files` lists every file of the binder, itself included, so a later run
 * replaces exactly those and keeps anything else someone put in the folder),
 * and records the assembly's verdict as every other output shows it.
 */
import type {FormSettings} from '../forms/form-options.js'
import type {Schedule} from './assemble.js'
import type {CalendarRecord} from './calendar-events.js'
import type {Verdict} from './verdict.js'
import type {LanguageReport} from './binder-translations.js'

/** Name of the manifest file in a binder. */
export const manifestName = 'curriculum.json'

/**
 * The manifest object.
 *
 * @param schedule The schedule.
 * @param inputs Inputs as given (program file path or group options).
 * @param verdict The assembly's verdict.
 * @param calendar Records of the calendar's events, read back by the next run to revise them.
 * @param files The binder's other files, as relative `/`-separated paths (default none).
 * @param languages Handout languages other than English: translated modules and missing ones (optional).
 * @param forms The settings each session's forms were made with: which note format, how many member parts and sign-in rows (optional).
 * @returns A JSON-ready object with sorted, stable content.
 */
export function manifest(schedule: Schedule, inputs: Record<string, unknown>, verdict: Verdict, calendar: CalendarRecord[] = [], files: readonly string[] = [], forms?: FormSettings, languages: readonly LanguageReport[] = []) {
  return {
    tool: 'iop-curriculum',
    manifestVersion: 2,
    inputs,
    files: [...new Set([...files, manifestName])].sort(),
    program: schedule.program,
    verdict,
    ...(forms && {forms: {noteFormat: forms.noteFormat, noteMembers: forms.noteMembers, signInRows: forms.signInRows}}),
    sessions: schedule.sessions.map((s) => ({
      number: s.number,
      date: s.date,
      start: s.start,
      minutes: s.minutes,
      group: s.group,
      unfilledMinutes: s.leftover,
      modules: s.modules.map((m) => ({id: m.meta!.id, version: m.meta!.version, hash: m.hash}))
    })),
    calendar: {events: calendar},
    // Only for a program with `languages:`: what is translated (with readability) and what is missing.
    ...(languages.length > 0 && {languages})
  }
}
