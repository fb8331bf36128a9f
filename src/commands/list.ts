/** `iop list`: the modules, filtered, as a table, JSON or a Markdown overview. */
import {phaseRank} from '../config/defaults.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumFor} from './curriculum-option.js'
import {listModules, overviewMarkdown} from '../curriculum/list-modules.js'

/** Options of `iop list`. */
export interface ListOptions {
  curriculum?: string[]
  group?: string
  phase?: string
  tag?: string
  json?: boolean
  format?: string
}

/**
 * Print the modules that match the filters.
 *
 * @returns The exit code.
 */
export function listCommand(io: Io, options: ListOptions): number {
  const format = options.json ? 'json' : options.format ?? 'text'
  if (!['text', 'json', 'md'].includes(format)) throw new UserError(`Unexpected --format ${format}, expected \`text\`, \`json\` or \`md\``)
  const curriculum = curriculumFor(io, options.curriculum)
  const rows = listModules(curriculum, {group: options.group, phase: options.phase, tag: options.tag})

  if (format === 'json') io.stdout(JSON.stringify(rows, null, 2) + '\n')
  else if (format === 'md') io.stdout(overviewMarkdown(rows, curriculum.config))
  else {
    const sorted = [...rows].sort((a, b) => a.group.localeCompare(b.group) || phaseRank(a.phase) - phaseRank(b.phase) || a.id.localeCompare(b.id))
    for (const row of sorted) io.stdout(`${row.group.padEnd(26)} ${row.phase.padEnd(22)} ${String(row.minutes).padStart(3)} min  ${row.id}\n`)
    io.stdout(`${rows.length} module${rows.length === 1 ? '' : 's'}\n`)
  }
  return 0
}
