/** `iop schema`: print the JSON Schema of module frontmatter or of program files. */
import {moduleJsonSchema} from '../module/frontmatter-schema.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'

/**
 * Print a JSON Schema.
 *
 * @returns The exit code.
 */
export function schemaCommand(io: Io, which = 'module', programSchema?: () => Record<string, unknown>): number {
  if (which === 'module') io.stdout(JSON.stringify(moduleJsonSchema(), null, 2) + '\n')
  else if (which === 'program' && programSchema) io.stdout(JSON.stringify(programSchema(), null, 2) + '\n')
  else throw new UserError(`Unexpected schema \`${which}\`, expected \`module\` or \`program\``)
  return 0
}
