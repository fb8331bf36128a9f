/** `iop packet`: one day's session packets from a program file, without writing a binder. */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import {dayPacketJob} from '../print/day-packet.js'
import {printPdfs} from '../print/pdf-renderer.js'
import {plainDate} from '../schedule/calendar.js'
import {readProgram} from '../schedule/read-program.js'
import {assembleUsable} from '../schedule/run-assembly.js'
import type {Io} from '../util/io.js'
import {isModuleFile} from '../util/module-file.js'
import {UserError} from '../util/user-error.js'
import {writeFileAtomic} from '../util/write-file.js'
import {curriculumDirsFor} from './curriculum-option.js'
import {outputFormat, paperOption} from './output-format.js'

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
  const target = options.output ? path.resolve(io.cwd, options.output) : undefined
  if (target && options.force && isModuleFile(target)) throw new UserError(`${options.output}: Unexpected module file as -o, expected a new path or an earlier output (iop never replaces a module, even with --force)`)
  if (target && !options.force && existsSync(target)) throw new UserError(`${target}: Unexpected existing file, expected a new path (use --force to overwrite)`)

  const curriculum = loadCurriculum(curriculumDirsFor(io, options.curriculum))
  const paper = paperOption(options.paper, curriculum.config.paper)
  const program = readProgram(path.resolve(io.cwd, options.program), {groups: curriculum.config.groups.map((g) => g.id)})
  const {schedule} = assembleUsable(program, curriculum)
  const job = dayPacketJob(schedule, date, {crisis: curriculum.config.crisis, group: options.group, paper, name: options.output})
  if (!target) {
    io.stdout(job.html)
    return 0
  }
  writeFileAtomic(target, format === 'pdf' ? (await printPdfs([job]))[0] : job.html, {force: options.force})
  io.stderr(`iop: wrote ${path.relative(io.cwd, target) || target}\n`)
  return 0
}
