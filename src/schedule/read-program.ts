/**
 * Reads and validates a program file, reporting every problem as
 * `file:line:column: Unexpected ..., expected ...`.
 */
import {readFileSync} from 'node:fs'
import {readYaml} from '../util/read-yaml.js'
import {UserError} from '../util/user-error.js'
import {expectation} from '../util/zod-expectation.js'
import {programSchema, type Program} from './program-schema.js'

/**
 * Validate program data from YAML text.
 *
 * @param text YAML text.
 * @param file Path for messages.
 * @returns The program.
 * @throws {UserError} Listing every problem with its place.
 */
export function parseProgram(text: string, file: string): Program {
  const yaml = readYaml(text)
  const problems = yaml.errors.map((e) => `${file}:${e.place.line}:${e.place.column}: ${e.reason}`)
  if (problems.length === 0) {
    const result = programSchema.safeParse(yaml.data ?? {})
    if (result.success) {
      const program = result.data
      program.blocks.forEach((block, index) => {
        if (block.weeks[1] < block.weeks[0]) {
          const at = yaml.place(['blocks', index, 'weeks']).start
          problems.push(`${file}:${at.line}:${at.column}: Unexpected weeks ${block.weeks[0]}-${block.weeks[1]}, expected the first week before the last`)
        }
      })
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
 * @returns The program.
 * @throws {UserError} When the file is unreadable or invalid.
 */
export function readProgram(file: string): Program {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UserError(`${file}:1:1: Unexpected unreadable program file (${(error as NodeJS.ErrnoException).code}), expected a YAML program file`)
  }
  return parseProgram(text, file)
}
