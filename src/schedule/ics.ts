/**
 * `schedule.ics`: one RFC 5545 event per session, made with the `ics`
 * package. Times are floating local times (the program's own clock); UIDs
 * and DTSTAMP derive from the inputs, so the same inputs give the same bytes.
 */
import {createEvents, type EventAttributes} from 'ics'
import type {Schedule} from './assemble.js'

/**
 * Calendar text for a schedule.
 *
 * @param schedule The schedule.
 * @param slug Program slug, for UIDs.
 * @returns iCalendar text (CRLF line endings).
 */
export function scheduleIcs(schedule: Schedule, slug: string): string {
  const [sy, sm, sd] = schedule.program.start.split('-').map(Number)
  const events: EventAttributes[] = schedule.sessions.map((session) => {
    const [y, m, d] = session.date.split('-').map(Number)
    const [hh, mm] = session.start.split(':').map(Number)
    const titles = session.modules.map((module) => module.meta!.title)
    return {
      uid: `${slug}-${String(session.number).padStart(4, '0')}@iop-curriculum`,
      start: [y, m, d, hh, mm],
      startInputType: 'local',
      startOutputType: 'local',
      duration: {minutes: session.minutes},
      title: `${schedule.program.name}: ${session.group}`,
      description: titles.length > 0 ? `Modules: ${titles.join('; ')}` : 'No module scheduled',
      categories: [session.group],
      productId: 'iop-curriculum',
      // DTSTAMP is required; the program start keeps output reproducible.
      timestamp: Date.UTC(sy, sm - 1, sd)
    }
  })
  const {error, value} = createEvents(events)
  if (error || !value) throw new Error(`Could not build the calendar: ${String(error)}`)
  return value
}
