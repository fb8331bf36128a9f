/**
 * Builds every file of a binder in memory from a schedule: the index, a
 * guide and handouts per session, the calendar, the CSV and the manifest.
 * Each module is rendered once however often it runs.
 */
import {sessionForms} from '../forms/build-forms.js'
import {defaultFormSettings, type FormSettings} from '../forms/form-options.js'
import {buildGuide, buildHandout} from '../render/build.js'
import {renderPage} from '../render/page.js'
import {sessionFacts} from '../print/session-facts.js'
import type {Schedule} from './assemble.js'
import {binderIndex} from './binder-index.js'
import {languageReports, languagesSection, translatedHandoutFiles, type BinderTranslations} from './binder-translations.js'
import type {TrackCoverage} from './coverage.js'
import {scheduleCsv} from './csv.js'
import {calendarEvents, calendarRecords, type CalendarRecord} from './calendar-events.js'
import {scheduleIcs} from './ics.js'
import {manifest, manifestName} from './manifest.js'
import type {Verdict} from './verdict.js'
import type {BinderContents, BinderFiles} from './write-binder.js'

/** What a binder needs besides the schedule. */
export interface BinderInputs {
  /** The assembly's verdict, shown as is in index.html and curriculum.json. */
  verdict: Verdict
  coverage: TrackCoverage[]
  crisis: string
  /** Program inputs recorded in the manifest. */
  inputs: Record<string, unknown>
  /** Calendar records of the binder this one replaces, if any. */
  previous?: readonly CalendarRecord[]
  /** Note format, member parts and sign-in rows of each session's forms (default: BIRP, 3, 12). */
  forms?: FormSettings
  /** Paper of every page's `@page` (default `letter`). */
  paper?: 'letter' | 'a4'
  /** Handouts in large print (about 16 pt). */
  largePrint?: boolean
  /** Translations for a program with `languages:` (docs/translations.md). */
  translations?: BinderTranslations
}

/**
 * A URL-safe slug of a program name.
 *
 * @returns Lower-case kebab text, `program` when nothing is left.
 */
export function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'program'
}

/**
 * The folder of each session in the binder.
 *
 * @returns A function from session number to `sessions/<NN>-<date>`.
 */
export function sessionFolder(schedule: Schedule): (n: number) => string {
  const width = Math.max(2, String(schedule.sessions.length).length)
  return (n) => `sessions/${String(n).padStart(width, '0')}-${schedule.sessions[n - 1].date}`
}

/**
 * All binder files.
 *
 * @returns Relative path to contents.
 */
export function buildBinder(schedule: Schedule, inputs: BinderInputs): BinderFiles {
  const files: BinderFiles = new Map()
  const sessionDir = sessionFolder(schedule)
  // Sessions with the same modules share their handouts; each guide is its
  // session's own (date, clock time, room in its strip).
  const handouts = new Map<string, string>()
  const forms = inputs.forms ?? {...defaultFormSettings}
  for (const session of schedule.sessions) {
    if (session.modules.length === 0) continue
    const ids = session.modules.map((m) => m.meta!.id).join(' ')
    const facts = sessionFacts(schedule, session)
    const strip: Array<[string, string]> = [['Program', facts.program], ['Session', String(session.number)], ['Date', facts.date], ['Time', facts.time], ['Group', facts.group]]
    if (facts.room) strip.push(['Room', facts.room])
    if (facts.facilitator) strip.push(['Facilitator', facts.facilitator])
    files.set(`${sessionDir(session.number)}/guide.html`, buildGuide(session.modules, {paper: inputs.paper, startsAt: session.start, session: strip}))
    if (!handouts.has(ids)) handouts.set(ids, buildHandout(session.modules, {crisis: inputs.crisis, paper: inputs.paper, largePrint: inputs.largePrint}))
    files.set(`${sessionDir(session.number)}/handout.html`, handouts.get(ids)!)
    for (const [name, text] of sessionForms(schedule, session, forms)) files.set(`${sessionDir(session.number)}/${name}`, text)
  }
  // Handouts in the program's other languages, and what is missing in each.
  const translations = inputs.translations ?? {usable: [], crisisByLanguage: {}}
  for (const [name, text] of translatedHandoutFiles(schedule, translations, sessionDir, inputs.paper)) files.set(name, text)
  const reports = languageReports(schedule, translations)
  const index = [...binderIndex(schedule, inputs.verdict, inputs.coverage, sessionDir), ...languagesSection(reports)]
  files.set('index.html', renderPage({title: schedule.program.name, kind: 'binder', body: index, paper: inputs.paper}))
  const events = calendarEvents(schedule, slug(schedule.program.name), inputs.previous)
  files.set('schedule.ics', scheduleIcs(schedule.program, events))
  files.set('schedule.csv', scheduleCsv(schedule))
  files.set(manifestName, JSON.stringify(manifest(schedule, inputs.inputs, inputs.verdict, calendarRecords(events, schedule.program.timezone), [...files.keys()], forms, reports), null, 2) + '\n')
  return files
}

/**
 * A binder with more files (the PDFs, made after the HTML): the manifest's
 * file list is updated to name them, so later runs know iop wrote them.
 *
 * @param files The binder from {@link buildBinder}.
 * @param extra Relative paths to bytes.
 * @returns A new map with every file.
 */
export function addBinderFiles(files: BinderFiles, extra: ReadonlyMap<string, Uint8Array>): BinderContents {
  const manifestText = files.get(manifestName)
  const result = new Map<string, string | Uint8Array>([...files, ...extra])
  if (manifestText !== undefined) {
    const record = JSON.parse(manifestText) as {files: string[]}
    record.files = [...new Set([...record.files, ...extra.keys()])].sort()
    result.set(manifestName, JSON.stringify(record, null, 2) + '\n')
  }
  return result
}
