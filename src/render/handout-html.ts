/**
 * Client handouts as hast: only the `Handouts` section, one `section` per
 * handout (one printed page each), headed by the title and objectives in
 * plain words, with crisis resources on every page. Nothing else of the
 * module is read here, so facilitator material cannot be reached.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'
import type {ModuleMeta} from '../module/frontmatter-schema.js'
import type {SessionModule} from '../module/parse-module.js'
import {prepareNodes} from './prepare-nodes.js'
import {toSafeHast} from './to-hast.js'
import {markWideWorksheetTables} from './worksheet-tables.js'

/**
 * Objectives as a client reads them: "name three triggers" rather than
 * "Name three triggers".
 *
 * @param objective An objective line.
 * @returns The line with a lower-case first letter.
 */
export function plainObjective(objective: string): string {
  return objective.charAt(0).toLowerCase() + objective.slice(1)
}

/**
 * The handout pages of one module.
 *
 * @param module A valid, linted module.
 * @param crisis Crisis resources text.
 * @param options `largePrint`: mark each page for large print (handout.css sizes it).
 * @returns One `section.handout` per handout.
 */
export function handoutSections(module: SessionModule, crisis: string, options: {largePrint?: boolean} = {}): Element[] {
  const meta = module.meta as ModuleMeta
  return (module.sections.byKind.handouts?.parts ?? []).map((part) =>
    h(options.largePrint ? 'section.handout.large-print' : 'section.handout', [
      h('header.handout-header', [
        h('p', h('strong', meta.title)),
        h('p', 'In this session you will:'),
        h('ul', meta.objectives.map((objective) => h('li', plainObjective(objective))))
      ]),
      h('div.handout-body', markWideWorksheetTables(toSafeHast(prepareNodes([{...part.heading, depth: 1}, ...part.children], 'client', module.source)))),
      h('footer.crisis', {role: 'note'}, crisis)
    ])
  )
}
