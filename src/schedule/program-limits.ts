/**
 * The documented bounds of a program (docs/programs.md, Limits): a binder
 * holds every session's pages in memory and on disk, so a program with no
 * bound could fill both. The session cap is checked before any assembly.
 */
import {countSlots} from './calendar.js'
import type {Program} from './program-schema.js'

/**
 * Most sessions a program may have: a two-year program meeting five days a
 * week with five groups a day (2,610 sessions) fits; a program of 10-minute
 * slots around the clock does not.
 */
export const maxSessions = 3000

/**
 * Why a program is too large, or nothing when it is within the limits.
 *
 * @param program A validated program.
 * @returns The `Unexpected ..., expected ...` text, without a place.
 */
export function programTooLarge(program: Program): string | undefined {
  const sessions = countSlots(program)
  if (sessions <= maxSessions) return undefined
  return `Unexpected program of ${sessions.toLocaleString('en-US')} sessions, expected at most ${maxSessions.toLocaleString('en-US')} (shorten \`days\`, or meet on fewer days or with fewer groups)`
}
