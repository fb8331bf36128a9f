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
import {addBinderFiles, sessionFolder} from '../schedule/build-binder.js'
import {binderPdfName, printBinderPdfs} from '../print/binder-pdf.js'
import {pdfPageCount} from '../print/pdf-pages.js'
import {requireChromium} from '../print/find-chromium.js'
import {progressLine} from '../print/progress-line.js'
import {paperOption} from './output-format.js'
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import {noteFormatOption} from '../forms/form-options.js'
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
  noteFormat?: string
  /** Also write binder.pdf and a packet.pdf per session. */
  pdf?: boolean
  paper?: string
  /** Option names given on the command line (not defaults), to refuse those that do not apply. */
  typed?: string[]
  /** Handouts in large print (about 16 pt). */
  largePrint?: boolean
  /** No progress line. */
  quiet?: boolean
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
export async function assembleCommand(io: Io, options: AssembleOptions): Promise<number> {
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
  // A bad --paper fails first; iop.config.yaml's paper applies when none is given.
  paperOption(options.paper)
  // Without a browser the run stops here, before anything is assembled or written.
  const executablePath = options.pdf ? requireChromium() : undefined
  // Another run writing this folder turns this one away now, before any work.
  withFolderLock(out, () => {})
  const curriculum = loadCurriculum(curriculumDirs, {configFile: projectConfigFile(io)})
  const prepare = () => {
    if (recoverBinder(out)) io.stderr(`iop: restored ${path.relative(io.cwd, out) || out} from a run that was interrupted\n`)
    const kept = checkBinderTarget(out, {...guard, force: options.force})

    const paper = paperOption(options.paper, curriculum.config.paper)
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

    // Recorded only when set, so earlier manifests stay byte-identical.
    if (options.largePrint) inputs.largePrint = true
    // The binder being replaced, so its calendar events are revised, not duplicated.
    const started = performance.now()
    const assembly = runAssembly(program, curriculum, inputs, {previous: previousCalendar(out), paper, largePrint: options.largePrint, ...(options.noteFormat && {forms: {noteFormat: noteFormatOption(options.noteFormat)}})})
    return {assembly, kept, paper, crisis: curriculum.config.crisis, htmlSeconds: (performance.now() - started) / 1000}
  }
  const finish = ({assembly, kept}: ReturnType<typeof prepare>, pdfs?: ReadonlyMap<string, Uint8Array>) => {
    writeBinder(out, pdfs ? addBinderFiles(assembly.files, pdfs) : assembly.files, options.force, guard)
    io.stdout(summary(assembly))
    io.stdout(`binder: ${path.join(path.relative(io.cwd, out) || '.', 'index.html')}\n`)
    if (kept.length > 0) io.stderr(`iop: kept ${kept.length} ${kept.length === 1 ? 'entry' : 'entries'} iop did not write in ${path.relative(io.cwd, out) || out} (--force): ${kept.map((entry) => entry.path).slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}\n`)
    return assembly.verdict.meets ? 0 : 1
  }
  // One run at a time per folder, from the first check to the last rename.
  if (!options.pdf) return withFolderLock(out, () => finish(prepare()))
  // Printing is asynchronous, so the lock is taken to check and assemble, and
  // again to write (writeBinder checks the folder once more under it).
  const prepared = withFolderLock(out, prepare)
  const started = performance.now()
  const progress = progressLine(process.stderr, 'PDFs', {quiet: options.quiet})
  let pdfs: Map<string, Uint8Array>
  try {
    const {schedule, verdict, coverage} = prepared.assembly
    pdfs = await printBinderPdfs(schedule, {verdict, coverage, crisis: prepared.crisis, sessionDir: sessionFolder(schedule), paper: prepared.paper}, {executablePath, onProgress: progress.update})
  } finally {
    progress.stop()
  }
  const code = withFolderLock(out, () => finish(prepared, pdfs))
  const binderPdf = pdfs.get(binderPdfName)
  io.stderr(`iop: wrote ${binderPdfName} (${binderPdf ? pdfPageCount(binderPdf) : 0} pages, ${prepared.paper === 'a4' ? 'A4' : 'Letter'}) and ${pdfs.size - 1} session packets in ${((performance.now() - started) / 1000).toFixed(1)} s; the HTML binder took ${prepared.htmlSeconds.toFixed(1)} s\n`)
  return code
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
