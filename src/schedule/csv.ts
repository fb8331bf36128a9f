/** `schedule.csv`: one row per session, for spreadsheets and EHR import. */
import {stringify} from 'csv-stringify/sync'
import {addMinutes} from './calendar.js'
import type {Schedule} from './assemble.js'

/**
 * CSV text for a schedule.
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
    s.leftover
  ])
  return stringify([['session', 'date', 'start', 'end', 'group', 'module_ids', 'minutes', 'unfilled_minutes'], ...rows], {record_delimiter: 'windows'})
}
