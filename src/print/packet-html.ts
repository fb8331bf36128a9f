/**
 * A session-day packet for the facilitator: a cover strip (program,
 * session, date with weekday, clock time, group, room, facilitator), one
 * agenda in clock time across all the session's modules, each module's
 * guide, then one master copy of each handout. The handouts are built from
 * the client view like every handout, crisis resources on each page.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'
import type {Schedule, Session} from '../schedule/assemble.js'
import {agenda, moduleStarts} from '../module/agenda.js'
import {checkBuildable} from '../render/build.js'
import {clockTime, guideArticle} from '../render/guide-html.js'
import {handoutSections} from '../render/handout-html.js'
import {renderPage} from '../render/page.js'
import {sessionFacts, sessionHeaderLine} from './session-facts.js'
import type {Paper, PrintJob} from './print-job.js'

/** One row of a session's agenda. */
export interface SessionAgendaRow {
  /** Clock time `HH:MM`. */
  time: string
  module: string
  part: string
  minutes: number
}

/**
 * The session's agenda in clock time: each module continues from the end
 * of the one before it.
 *
 * @param session The session (start time and modules).
 * @returns Rows in order.
 */
export function sessionAgenda(session: Session): SessionAgendaRow[] {
  const starts = moduleStarts(session.modules)
  return session.modules.flatMap((module, index) =>
    agenda(module.sections).map((item) => ({time: clockTime(session.start, starts[index] + item.start), module: module.meta!.title, part: item.label, minutes: item.minutes}))
  )
}

/**
 * The packet's body: cover strip and agenda, guides, handouts.
 *
 * @param schedule The schedule the session belongs to.
 * @param session A session with at least one module.
 * @param crisis Crisis resources text for the handouts.
 * @returns Body nodes for renderPage.
 */
export function packetBody(schedule: Schedule, session: Session, crisis: string): Element[] {
  checkBuildable(session.modules)
  const facts = sessionFacts(schedule, session)
  const cover: Array<[string, string | undefined]> = [
    ['Program', facts.program],
    ['Session', String(session.number)],
    ['Date', facts.date],
    ['Time', facts.time],
    ['Group', facts.group],
    ['Room', facts.room],
    ['Facilitator', facts.facilitator]
  ]
  const starts = moduleStarts(session.modules)
  const guides = session.modules.map((module, index) => guideArticle(module, {startsAt: clockTime(session.start, starts[index])}))
  return [
    h('section.cover', {id: `session-${session.number}`}, [
      h('p.facilitator-label', 'Session packet: facilitator copy'),
      h('h1', `${facts.group}: ${facts.date}`),
      h('dl.cover-facts', cover.filter((fact): fact is [string, string] => fact[1] !== undefined).flatMap(([term, value]) => [h('dt', term), h('dd', {className: term === 'Date' || term === 'Time' ? ['date'] : []}, value)])),
      h('section.agenda.session-agenda', [
        h('h2', 'Agenda'),
        h('table', [
          h('thead', h('tr', [h('th', 'Time'), h('th', 'Module'), h('th', 'Part'), h('th', 'Minutes')])),
          h('tbody', sessionAgenda(session).map((row) => h('tr', [h('td.date', row.time), h('td', row.module), h('td', row.part), h('td.date', `${row.minutes} min`)])))
        ])
      ]),
      h('p', `Contents: ${session.modules.length === 1 ? 'the guide' : `${session.modules.length} guides`}, then one master copy of each handout to photocopy.`)
    ]),
    ...guides,
    h('section.masters', {id: `session-${session.number}-handouts`}, [
      h('h2.masters-title', 'Handout masters'),
      ...session.modules.flatMap((module) => handoutSections(module, crisis))
    ])
  ]
}

/**
 * A whole packet page, and the print job that makes its PDF.
 *
 * @param schedule The schedule.
 * @param session A session with at least one module.
 * @param options Crisis text, paper (default Letter), and the job's name.
 * @returns The print job (its `html` is the packet page).
 */
export function packetJob(schedule: Schedule, session: Session, options: {crisis: string; paper?: Paper; name: string}): PrintJob {
  const facts = sessionFacts(schedule, session)
  return {
    name: options.name,
    html: renderPage({title: `Session packet: ${facts.program}, ${facts.session}, ${facts.date}`, kind: 'packet', body: packetBody(schedule, session, options.crisis), paper: options.paper}),
    header: sessionHeaderLine(facts),
    pageNumbers: true
  }
}
