/**
 * Reads the calendar records of the binder a run is about to replace, so
 * the new calendar can revise its events (SEQUENCE, STATUS:CANCELLED)
 * instead of starting over. Anything unreadable or unexpected counts as no
 * previous binder: the calendar is then correct, only not revised.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {z} from 'zod'
import type {CalendarRecord} from './calendar-events.js'
import {manifestName} from './manifest.js'
import {maxSessions} from './program-limits.js'

const recordSchema = z.object({
  uid: z.string().max(300),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  minutes: z.number().int().min(1).max(1440),
  summary: z.string().max(2000),
  location: z.string().max(400).optional(),
  status: z.enum(['confirmed', 'cancelled']),
  sequence: z.number().int().min(0).max(1_000_000),
  hash: z.string().max(100)
})

// Cancelled events are carried forward, so allow for some beyond the cap.
const manifestSchema = z.object({calendar: z.object({events: z.array(recordSchema).max(maxSessions * 4)})})

// A manifest of the largest program is a few MB; anything far bigger is not ours.
const maxBytes = 64 * 1024 * 1024

/**
 * The calendar records of the binder in `dir`.
 *
 * @param dir The binder folder (it need not exist).
 * @returns Its records, or an empty list when there is no usable manifest.
 */
export function previousCalendar(dir: string): CalendarRecord[] {
  const file = path.join(dir, manifestName)
  try {
    if (statSync(file).size > maxBytes) return []
    const result = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return result.success ? result.data.calendar.events : []
  } catch {
    return []
  }
}
