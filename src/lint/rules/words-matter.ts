/**
 * `words-matter`: stigmatizing terms. An error in client-facing text (the
 * handouts, the title and objectives printed on them), a warning in
 * facilitator text. Quoted or code terms, used to teach about the word, pass.
 */
import type {Nodes, Text} from 'mdast'
import type {Point} from 'unist'
import {visitParents} from 'unist-util-visit-parents'
import type {SessionModule} from '../../module/parse-module.js'
import type {ModuleRule} from '../rule.js'
import {terms, type Term} from '../words-matter-terms.js'

/** One stigmatizing term found in a module. */
export interface WordsMatterHit {
  text: string
  prefer: string
  client: boolean
  place: Point | undefined
  /** Source offsets and replacement, when a fix is certain and the source matches. */
  edit?: {start: number; end: number; replacement: string}
}

// An opening curly quote also ends the search for its closer, so a run of
// `““““…` costs one pass, not one pass per quote.
// Spanish quotes («») too: the Spanish table reads the same way.
const quoted = /"[^"\n]*"|“[^“”\n]*”|‘[^‘’\n]*’|«[^«»\n]*»/g

/**
 * Find every stigmatizing term in a module.
 *
 * @param module A parsed module.
 * @returns Hits in file order.
 */
export function findWordsMatter(module: SessionModule): WordsMatterHit[] {
  const hits: WordsMatterHit[] = []
  const handouts = module.sections.byKind.handouts
  const clientStart = handouts?.heading.position?.end.offset ?? Infinity
  const clientEnd = module.sections.byKind['facilitator-notes']?.heading.position?.start.offset ?? Infinity

  visitParents(module.tree, 'text', (node: Text, ancestors: Nodes[]) => {
    const offset = node.position?.start.offset
    const inDirective = ancestors.some((a) => a.type === 'containerDirective')
    const client = offset !== undefined && offset > clientStart && offset < clientEnd && !inDirective
    scan(node.value, node.position?.start, offset, client, module.source, hits)
  })

  // The title and objectives head every handout, so they are client text.
  const meta = module.meta
  if (meta && module.frontmatter) {
    const fm = module.frontmatter
    scan(meta.title, fm.place(['title']).start, undefined, true, module.source, hits)
    meta.objectives.forEach((objective, index) => {
      scan(objective, fm.place(['objectives', index]).start, undefined, true, module.source, hits)
    })
  }
  return hits
}

const anyOf = new WeakMap<readonly Term[], RegExp>()

/** One pattern matching where any term of a table matches (the terms' flags, without `g`). */
function anyTerm(list: readonly Term[]): RegExp {
  let pattern = anyOf.get(list)
  if (!pattern) {
    const flags = [...new Set(list.flatMap((term) => [...term.pattern.flags]))].filter((flag) => flag !== 'g' && flag !== 'y').join('')
    pattern = list.length === 0 ? /(?!)/ : new RegExp(list.map((term) => `(?:${term.pattern.source})`).join('|'), flags)
    anyOf.set(list, pattern)
  }
  return pattern
}

/**
 * Find a term table's terms in one piece of text (quoted terms pass).
 *
 * @param list The table (default: the English Words Matter table).
 */
export function scan(value: string, start: Point | undefined, offset: number | undefined, client: boolean, source: string, hits: WordsMatterHit[], list: readonly Term[] = terms) {
  // One search for any term first: most text has none, and then the per-term searches are skipped.
  if (!anyTerm(list).test(value)) return
  const skip: Array<[number, number]> = []
  for (const match of value.matchAll(quoted)) skip.push([match.index, match.index + match[0].length])
  const taken: Array<[number, number]> = []

  for (const term of list) {
    for (const match of value.matchAll(term.pattern)) {
      const from = match.index
      const to = from + match[0].length
      if (skip.some(([a, b]) => from > a && to < b)) continue
      if (term.unless?.test(match[0])) continue
      if (taken.some(([a, b]) => from < b && to > a)) continue
      taken.push([from, to])
      const hit: WordsMatterHit = {text: match[0].replace(/\s+/g, ' '), prefer: term.prefer, client, place: start && pointAt(value, start, from)}
      if (term.fix && offset !== undefined && source.slice(offset + from, offset + to) === match[0]) {
        hit.edit = {start: offset + from, end: offset + to, replacement: term.fix(match[0])}
      }
      hits.push(hit)
    }
  }
}

function pointAt(value: string, start: Point, index: number): Point {
  const before = value.slice(0, index).split('\n')
  return before.length === 1
    ? {line: start.line, column: start.column + index}
    : {line: start.line + before.length - 1, column: before[before.length - 1].length + 1}
}

/**
 * Apply the certain Words Matter fixes to a module's source.
 *
 * @param module A parsed module.
 * @returns The fixed source and how many fixes were made.
 */
export function fixWordsMatter(module: SessionModule): {value: string; fixed: number} {
  const edits = findWordsMatter(module).flatMap((hit) => (hit.edit ? [hit.edit] : []))
  edits.sort((a, b) => b.start - a.start)
  let value = module.source
  for (const edit of edits) value = value.slice(0, edit.start) + edit.replacement + value.slice(edit.end)
  return {value, fixed: edits.length}
}

export const wordsMatter: ModuleRule = {
  id: 'words-matter',
  scope: 'module',
  severity: 'error',
  description: 'No stigmatizing terms: an error in client text, a warning in facilitator text',
  check({module, report}) {
    for (const hit of findWordsMatter(module)) {
      const where = hit.client ? 'client text' : 'facilitator text'
      report(`Unexpected \`${hit.text}\` in ${where}, expected person-first wording such as \`${hit.prefer}\`${hit.edit ? ' (fixable with --fix)' : ''}`, hit.place, hit.client ? 'error' : 'warn')
    }
  }
}
