/**
 * A holiday outside the program period changes nothing, which is most
 * likely a typo (a wrong year) or a list meant for another program: say so,
 * naming it, rather than list it as a closed day.
 */
import {lastDay, splitHolidays} from './calendar.js'
import type {Finding} from './checks.js'
import type {Program} from './program-schema.js'

/**
 * Warnings for holidays outside the program period.
 *
 * @param program A validated program.
 * @returns One warning naming every such holiday, or none.
 */
export function holidayFindings(program: Program): Finding[] {
  const {outside} = splitHolidays(program)
  if (outside.length === 0) return []
  return [{
    severity: 'warning',
    code: 'holiday-outside',
    message: `holiday${outside.length === 1 ? '' : 's'} ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the program period (${program.start} to ${lastDay(program)}) and close${outside.length === 1 ? 's' : ''} nothing`,
    weeks: []
  }]
}
