/**
 * `schedule.ics`: the calendar events written as RFC 5545 text with
 * ical-generator. Without a program time zone, times are floating local
 * times (the program's own clock); with one, each time carries its TZID and
 * the file holds the zone's VTIMEZONE (timezones-ical-library's IANA data).
 * DTSTAMP derives from the inputs, so the same inputs give the same bytes.
 */
import ical, {ICalCalendarMethod, ICalEventStatus} from 'ical-generator'
import {Temporal} from 'temporal-polyfill'
import type {CalendarEvent} from './calendar-events.js'
import type {Program} from './program-schema.js'
import {vtimezone} from './time-zone.js'

/**
 * Calendar text for a program's events.
 *
 * @param program The program (name, start date, time zone).
 * @param events Events from calendarEvents.
 * @returns iCalendar text (CRLF line endings).
 */
export function scheduleIcs(program: Program, events: readonly CalendarEvent[]): string {
  const zone = program.timezone
  const calendar = ical({
    prodId: {company: 'iop-curriculum', product: 'iop', language: 'EN'},
    method: ICalCalendarMethod.PUBLISH,
    // The library writes the name unescaped: keep it to one line.
    name: program.name.replace(/\p{Cc}+/gu, ' '),
    // A zone given to the calendar itself would also write DTSTAMP as a
    // local time; given per event, only the event times are zoned.
    timezone: zone ? {name: null, generator: vtimezone} : null
  })
  if (zone) calendar.x('X-WR-TIMEZONE', zone)
  // DTSTAMP is required; the program start keeps output reproducible.
  const stamp = new Date(`${program.start}T00:00:00Z`)
  for (const event of events) {
    const start = Temporal.PlainDateTime.from(`${event.date}T${event.start}`)
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      start,
      end: start.add({minutes: event.minutes}),
      ...(zone ? {timezone: zone} : {floating: true}),
      summary: event.summary,
      description: event.description,
      ...(event.location && {location: event.location}),
      categories: event.categories.map((name) => ({name})),
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
    })
  }
  return calendar.toString()
}
