/**
 * The whole assembly as one library call: program in, schedule, checks,
 * the verdict, coverage and binder files out. The verdict is computed here,
 * once, and every output (stdout, index.html, curriculum.json) prints it.
 * The CLI only parses options and prints.
 */
import type {Curriculum} from '../curriculum/load-curriculum.js'
import type {FormSettings} from '../forms/form-options.js'
import {hasErrors, isLinted, lintModules} from '../lint/lint.js'
import {assemble, type Schedule} from './assemble.js'
import {buildBinder} from './build-binder.js'
import {languageReports, languageSummary, type LanguageReport} from './binder-translations.js'
import {lintTranslations, translationHasErrors} from '../lint/lint-translations.js'
import {coverageLine} from './binder-index.js'
import {checkSchedule, weeklyHours, type Finding, type WeekHours} from './checks.js'
import {coverage, type TrackCoverage} from './coverage.js'
import type {CalendarRecord} from './calendar-events.js'
import {holidayFindings} from './holiday-findings.js'
import {verdict, type Verdict} from './verdict.js'
import type {Program} from './program-schema.js'
import type {BinderFiles} from './write-binder.js'

/** Result of an assembly. */
export interface Assembly {
  schedule: Schedule
  /** Hours per program week (the same array as `verdict.weeks`). */
  hours: WeekHours[]
  /** Every finding (the same array as `verdict.findings`). */
  findings: Finding[]
  /** The one verdict every output shows. */
  verdict: Verdict
  coverage: TrackCoverage[]
  files: BinderFiles
  /** Modules left out of the pools because they have lint errors. */
  excluded: string[]
  /** Modules left out because their frontmatter says `draft: true`. */
  drafts: string[]
  /** For a program with `languages:`: translated and missing modules per language. */
  languages: LanguageReport[]
}

/**
 * Lint the curriculum and assemble the program from the modules without
 * errors: the schedule every binder, packet and calendar is made from.
 *
 * @param program A validated program.
 * @param curriculum The module library (linted here).
 * @returns The schedule, and the files of modules left out for lint errors.
 */
export function assembleUsable(program: Program, curriculum: Curriculum): {schedule: Schedule; excluded: string[]; drafts: string[]} {
  // Lint once: a curriculum assembled again (a site's program pages, a test) keeps its findings, not a second copy.
  const unlinted = curriculum.modules.filter((m) => !isLinted(m))
  if (unlinted.length > 0) lintModules(curriculum.modules, curriculum.config, new Set(unlinted))
  const excluded = curriculum.modules.filter((m) => hasErrors(m)).map((m) => m.file.path).sort()
  // Work in progress (`draft: true`) lives in the curriculum but is never scheduled.
  const drafts = curriculum.modules.filter((m) => m.meta?.draft === true && !hasErrors(m)).map((m) => m.file.path).sort()
  const usable = {...curriculum, byId: new Map([...curriculum.byId].filter(([, m]) => !hasErrors(m) && m.meta?.draft !== true))}
  return {schedule: assemble(program, usable), excluded, drafts}
}

/**
 * Assemble a program and build its binder in memory.
 *
 * @param program A validated program.
 * @param curriculum The module library; it is linted here, and modules with errors are left out.
 * @param inputs What to record as the inputs in the manifest.
 * @param options `previous`: calendar records of the binder being replaced (see previousCalendar), to revise its events;
 *   `forms`: form settings that override the curriculum config's (such as `--note-format`);
 *   `paper`: `letter` (default) or `a4` for the pages' `@page`;
 *   `largePrint`: handouts in large print.
 * @returns The assembly.
 */
export function runAssembly(program: Program, curriculum: Curriculum, inputs: Record<string, unknown>, options: {previous?: readonly CalendarRecord[]; forms?: Partial<FormSettings>; paper?: 'letter' | 'a4'; largePrint?: boolean} = {}): Assembly {
  const {schedule, excluded, drafts} = assembleUsable(program, curriculum)
  const hours = weeklyHours(schedule)
  // Holiday warnings join the schedule's findings before the one verdict is made.
  const rank = {error: 0, warning: 1, note: 2}
  const findings = [...checkSchedule(schedule, undefined, hours), ...holidayFindings(program)].sort((x, y) => rank[x.severity] - rank[y.severity])
  const result = verdict(schedule, hours, findings)
  const tracks = coverage(schedule)
  // Translations with lint errors are not built: their modules count as missing.
  const wanted = (program.languages ?? []).some((lang) => lang !== 'en')
  if (wanted) lintTranslations(curriculum.translations, curriculum.modules, curriculum.config)
  const usable = wanted ? curriculum.translations.filter((t) => !translationHasErrors(t)) : []
  const translations = {usable, crisisByLanguage: curriculum.config.crisisByLanguage}
  const files = buildBinder(schedule, {verdict: result, coverage: tracks, crisis: curriculum.config.crisis, inputs, previous: options.previous, forms: {...curriculum.config.forms, ...options.forms}, paper: options.paper, largePrint: options.largePrint, translations})
  const languages = languageReports(schedule, translations)
  return {schedule, hours, findings, verdict: result, coverage: tracks, files, excluded, drafts, languages}
}

/**
 * The stdout summary: sessions, hours per week, the verdict, its findings
 * and coverage. It prints the assembly's verdict; it judges nothing itself.
 *
 * @returns Text lines.
 */
export function summary(assembly: Assembly): string {
  const {schedule, verdict} = assembly
  // The statistics are over the weeks the verdict judges; partial weeks are
  // named on their own, so a short last week does not pass for the minimum.
  const full = verdict.weeks.filter((w) => !w.partial)
  const partial = verdict.weeks.filter((w) => w.partial)
  const values = (full.length > 0 ? full : verdict.weeks).map((w) => w.hours).sort((a, b) => a - b)
  const median = values.length === 0 ? 0 : values.length % 2 ? values[(values.length - 1) / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2
  const lines = [
    `${schedule.program.name}: ${schedule.sessions.length} sessions from ${schedule.sessions[0]?.date ?? '-'} to ${schedule.sessions.at(-1)?.date ?? '-'}`,
    `hours per ${partial.length > 0 && full.length > 0 ? 'full ' : ''}week: min ${values[0] ?? 0}, median ${median}, max ${values.at(-1) ?? 0}`,
    `verdict: ${verdict.headline}`,
    ...verdict.findings.map((f) => `${f.severity}: ${f.message}`),
    ...assembly.coverage.map((t) => `coverage: ${coverageLine(t)}`),
    ...assembly.excluded.map((file) => `excluded (lint errors): ${file}`),
    ...assembly.drafts.map((file) => `left out (draft: true): ${file}`),
    ...languageSummary(assembly.languages)
  ]
  return lines.join('\n') + '\n'
}
