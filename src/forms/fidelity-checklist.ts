/**
 * The fidelity checklist of a session: for each module, every agenda part
 * with its planned minutes (delivered yes / partly / no, actual minutes),
 * every objective (covered), every handout (given), the safety topics every
 * module's facilitator notes cover (reviewed if needed); then deviations
 * with reasons, and facilitator and supervisor signatures. HTML to print,
 * or Markdown (GFM tables). It is about the session, never about a person.
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Root as MdRoot, RootContent as MdContent, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {agenda} from '../module/agenda.js'
import type {SessionModule} from '../module/parse-module.js'
import {renderPage} from '../render/page.js'
import {choices, factsTable, ruledLines, signatureLines} from './form-parts.js'
import {sessionFacts, type FormSession} from './form-session.js'

/**
 * What every module's facilitator notes cover (the `safety-notes` rule,
 * TIP 47 ch. 7), as a supervisor checks it.
 */
export const safetyTopics = ['A participant arrives intoxicated or impaired', 'A participant discloses thoughts of self-harm or suicide'] as const

/** Blank rows for deviations and their reasons. */
const deviationRows = 4

/** One module's lines on the checklist. */
interface ModuleChecks {
  title: string
  parts: Array<{label: string; minutes: number}>
  objectives: string[]
  handouts: string[]
}

function moduleChecks(module: SessionModule): ModuleChecks {
  return {
    title: module.meta!.title,
    parts: agenda(module.sections).map((item) => ({label: item.label, minutes: item.minutes})),
    objectives: [...module.meta!.objectives],
    handouts: (module.sections.byKind.handouts?.parts ?? []).map((part) => part.title)
  }
}

function title(session: FormSession): string {
  return `Fidelity checklist: ${session.modules.map((m) => m.meta!.title).join(' + ')}${session.date ? ` (${session.date})` : ''}`
}

/**
 * The checklist as a standalone HTML page.
 *
 * @param session The session (built by the caller from valid modules).
 * @returns A complete HTML document.
 */
export function fidelityChecklistHtml(session: FormSession): string {
  const body: ElementContent[] = [
    h('h1', title(session)),
    h('p.form-note', 'For the facilitator and supervisor: was the session delivered as written? Tick one box per line. This form is about the session; write no client names on it.'),
    factsTable(sessionFacts(session))
  ]
  for (const checks of session.modules.map(moduleChecks)) {
    body.push(
      h('h2', `Module: ${checks.title}`),
      h('table.checklist', [
        h('thead', h('tr', [h('th', 'Agenda part'), h('th', 'Planned'), h('th', 'Delivered'), h('th', 'Actual minutes')])),
        h('tbody', checks.parts.map((part) => h('tr', [h('td', part.label), h('td', `${part.minutes} min`), h('td', choices(['yes', 'partly', 'no'])), h('td')])))
      ]),
      h('table.checklist', [
        h('thead', h('tr', [h('th', 'Objective'), h('th', 'Covered')])),
        h('tbody', checks.objectives.map((objective) => h('tr', [h('td', objective), h('td', choices(['yes', 'partly', 'no']))])))
      ]),
      h('table.checklist', [
        h('thead', h('tr', [h('th', 'Handout'), h('th', 'Given')])),
        h('tbody', checks.handouts.map((handout) => h('tr', [h('td', handout), h('td', choices(['yes', 'no']))])))
      ])
    )
  }
  body.push(
    h('h2', 'Safety'),
    h('table.checklist', [
      h('thead', h('tr', [h('th', 'Safety topic (Facilitator notes)'), h('th', 'Reviewed if needed')])),
      h('tbody', safetyTopics.map((topic) => h('tr', [h('td', topic), h('td', choices(['yes', 'not needed']))])))
    ]),
    h('h2', 'Deviations'),
    h('table.checklist.deviations', [
      h('thead', h('tr', [h('th', 'What was changed, added or left out'), h('th', 'Reason')])),
      h('tbody', Array.from({length: deviationRows}, () => h('tr', [h('td'), h('td')])))
    ]),
    h('h2', 'Comments'),
    ruledLines(2),
    signatureLines(['Facilitator', 'Supervisor'])
  )
  return renderPage({title: title(session), kind: 'form', body})
}

function mdTable(header: string[], rows: string[][]): Table {
  const row = (cells: string[]) => ({type: 'tableRow' as const, children: cells.map((cell) => ({type: 'tableCell' as const, children: cell ? [{type: 'text' as const, value: cell}] : []}))})
  return {type: 'table', children: [row(header), ...rows.map(row)]}
}

const heading = (depth: 1 | 2, value: string): MdContent => ({type: 'heading', depth, children: [{type: 'text', value}]})
const paragraph = (value: string): MdContent => ({type: 'paragraph', children: [{type: 'text', value}]})

const serializer = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify, {bullet: '-'}).freeze()

/**
 * The checklist as Markdown, with the same lines as the HTML.
 *
 * @param session The session.
 * @returns GFM text.
 */
export function fidelityChecklistMarkdown(session: FormSession): string {
  const box = (words: string[]) => words.map((w) => `☐ ${w}`).join(' ')
  const children: MdContent[] = [
    heading(1, title(session)),
    paragraph('For the facilitator and supervisor: was the session delivered as written? Tick one box per line. This form is about the session; write no client names on it.'),
    mdTable(['Session', ''], sessionFacts(session).map(([label, value]) => [label, value]))
  ]
  for (const checks of session.modules.map(moduleChecks)) {
    children.push(
      heading(2, `Module: ${checks.title}`),
      mdTable(['Agenda part', 'Planned', 'Delivered', 'Actual minutes'], checks.parts.map((part) => [part.label, `${part.minutes} min`, box(['yes', 'partly', 'no']), ''])),
      mdTable(['Objective', 'Covered'], checks.objectives.map((objective) => [objective, box(['yes', 'partly', 'no'])])),
      mdTable(['Handout', 'Given'], checks.handouts.map((handout) => [handout, box(['yes', 'no'])]))
    )
  }
  children.push(
    heading(2, 'Safety'),
    mdTable(['Safety topic (Facilitator notes)', 'Reviewed if needed'], safetyTopics.map((topic) => [topic, box(['yes', 'not needed'])])),
    heading(2, 'Deviations'),
    mdTable(['What was changed, added or left out', 'Reason'], Array.from({length: deviationRows}, () => ['', ''])),
    heading(2, 'Signatures'),
    mdTable(['Role', 'Signature', 'Date'], [['Facilitator', '', ''], ['Supervisor', '', '']])
  )
  return serializer.stringify({type: 'root', children} as MdRoot)
}
