/**
 * A program's page on the site: the assembly's one verdict and findings,
 * hours per week, and the calendar by week, each session linking its
 * modules' pages; beside it the program's `.ics` made by src/schedule.
 */
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Assembly} from '../schedule/run-assembly.js'
import {calendarEvents} from '../schedule/calendar-events.js'
import {addMinutes} from '../schedule/calendar.js'
import {slug} from '../schedule/build-binder.js'
import {scheduleIcs} from '../schedule/ics.js'
import {renderSitePage} from './site-page.js'

/**
 * The files of a program's page.
 *
 * @param assembly The program's assembly (its verdict is shown as is).
 * @param listed Ids of the modules that have a page on the site.
 * @param options `preview`: live reload.
 * @returns `programs/<slug>.html` and `programs/<slug>.ics`, and the page's name and headline.
 */
export function programPage(assembly: Assembly, listed: ReadonlySet<string>, options: {preview?: boolean} = {}): {files: Map<string, string>; file: string; name: string; headline: string} {
  const {schedule, verdict} = assembly
  const {program} = schedule
  const name = slug(program.name)
  const byWeek = new Map<number, typeof schedule.sessions>()
  for (const s of schedule.sessions) byWeek.set(s.week, [...(byWeek.get(s.week) ?? []), s])
  const moduleLinks = (session: (typeof schedule.sessions)[number]): Array<ElementContent | string> =>
    session.modules.length === 0
      ? ['none']
      : session.modules.flatMap((m, i) => [...(i > 0 ? [' + '] : []), listed.has(m.meta!.id) ? h('a', {href: `../modules/${m.meta!.id}/index.html`}, m.meta!.title) : m.meta!.title])
  const body: ElementContent[] = [
    h('p.breadcrumb', [h('a', {href: '../index.html'}, 'All sessions'), ' › ', h('a', {href: 'index.html'}, 'Programs'), ' › ', program.name]),
    h('h1', program.name),
    h('p', {className: ['verdict', verdict.meets ? 'ok' : 'fails']}, verdict.headline),
    h('h2', 'Findings'),
    verdict.findings.length === 0 ? h('p.ok', 'No findings.') : h('ul', verdict.findings.map((f) => h('li', {className: [f.severity]}, `${f.severity}: ${f.message}`))),
    h('h2', 'Hours per week'),
    h('div.table-scroll', h('table', [
      h('thead', h('tr', [h('th', {scope: 'col'}, 'Week'), h('th', {scope: 'col'}, 'Days'), h('th', {scope: 'col'}, 'Hours'), h('th', {scope: 'col'}, `ASAM ${program.level}`)])),
      h('tbody', verdict.weeks.map((w) => h('tr', [h('td', String(w.week)), h('td', String(w.days)), h('td', String(w.hours)), h('td', {className: [w.status]}, w.status === 'ok' ? 'meets' : w.status === 'under' ? 'under the minimum' : w.status === 'over' ? 'over the range' : 'partial week, not judged')])))
    ])),
    h('h2', 'Calendar'),
    h('p', [h('a', {href: `${name}.ics`}, 'Add the calendar to a calendar app (.ics)'), '. Each session links the pages of its modules, where its guide and handouts print.']),
    ...[...byWeek].sort(([a], [b]) => a - b).map(([week, sessions]) => h('section', {'aria-labelledby': `week-${week}`}, [
      h('h3', {id: `week-${week}`}, `Week ${week}`),
      h('div.table-scroll', h('table', [
        h('thead', h('tr', [h('th', {scope: 'col'}, 'Date'), h('th', {scope: 'col'}, 'Time'), h('th', {scope: 'col'}, 'Group'), h('th', {scope: 'col'}, 'Modules')])),
        h('tbody', sessions.map((s) => h('tr', [h('td.date', s.date), h('td.date', `${s.start}-${addMinutes(s.start, s.minutes)}`), h('td', schedule.groupTitles.get(s.group) ?? s.group), h('td', moduleLinks(s))])))
      ]))
    ]))
  ]
  const files = new Map<string, string>()
  files.set(`programs/${name}.html`, renderSitePage({title: `${program.name} · IOP curriculum`, root: '../', body, ...(options.preview ? {scripts: ['assets/reload.js'], connect: true} : {})}))
  files.set(`programs/${name}.ics`, scheduleIcs(program, calendarEvents(schedule, name)))
  return {files, file: `${name}.html`, name: program.name, headline: verdict.headline}
}
