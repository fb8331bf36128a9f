/** `iop schedule --program FILE --join DATE --out DIR`: a joiner's personal schedule and calendar. */
import path from 'node:path'
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import {joinerSchedule} from '../forms/joiner-schedule.js'
import {previousCalendar} from '../schedule/previous-calendar.js'
import {readProgram} from '../schedule/read-program.js'
import {runAssembly} from '../schedule/run-assembly.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {writeFileAtomic} from '../util/write-file.js'
import {curriculumDirsFor} from './curriculum-option.js'

/** Options of `iop schedule`. */
export interface ScheduleOptions {
  program?: string
  join?: string
  out?: string
  binder?: string
  curriculum?: string[]
  force?: boolean
}

/**
 * Write `joiner-YYYY-MM-DD.html` and `.ics` into a folder.
 *
 * @returns 0.
 * @throws {UserError} For missing options, a date outside the program, or a file that exists without --force.
 */
export function scheduleCommand(io: Io, options: ScheduleOptions): number {
  if (!options.program) throw new UserError('Missing --program FILE, expected the program file (docs/programs.md)')
  if (!options.join) throw new UserError('Missing --join YYYY-MM-DD, expected the date the client joins')
  if (!options.out) throw new UserError('Missing --out DIR, expected the folder to write the schedule into')
  const curriculum = loadCurriculum(curriculumDirsFor(io, options.curriculum))
  const program = readProgram(path.resolve(io.cwd, options.program), {groups: curriculum.config.groups.map((g) => g.id)})
  const {schedule} = runAssembly(program, curriculum, {program: path.basename(options.program)})
  // The binder's own records give each event the SEQUENCE that binder's calendar has.
  const previous = options.binder ? previousCalendar(path.resolve(io.cwd, options.binder)) : undefined
  const joiner = joinerSchedule(schedule, options.join, {crisis: curriculum.config.crisis, previous})
  const out = path.resolve(io.cwd, options.out)
  for (const [ext, text] of [['html', joiner.html], ['ics', joiner.ics]] as const) {
    const target = path.join(out, `joiner-${joiner.join}.${ext}`)
    writeFileAtomic(target, text, {force: options.force})
    io.stderr(`iop: wrote ${path.relative(io.cwd, target) || target}\n`)
  }
  io.stdout(`${joiner.sessions.length} sessions from ${joiner.join} to ${joiner.until}${joiner.pastPeriod ? ' (the end of the program period)' : ''}\n`)
  return 0
}
