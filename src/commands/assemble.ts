/** `iop assemble`: a 90-day curriculum for one group type, or a whole program file. */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {readProgram} from '../schedule/read-program.js'
import {programSchema, weekdays, type Program} from '../schedule/program-schema.js'
import {plainDate} from '../schedule/calendar.js'
import {runAssembly, summary} from '../schedule/run-assembly.js'
import {previousCalendar} from '../schedule/previous-calendar.js'
import {checkBinderPlace, checkBinderTarget} from '../schedule/binder-target.js'
import {recoverBinder, writeBinder} from '../schedule/write-binder.js'
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import {withFolderLock} from '../util/folder-lock.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumDirsFor, projectConfigFile} from './curriculum-option.js'
import {suchAs} from '../util/closest.js'
import {expectation} from '../util/zod-expectation.js'
import {Temporal} from 'temporal-polyfill'

/** Options of `iop assemble`. */
export interface AssembleOptions {
  curriculum?: string[]
  group?: string
  program?: string
  start?: string
  days?: string
  meets?: string
  minutes?: string
  at?: string
  population?: string
  holidays?: string
  out?: string
  force?: boolean
  /** Option names given on the command line (not defaults), to refuse those that do not apply. */
  typed?: string[]
}

/** Options that describe a one-group schedule; a program file says these itself. */
const groupOnly = ['start', 'days', 'meets', 'minutes', 'at', 'population', 'holidays']

/**
 * Assemble and write a binder.
 *
 * @returns The exit code: 0 when the verdict is that the program meets its
 *   level, 1 when it does not (any error finding); usage and configuration
 *   mistakes throw a UserError (exit 2).
 * @throws {UserError} For bad options, a refused output folder, or a folder another run is writing.
 */
export function assembleCommand(io: Io, options: AssembleOptions): number {
  if (!options.out) throw new UserError('Missing --out DIR, expected the folder to write the binder into')
  if (Boolean(options.group) === Boolean(options.program)) throw new UserError('Unexpected options, expected exactly one of --group <type> or --program <file>')
  const misplaced = options.program ? groupOnly.filter((name) => options.typed?.includes(name)) : []
  if (misplaced.length > 0) {
    throw new UserError(`Unexpected ${misplaced.map((name) => '--' + name).join(', ')} with --program, expected ${misplaced.length === 1 ? 'it' : 'them'} in the program file (${misplaced.map((name) => '`' + name + ':`').join(', ')}; see docs/programs.md) or --group instead of --program`)
  }
  const out = path.resolve(io.cwd, options.out)
  const curriculumDirs = curriculumDirsFor(io, options.curriculum)
  const guard = {cwd: io.cwd, curriculumDirs}
  // Refused places fail before the lock (whose file goes beside --out) is made.
  checkBinderPlace(out, guard)
  // One run at a time per folder, from the first check to the last rename.
  return withFolderLock(out, () => {
    if (recoverBinder(out)) io.stderr(`iop: restored ${path.relative(io.cwd, out) || out} from a run that was interrupted\n`)
    const kept = checkBinderTarget(out, {...guard, force: options.force})

    const curriculum = loadCurriculum(curriculumDirs, {configFile: projectConfigFile(io)})
    const groups = curriculum.config.groups.map((g) => g.id)
    let program: Program
    let inputs: Record<string, unknown>
    if (options.program) {
      const file = path.resolve(io.cwd, options.program)
      program = readProgram(file, {groups})
      // The file's own hash, so the manifest proves which program was assembled.
      inputs = {program: path.basename(file), programHash: 'sha256-' + createHash('sha256').update(readFileSync(file)).digest('hex')}
    } else {
      if (!groups.includes(options.group!)) {
        throw new UserError(`Unexpected group \`${options.group}\`, expected a group type${suchAs(options.group!, groups) || ' (see docs/authoring.md)'}`)
      }
      program = groupProgram(io, options)
      inputs = {group: options.group, start: program.start, days: program.days, meets: program.blocks[0].meets, minutes: program.blocks[0].groups[0].minutes, at: program.blocks[0].at, population: program.population, holidays: program.holidays}
    }

    // The binder being replaced, so its calendar events are revised, not duplicated.
    const assembly = runAssembly(program, curriculum, inputs, {previous: previousCalendar(out)})
    writeBinder(out, assembly.files, options.force, guard)
    io.stdout(summary(assembly))
    io.stdout(`binder: ${path.join(path.relative(io.cwd, out) || '.', 'index.html')}\n`)
    if (kept.length > 0) io.stderr(`iop: kept ${kept.length} ${kept.length === 1 ? 'entry' : 'entries'} iop did not write in ${path.relative(io.cwd, out) || out} (--force): ${kept.map((entry) => entry.path).slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}\n`)
    return assembly.verdict.meets ? 0 : 1
  })
}

function groupProgram(io: Io, options: AssembleOptions): Program {
  // The local calendar date, not UTC: an evening run must not start tomorrow.
  const start = options.start ?? Temporal.Now.plainDateISO().toString()
  plainDate(start, '--start date')
  const days = wholeNumber(options.days ?? '90', '--days', 'days')
  const minutes = wholeNumber(options.minutes ?? '180', '--minutes', 'minutes')
  const meets = (options.meets ?? 'mon,wed,fri').split(',').map((d) => d.trim().toLowerCase())
  for (const day of meets) if (!(weekdays as readonly string[]).includes(day)) throw new UserError(`Unexpected day \`${day}\` in --meets, expected days such as mon,wed,fri`)
  const result = programSchema.safeParse({
    name: `${options.group} (${days} days)`,
    start,
    days,
    population: options.population ?? 'adult',
    level: '2.1',
    holidays: readHolidays(io, options.holidays),
    blocks: [{weeks: [1, Math.ceil(days / 7)], meets, at: options.at ?? '18:00', groups: [{group: options.group, minutes}]}]
  })
  if (!result.success) {
    const issue = result.error.issues[0]
    const last = String(issue.path.at(-1))
    const option = issue.path[0] === 'blocks' ? {minutes: '--minutes', at: '--at', group: '--group', meets: '--meets'}[last] ?? '--group' : `--${String(issue.path[0])}`
    throw new UserError(`Unexpected value for ${option}, expected ${expectation(issue.message)}`)
  }
  return result.data
}

function wholeNumber(value: string, option: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new UserError(`Unexpected ${option} ${value}, expected a whole number of ${what}`)
  return Number(value)
}

function readHolidays(io: Io, value: string | undefined): string[] {
  if (!value) return []
  const file = path.resolve(io.cwd, value)
  const text = !/^\d{4}-\d{2}-\d{2}(,|$)/.test(value) && existsSync(file) ? readFileSync(file, 'utf8') : value
  // One date per line or comma-separated; `#` starts a comment.
  const dates = text.split('\n').map((line) => line.replace(/#.*$/, '')).join(',').split(/[\s,]+/).filter(Boolean)
  for (const date of dates) plainDate(date, 'holiday')
  return dates
}
