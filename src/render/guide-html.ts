/**
 * The facilitator guide as hast: a header with the module's facts, the
 * computed agenda, every section with facilitator material marked, the
 * handouts as clients receive them, then the facilitator notes.
 */
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {ModuleMeta} from '../module/frontmatter-schema.js'
import type {SessionModule} from '../module/parse-module.js'
import {agenda} from '../module/agenda.js'
import {sectionNames, type Section} from '../module/sections.js'
import {creditLines} from './credits.js'
import {prepareNodes} from './prepare-nodes.js'
import {toSafeHast} from './to-hast.js'
import {handoutLanguages, languageName} from '../translation/handout-languages.js'

/**
 * Format minutes from the session start as `H:MM`.
 *
 * @param minutes Offset in minutes.
 * @returns e.g. `0:15`, `1:05`.
 */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * A clock time some minutes after a start time, within the day.
 *
 * @param start `HH:MM`.
 * @param minutes Minutes after it.
 * @returns `HH:MM`, e.g. `19:30`.
 */
export function clockTime(start: string, minutes: number): string {
  const [hours, mins] = start.split(':').map(Number)
  const total = (hours * 60 + mins + minutes) % (24 * 60)
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/**
 * One module's guide, as an `article` element.
 *
 * @param module A valid, linted module (meta present).
 * @param options `startsAt`: the module's clock start (`HH:MM`) in a
 *   session, so its agenda shows clock times instead of `0:00` offsets (optional).
 * @returns The article.
 */
export function guideArticle(module: SessionModule, options: {startsAt?: string} = {}): Element {
  const meta = module.meta as ModuleMeta
  const startOf = (minutes: number) => (options.startsAt ? clockTime(options.startsAt, minutes) : clock(minutes))
  return h('article.module', {id: `module-${meta.id}`}, [
    header(meta, handoutLanguages(module)),
    h('section.agenda', [
      h('h2', 'Agenda'),
      h('table', [
        h('thead', h('tr', [h('th', 'Start'), h('th', 'Part'), h('th', 'Minutes')])),
        h('tbody', agenda(module.sections).map((item) => h('tr', [h('td', startOf(item.start)), h('td', item.label), h('td', `${item.minutes} min`)])))
      ])
    ]),
    ...module.sections.list.map((section) => sectionElement(module, section))
  ])
}

function header(meta: ModuleMeta, languages: string[]): Element {
  const facts: Array<[string, string]> = [
    ['Group', meta.group],
    ['Phase', meta.phase],
    ['Length', `${meta.minutes} min`],
    ['Audience', meta.audience.join(', ')],
    ['Approaches', meta.approaches.join(', ')],
    ['Materials', meta.materials.join('; ') || 'none'],
    ['Prerequisites', meta.requires.join(', ') || 'none'],
    ['Version', meta.version],
    // Only when translated: staff learn a handout exists in another language.
    ...(languages.length > 1 ? [['Handouts in', languages.map(languageName).join(', ')] as [string, string]] : [])
  ]
  return h('header.guide-header', [
    h('p.facilitator-label', 'Facilitator guide'),
    h('h1', meta.title),
    h('dl', facts.flatMap(([term, value]) => [h('dt', term), h('dd', value)])),
    h('h2', 'Objectives'),
    h('p', 'Participants will be able to:'),
    h('ol', meta.objectives.map((objective) => h('li', objective))),
    ...credits(meta)
  ])
}

/** The published models the module follows: guide only, never a handout. */
function credits(meta: ModuleMeta): Element[] {
  const lines = creditLines(meta)
  if (lines.length === 0) return []
  return [h('h2', 'Credits'), h('ul.credits', lines.map((line) => h('li', line)))]
}

function sectionElement(module: SessionModule, section: Section): Element {
  const heading = section.kind === 'handouts' ? 'Handouts: what clients receive' : sectionNames[section.kind] + (section.minutes === undefined ? '' : ` (${section.minutes} min)`)
  const body: ElementContent[] = toSafeHast(prepareNodes(section.intro, 'facilitator', module.source))
  for (const part of section.parts) {
    body.push(...toSafeHast(prepareNodes([part.heading, ...part.children], 'facilitator', module.source)))
  }
  if (section.kind === 'facilitator-notes') {
    return h('section.facilitator-notes', [h('div.facilitator-label', 'Facilitator only'), h('h2', heading), ...body])
  }
  return h(`section.part.part-${section.kind}${section.kind === 'handouts' ? '.client-copy' : ''}`, [h('h2', heading), ...body])
}
