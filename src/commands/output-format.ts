/**
 * Which format a command writes: `--format` when given, else the `-o`
 * file's extension (`guide.pdf` is a PDF, `guide.md` Markdown), else HTML;
 * and which paper PDFs and printed HTML use (`--paper`, else Letter).
 */
import path from 'node:path'
import {paperOf, type Paper} from '../print/print-job.js'
import {UserError} from '../util/user-error.js'

/** Formats `iop guide`, `iop handout` and `iop packet` write. */
export type OutputFormat = 'html' | 'md' | 'pdf'

const byExtension: Record<string, OutputFormat> = {'.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html'}

/**
 * The output format.
 *
 * @param format The `--format` value (optional).
 * @param output The `-o` path (optional).
 * @param allowed Formats the command writes.
 * @returns The format.
 * @throws {UserError} For a format the command does not write, or a PDF to stdout.
 */
export function outputFormat(format: string | undefined, output: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const chosen = format ?? (output ? byExtension[path.extname(output).toLowerCase()] : undefined) ?? 'html'
  const list = allowed.map((f) => '`' + f + '`')
  if (!(allowed as readonly string[]).includes(chosen)) throw new UserError(`Unexpected --format ${chosen}, expected ${list.slice(0, -1).join(', ')} or ${list.at(-1)}`)
  if (chosen === 'pdf' && !output) throw new UserError('Unexpected PDF output to the terminal, expected -o FILE.pdf')
  return chosen as OutputFormat
}

/**
 * The paper size.
 *
 * @param value The `--paper` value (optional).
 * @param configured The paper `iop.config.yaml` names (optional; Letter when neither is given).
 * @returns The paper.
 * @throws {UserError} For anything but `letter` or `a4`.
 */
export function paperOption(value: string | undefined, configured?: Paper): Paper {
  const paper = value === undefined ? (configured ?? 'letter') : paperOf(value)
  if (!paper) throw new UserError(`Unexpected --paper ${value}, expected \`letter\` or \`a4\``)
  return paper
}
