/**
 * Program time zones: a name must be an IANA zone that both the runtime
 * (Temporal, for the arithmetic) and the VTIMEZONE data of
 * timezones-ical-library (for the calendar file) know.
 */
import {Temporal} from 'temporal-polyfill'
import {tzlib_get_ical_block, tzlib_get_timezones} from 'timezones-ical-library'

let names: string[] | undefined

/**
 * Every zone name the calendar can describe.
 *
 * @returns IANA names, sorted.
 */
export function timeZones(): string[] {
  names ??= (tzlib_get_timezones() as string[]).filter((name) => name.includes('/') || name === 'UTC').sort()
  return names
}

/**
 * Whether a zone name is usable.
 *
 * @param name The name as written in the program file (case matters).
 * @returns True when the runtime and the VTIMEZONE data both know it.
 */
export function knownTimeZone(name: string): boolean {
  if (!timeZones().includes(name)) return false
  try {
    Temporal.ZonedDateTime.from({timeZone: name, year: 2000, month: 1, day: 1})
    return true
  } catch {
    return false
  }
}

/**
 * The VTIMEZONE component of a zone, from the library's IANA data.
 *
 * @param name A zone for which {@link knownTimeZone} holds.
 * @returns The component text, or null when the library has none.
 */
export function vtimezone(name: string): string | null {
  const block = tzlib_get_ical_block(name)
  return Array.isArray(block) && block[0] ? block[0] : null
}
