/**
 * Checks for names that become file or folder names (module ids, groups,
 * output names): nothing may climb out of the output folder or name a device.
 */
import {UserError} from './user-error.js'

const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * Reject a path segment that could escape a folder or is not portable.
 *
 * @param value The segment.
 * @param what What it is, for the message.
 * @throws {UserError} For `..`, separators, absolute paths, NUL, control characters or device names.
 */
export function checkSafeSegment(value: string, what: string): void {
  let problem: string | undefined
  if (value === '' || value === '.' || value === '..') problem = 'an empty or dot name'
  else if (/[/\\]/.test(value)) problem = 'a path separator'
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001F]/.test(value)) problem = 'a NUL or control character'
  else if (reserved.test(value)) problem = 'a reserved device name'
  else if (/^[a-zA-Z]:/.test(value)) problem = 'a drive letter'
  if (problem) {
    throw new UserError(`Unexpected ${what} \`${JSON.stringify(value).slice(1, -1)}\` with ${problem}, expected a kebab-case name such as \`coping-with-cravings\``)
  }
}
