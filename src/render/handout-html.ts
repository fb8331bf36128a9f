/**
 * Client handouts as hast: only the `Handouts` section, one `section` per
 * handout (one printed page each), headed by the title and objectives in
 * plain words, with crisis resources on every page. Nothing else of the
 * module is read here, so facilitator material cannot be reached.
 */
import type {Element} from 'hast'
import type {Heading, RootContent} from 'mdast'
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

/** One handout page's parts, in any language. */
export interface HandoutPage {
  /** The session title, at the top of the page. */
  title: string
  /** The line before the objectives ("In this session you will:"). */
  intro: string
  objectives: readonly string[]
  /** The handout's H3 and the nodes under it. */
  part: {heading: Heading; children: RootContent[]}
  /** The Markdown the nodes come from (for raw HTML positions). */
  source: string
  crisis: string
  largePrint?: boolean
  /** Set on the section when the page is not in the document's language. */
  lang?: string
}

/**
 * One printed handout page: header (title, objectives in plain words), the
 * client-safe body with the worksheet table layout, and the crisis footer.
 * English and translated handouts both come through here.
 *
 * @param page The page's parts.
 * @returns A `section.handout`.
 */
export function handoutPage(page: HandoutPage): Element {
  return h(page.largePrint ? 'section.handout.large-print' : 'section.handout', page.lang ? {lang: page.lang} : {}, [
    h('header.handout-header', [
      h('p', h('strong', page.title)),
      h('p', page.intro),
      h('ul', page.objectives.map((objective) => h('li', plainObjective(objective))))
    ]),
    h('div.handout-body', markWideWorksheetTables(toSafeHast(prepareNodes([{...page.part.heading, depth: 1}, ...page.part.children], 'client', page.source)))),
    h('footer.crisis', {role: 'note'}, page.crisis)
  ])
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
    handoutPage({title: meta.title, intro: 'In this session you will:', objectives: meta.objectives, part, source: module.source, crisis, largePrint: options.largePrint})
  )
}
