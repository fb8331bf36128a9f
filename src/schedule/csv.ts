/** `schedule.csv`: one row per session, for spreadsheets and EHR import. */
import {stringify} from 'csv-stringify/sync'
import {Temporal} from 'temporal-polyfill'
import {addMinutes} from './calendar.js'
import type {Schedule} from './assemble.js'
import {weekdays} from './program-schema.js'

/**
 * CSV text for a schedule. Columns added after the first eight go at the
 * end, so an import that reads columns by position keeps working.
 *
 * @param schedule The schedule.
 * @returns CSV with a header row (RFC 4180, CRLF).
 */
export function scheduleCsv(schedule: Schedule): string {
  const rows = schedule.sessions.map((s) => [
    s.number,
    s.date,
    s.start,
    addMinutes(s.start, s.minutes),
    s.group,
    s.modules.map((m) => m.meta!.id).join(' '),
    s.minutes,
    s.leftover,
    weekdays[Temporal.PlainDate.from(s.date).dayOfWeek - 1],
    s.week,
    schedule.groupTitles.get(s.group) ?? s.group,
    s.modules.map((m) => m.meta!.title).join('; '),
    s.room ?? '',
    s.facilitator ?? ''
  ])
  const header = ['session', 'date', 'start', 'end', 'group', 'module_ids', 'minutes', 'unfilled_minutes', 'weekday', 'week', 'group_name', 'module_titles', 'room', 'facilitator']
  // Titles, rooms and names come from authors: a cell starting with `=`, `+`,
  // `-` or `@` gets a leading `'` so a spreadsheet shows it as text, not a formula.
  return stringify([header, ...rows], {record_delimiter: 'windows', escape_formulas: true})
}
