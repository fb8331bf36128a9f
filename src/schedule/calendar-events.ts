/**
 * The events of `schedule.ics` and their revisions. An event's UID says what
 * it is (program, date, start time, group), never where it sits in the list,
 * so adding a holiday leaves every other event's UID as it was. Given the
 * previous binder's records, an event whose content changed gets the next
 * SEQUENCE, and an event that is gone is published as cancelled (RFC 5545
 * 3.8.7.4, 3.8.1.11), so a calendar app that re-imports the file updates
 * rather than duplicates.
 */
import {createHash} from 'node:crypto'
import type {Schedule} from './assemble.js'
import {lastDay} from './calendar.js'

/** One calendar event, ready to write. */
export interface CalendarEvent {
  uid: string
  date: string
  /** Start time `HH:MM`, local to the program. */
  start: string
  minutes: number
  summary: string
  description: string
  location?: string
  categories: string[]
  status: 'confirmed' | 'cancelled'
  /** RFC 5545 SEQUENCE: 0 when new, one more at each change. */
  sequence: number
}

/** What the manifest keeps of an event, to revise it in the next run. */
export interface CalendarRecord {
  uid: string
  date: string
  start: string
  minutes: number
  summary: string
  location?: string
  status: 'confirmed' | 'cancelled'
  sequence: number
  /** Hash of the event's content, to tell whether it changed. */
  hash: string
}

/**
 * The UID of a session's event: what it is, not where it is in the list.
 *
 * @param slug Program slug.
 * @returns A UID such as `evening-iop-20270104-1800-relapse-prevention@iop-curriculum`.
 */
export function eventUid(slug: string, date: string, start: string, group: string): string {
  return `${slug}-${date.replaceAll('-', '')}-${start.replace(':', '')}-${group}@iop-curriculum`
}

/**
 * The events of a schedule, revised against the previous binder's records.
 *
 * @param schedule The schedule.
 * @param slug Program slug, for UIDs.
 * @param previous Records from the previous binder's manifest (empty when there is none).
 * @returns Events in date and time order, cancelled ones included.
 */
export function calendarEvents(schedule: Schedule, slug: string, previous: readonly CalendarRecord[] = []): CalendarEvent[] {
  const {program} = schedule
  const zone = program.timezone ?? ''
  const first = program.start
  const last = lastDay(program)
  // Records outside this program period are not this program's to cancel:
  // a new cohort in the same folder must not cancel what the last one held.
  const before = new Map(previous.filter((r) => r.date >= first && r.date <= last).map((r) => [r.uid, r]))

  const events: CalendarEvent[] = schedule.sessions.map((session) => {
    const group = schedule.groupTitles.get(session.group) ?? session.group
    const titles = session.modules.map((m) => m.meta!.title)
    const location = [session.room, program.location].filter(Boolean).join(', ')
    const draft = {
      uid: eventUid(slug, session.date, session.start, session.group),
      date: session.date,
      start: session.start,
      minutes: session.minutes,
      summary: `${group}: ${titles.length > 0 ? titles.join(' + ') : 'no module scheduled'}`,
      description: [
        titles.length > 0 ? `Modules: ${titles.join('; ')}` : 'No module scheduled',
        `Program: ${program.name}`,
        ...(session.room ? [`Room: ${session.room}`] : []),
        ...(session.facilitator ? [`Facilitator: ${session.facilitator}`] : [])
      ].join('\n'),
      ...(location && {location}),
      categories: [group],
      status: 'confirmed' as const
    }
    const old = before.get(draft.uid)
    const hash = contentHash(draft, zone)
    return {...draft, sequence: !old ? 0 : old.hash === hash ? old.sequence : old.sequence + 1}
  })

  const now = new Set(events.map((e) => e.uid))
  for (const old of before.values()) {
    if (now.has(old.uid)) continue
    const cancelled = {...old, status: 'cancelled' as const}
    events.push({
      uid: old.uid,
      date: old.date,
      start: old.start,
      minutes: old.minutes,
      summary: old.summary,
      description: 'Cancelled: no longer in the program schedule.',
      ...(old.location && {location: old.location}),
      categories: [],
      status: 'cancelled',
      // Already cancelled in the previous binder: the same revision again.
      sequence: old.status === 'cancelled' && old.hash === contentHash(cancelled, zone) ? old.sequence : old.sequence + 1
    })
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid))
}

/**
 * The records the manifest keeps of events.
 *
 * @param events Events from {@link calendarEvents}.
 * @param timezone The program's time zone, if any (part of each event's content).
 * @returns One record per event.
 */
export function calendarRecords(events: readonly CalendarEvent[], timezone = ''): CalendarRecord[] {
  return events.map((e) => ({
    uid: e.uid,
    date: e.date,
    start: e.start,
    minutes: e.minutes,
    summary: e.summary,
    ...(e.location && {location: e.location}),
    status: e.status,
    sequence: e.sequence,
    hash: contentHash(e, timezone)
  }))
}

// Cancelled events hash only what a record keeps, so the hash of a
// re-published cancellation matches the one stored.
function contentHash(event: Pick<CalendarEvent, 'date' | 'start' | 'minutes' | 'summary' | 'location' | 'status'> & {description?: string; categories?: string[]}, zone: string): string {
  const content = event.status === 'cancelled'
    ? [event.date, event.start, event.minutes, zone, event.summary, event.location ?? '', event.status]
    : [event.date, event.start, event.minutes, zone, event.summary, event.location ?? '', event.status, event.description ?? '', ...(event.categories ?? [])]
  return 'sha256-' + createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32)
}
