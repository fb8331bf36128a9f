/**
 * The print jobs of an assembled binder: `binder.pdf` (the overview, then
 * every session's packet under a heading per week and per session, so the
 * PDF outline reads Week > Session) and one `packet.pdf` per session folder.
 * Links from the overview to session pages become links inside the PDF.
 */
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {visit} from 'unist-util-visit'
import type {Schedule} from '../schedule/assemble.js'
import {binderIndex} from '../schedule/binder-index.js'
import type {TrackCoverage} from '../schedule/coverage.js'
import type {Verdict} from '../schedule/verdict.js'
import {renderPage} from '../render/page.js'
import {packetBody, packetJob} from './packet-html.js'
import {printPdfs, type PrinterOptions} from './pdf-renderer.js'
import type {Paper, PrintJob} from './print-job.js'
import {sessionFacts, sessionHeaderLine} from './session-facts.js'

/** What the binder's print jobs need. */
export interface BinderPrintInputs {
  verdict: Verdict
  coverage: TrackCoverage[]
  crisis: string
  /** A session's folder in the binder, e.g. `sessions/01-2027-01-04`. */
  sessionDir: (n: number) => string
  /** Paper (default Letter). */
  paper?: Paper
}

/** File name of the whole binder as one PDF. */
export const binderPdfName = 'binder.pdf'

/**
 * Print jobs for `binder.pdf` and each session's `packet.pdf`.
 *
 * @param schedule The assembled schedule.
 * @param inputs Verdict, coverage, crisis text, folder names and paper.
 * @returns Jobs named by their path in the binder; binder.pdf first.
 */
export function binderPrintJobs(schedule: Schedule, inputs: BinderPrintInputs): PrintJob[] {
  const staffed = schedule.sessions.filter((s) => s.modules.length > 0)
  const packets = staffed.map((session) => packetJob(schedule, session, {crisis: inputs.crisis, paper: inputs.paper, name: `${inputs.sessionDir(session.number)}/packet.pdf`}))
  return [binderJob(schedule, inputs), ...packets]
}

function binderJob(schedule: Schedule, inputs: BinderPrintInputs): PrintJob {
  const overview = binderIndex(schedule, inputs.verdict, inputs.coverage, inputs.sessionDir)
  const weeks = new Map<number, Element[]>()
  for (const session of schedule.sessions) {
    if (session.modules.length === 0) continue
    const facts = sessionFacts(schedule, session)
    const body = packetBody(schedule, session, inputs.crisis).map((node) => shiftHeadings(node, 2))
    const section = h('section.binder-session', [h('h2', sessionHeaderLine({...facts, program: ''}).replace(/^ · /, '')), ...body])
    weeks.set(session.week, [...(weeks.get(session.week) ?? []), section])
  }
  const root: Root = {type: 'root', children: [...overview, ...[...weeks].map(([week, sections]) => h('section.binder-week', [h('h1', `Week ${week}`), ...sections]))]}
  // The overview links session pages as files; in one PDF they are places in it.
  visit(root, 'element', (node: Element) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined
    const match = typeof href === 'string' ? /^sessions\/0*(\d+)-[\d-]+\/(guide|handout)\.html$/.exec(href) : null
    if (match) node.properties.href = `#session-${match[1]}${match[2] === 'handout' ? '-handouts' : ''}`
  })
  return {
    name: binderPdfName,
    html: renderPage({title: `${schedule.program.name}: binder`, kind: 'book', body: root.children as ElementContent[], paper: inputs.paper}),
    header: `${schedule.program.name}: program binder`,
    pageNumbers: true,
    outline: true
  }
}

/** Demote every heading below `node` by `by` levels (at most h6), so a packet nests under its session. */
function shiftHeadings(node: Element, by: number): Element {
  visit(node, 'element', (element: Element) => {
    const level = /^h([1-6])$/.exec(element.tagName)
    if (level) element.tagName = `h${Math.min(6, Number(level[1]) + by)}`
  })
  return node
}

/**
 * Print a binder's PDFs with one browser, pages concurrently.
 *
 * @param schedule The assembled schedule.
 * @param inputs Verdict, coverage, crisis text, folder names and paper.
 * @param options Browser, concurrency and progress callback (optional).
 * @returns Relative path to PDF bytes: `binder.pdf` and each `sessions/…/packet.pdf`.
 */
export async function printBinderPdfs(schedule: Schedule, inputs: BinderPrintInputs, options: PrinterOptions & {onProgress?: (done: number, total: number) => void} = {}): Promise<Map<string, Uint8Array>> {
  const jobs = binderPrintJobs(schedule, inputs)
  const pdfs = await printPdfs(jobs, options)
  return new Map(jobs.map((job, index) => [job.name, pdfs[index]]))
}
