/**
 * Reads and validates a program file, reporting every problem as
 * `file:line:column: Unexpected ..., expected ...`.
 */
import {readFileSync} from 'node:fs'
import {readYaml} from '../util/read-yaml.js'
import {UserError} from '../util/user-error.js'
import {expectation} from '../util/zod-expectation.js'
import {suchAs} from '../util/closest.js'
import {plainDate} from './calendar.js'
import {programTooLarge} from './program-limits.js'
import {knownTimeZone, timeZones} from './time-zone.js'
import {programSchema, type Program} from './program-schema.js'

/** Options for reading a program. */
export interface ProgramOptions {
  /** Known group ids; when given, every timetable group must be one. */
  groups?: readonly string[]
}

const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/**
 * Validate program data from YAML text.
 *
 * @param text YAML text.
 * @param file Path for messages.
 * @param options Known groups (optional).
 * @returns The program.
 * @throws {UserError} Listing every problem with its place.
 */
export function parseProgram(text: string, file: string, options: ProgramOptions = {}): Program {
  const yaml = readYaml(text)
  const problems = yaml.errors.map((e) => `${file}:${e.place.line}:${e.place.column}: ${e.reason}`)
  if (problems.length === 0) {
    const result = programSchema.safeParse(yaml.data ?? {})
    if (result.success) {
      const program = result.data
      const where = (path: PropertyKey[]) => {
        const at = yaml.place(path).start
        return `${file}:${at.line}:${at.column}`
      }
      // Dates of the right shape can still be impossible (2027-02-30).
      const realDate = (value: string, path: PropertyKey[], what: string) => {
        try {
          plainDate(value)
        } catch {
          problems.push(`${where(path)}: Unexpected ${what} \`${value}\`, expected a real date as YYYY-MM-DD`)
        }
      }
      realDate(program.start, ['start'], 'start date')
      program.holidays.forEach((holiday, index) => realDate(holiday, ['holidays', index], 'holiday'))
      program.blocks.forEach((block, index) => {
        if (block.weeks[1] < block.weeks[0]) {
          problems.push(`${where(['blocks', index, 'weeks'])}: Unexpected weeks ${block.weeks[0]}-${block.weeks[1]}, expected the first week before the last`)
        }
        const end = minutesOfDay(block.at) + block.groups.reduce((sum, g) => sum + g.minutes, 0)
        if (end > 24 * 60) {
          problems.push(`${where(['blocks', index, 'at'])}: Unexpected timetable from ${block.at} running past midnight (${end - 24 * 60} min into the next day), expected it to end by 24:00`)
        }
        block.groups.forEach((slot, slotIndex) => {
          if (options.groups && !options.groups.includes(slot.group)) {
            problems.push(`${where(['blocks', index, 'groups', slotIndex, 'group'])}: Unexpected group \`${slot.group}\`, expected a group type${suchAs(slot.group, options.groups) || ' (see docs/authoring.md)'}`)
          }
        })
        // Two blocks that meet on the same day in the same weeks must not overlap in time.
        for (let other = 0; other < index; other++) {
          const earlier = program.blocks[other]
          const weeks = block.weeks[0] <= earlier.weeks[1] && earlier.weeks[0] <= block.weeks[1]
          const day = block.meets.find((d) => earlier.meets.includes(d))
          if (!weeks || !day) continue
          const span = (b: typeof block) => [minutesOfDay(b.at), minutesOfDay(b.at) + b.groups.reduce((sum, g) => sum + g.minutes, 0)]
          const [a0, a1] = span(block)
          const [b0, b1] = span(earlier)
          if (a0 < b1 && b0 < a1) {
            problems.push(`${where(['blocks', index, 'at'])}: Unexpected timetable overlapping block ${other + 1} (${earlier.at}) on ${day} in weeks ${Math.max(block.weeks[0], earlier.weeks[0])}-${Math.min(block.weeks[1], earlier.weeks[1])}, expected blocks on the same day not to overlap`)
          }
        }
      })
      if (program.timezone !== undefined && !knownTimeZone(program.timezone)) {
        problems.push(`${where(['timezone'])}: Unexpected time zone \`${program.timezone}\`, expected an IANA time zone${suchAs(program.timezone, timeZones()) || ' such as `America/Chicago`'}`)
      }
      // Counted only once everything else is sound: the count needs real dates.
      const tooLarge = problems.length === 0 ? programTooLarge(program) : undefined
      if (tooLarge) problems.push(`${where(['days'])}: ${tooLarge}`)
      if (problems.length === 0) return program
    } else {
      for (const issue of result.error.issues) {
        const at = yaml.place(issue.path).start
        const key = issue.path.join('.') || '(top level)'
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message)
        problems.push(`${file}:${at.line}:${at.column}: ${missing ? `Missing \`${key}\`` : `Unexpected value at \`${key}\``}, expected ${expectation(issue.message)}`)
      }
    }
  }
  throw new UserError(problems.join('\n'))
}

/**
 * Read a program file.
 *
 * @param file Path to a YAML program file.
 * @param options Known groups (optional).
 * @returns The program.
 * @throws {UserError} When the file is unreadable or invalid.
 */
export function readProgram(file: string, options: ProgramOptions = {}): Program {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UserError(`${file}:1:1: Unexpected unreadable program file (${(error as NodeJS.ErrnoException).code}), expected a YAML program file`)
  }
  return parseProgram(text, file, options)
}
