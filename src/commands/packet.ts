/** `iop packet`: one day's session packets from a program file, without writing a binder. */
import path from 'node:path'
import {dayPacketJob} from '../print/day-packet.js'
import {printPdfs} from '../print/pdf-renderer.js'
import {plainDate} from '../schedule/calendar.js'
import {readProgram} from '../schedule/read-program.js'
import {assembleUsable} from '../schedule/run-assembly.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumFor} from './curriculum-option.js'
import {outputFormat, paperOption} from './output-format.js'
import {outputTarget, writeOutput} from './output-target.js'

/** Options of `iop packet`. */
export interface PacketOptions {
  program?: string
  date?: string
  group?: string
  curriculum?: string[]
  output?: string
  format?: string
  paper?: string
  force?: boolean
}

/**
 * Write the packets of the sessions on one date.
 *
 * @returns The exit code (0).
 * @throws {UserError} For missing or bad options, a date with no session, an output that may not be written.
 */
export async function packetCommand(io: Io, options: PacketOptions): Promise<number> {
  if (!options.program) throw new UserError('Missing --program FILE, expected the program file the day belongs to')
  if (!options.date) throw new UserError('Missing --date YYYY-MM-DD, expected the day to print')
  const date = plainDate(options.date, '--date').toString()
  const format = outputFormat(options.format, options.output, ['html', 'pdf'])
  paperOption(options.paper)
  const target = options.output ? outputTarget(io, options.output, options.force) : undefined

  // The project's config too (its crisis line goes on the handout masters).
  const curriculum = curriculumFor(io, options.curriculum)
  const paper = paperOption(options.paper, curriculum.config.paper)
  const program = readProgram(path.resolve(io.cwd, options.program), {groups: curriculum.config.groups.map((g) => g.id)})
  const {schedule} = assembleUsable(program, curriculum)
  const job = dayPacketJob(schedule, date, {crisis: curriculum.config.crisis, group: options.group, paper, name: options.output})
  if (!target) {
    io.stdout(job.html)
    return 0
  }
  writeOutput(io, target, format === 'pdf' ? (await printPdfs([job]))[0] : job.html, options.force)
  return 0
}
