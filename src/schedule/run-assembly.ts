/**
 * The whole assembly as one library call: program in, schedule, checks,
 * coverage and binder files out. The CLI only parses options and prints.
 */
import type {Curriculum} from '../curriculum/load-curriculum.js'
import {hasErrors, lintModules} from '../lint/lint.js'
import {assemble, type Schedule} from './assemble.js'
import {buildBinder} from './build-binder.js'
import {coverageLine} from './binder-index.js'
import {checkSchedule, weeklyHours, type Finding, type WeekHours} from './checks.js'
import {coverage, type TrackCoverage} from './coverage.js'
import type {CalendarRecord} from './calendar-events.js'
import {holidayFindings} from './holiday-findings.js'
import type {Program} from './program-schema.js'
import type {BinderFiles} from './write-binder.js'

/** Result of an assembly. */
export interface Assembly {
  schedule: Schedule
  hours: WeekHours[]
  findings: Finding[]
  coverage: TrackCoverage[]
  files: BinderFiles
  /** Modules left out of the pools because they have lint errors. */
  excluded: string[]
}

/**
 * Assemble a program and build its binder in memory.
 *
 * @param program A validated program.
 * @param curriculum The module library; it is linted here, and modules with errors are left out.
 * @param inputs What to record as the inputs in the manifest.
 * @param options `previous`: calendar records of the binder being replaced (see previousCalendar), to revise its events.
 * @returns The assembly.
 */
export function runAssembly(program: Program, curriculum: Curriculum, inputs: Record<string, unknown>, options: {previous?: readonly CalendarRecord[]} = {}): Assembly {
  lintModules(curriculum.modules, curriculum.config)
  const excluded = curriculum.modules.filter((m) => hasErrors(m)).map((m) => m.file.path).sort()
  const usable = {...curriculum, byId: new Map([...curriculum.byId].filter(([, m]) => !hasErrors(m)))}
  const schedule = assemble(program, usable)
  const hours = weeklyHours(schedule)
  const findings = [...checkSchedule(schedule), ...holidayFindings(program)]
  const tracks = coverage(schedule)
  const files = buildBinder(schedule, {hours, findings, coverage: tracks, crisis: curriculum.config.crisis, inputs, previous: options.previous})
  return {schedule, hours, findings, coverage: tracks, files, excluded}
}

/**
 * The stdout summary: sessions, hours per week, compliance and coverage.
 *
 * @returns Text lines.
 */
export function summary(assembly: Assembly): string {
  const {schedule, hours, findings} = assembly
  const values = hours.map((w) => w.hours).sort((a, b) => a - b)
  const median = values.length === 0 ? 0 : values.length % 2 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2
  const compliant = hours.every((w) => w.status === 'ok') && !findings.some((f) => f.code === 'length')
  const lines = [
    `${schedule.program.name}: ${schedule.sessions.length} sessions from ${schedule.sessions[0]?.date ?? '-'} to ${schedule.sessions.at(-1)?.date ?? '-'}`,
    `hours per week: min ${values[0] ?? 0}, median ${median}, max ${values.at(-1) ?? 0}`,
    `ASAM ${schedule.program.level} (${schedule.program.population}): ${compliant ? 'compliant' : 'NOT compliant'}`,
    ...findings.map((f) => `${f.severity}: ${f.message}`),
    ...assembly.coverage.map((t) => `coverage: ${coverageLine(t)}`),
    ...assembly.excluded.map((file) => `excluded (lint errors): ${file}`)
  ]
  return lines.join('\n') + '\n'
}
