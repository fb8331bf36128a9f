/**
 * Pieces every printed form shares, as hast: the facts table with blank
 * lines where staff write, tick boxes carried by words (never by colour),
 * ruled blank lines and signature lines. A blank is always an empty
 * element: a form never holds a value for a person.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'

/**
 * An empty line to write on.
 *
 * @returns An empty `span.blank`.
 */
export function blank(): Element {
  return h('span.blank')
}

/**
 * Tick boxes, each followed by its word.
 *
 * @param words Choices, such as yes / partly / no.
 * @returns A `span.choices`.
 */
export function choices(words: readonly string[]): Element {
  return h('span.choices', words.flatMap((word) => [h('span.box', {'aria-hidden': 'true'}, '☐'), ` ${word} `]))
}

/**
 * The facts a form heads with; an empty value is a blank line.
 *
 * @param facts Label-value pairs.
 * @returns A `table.facts`.
 */
export function factsTable(facts: ReadonlyArray<readonly [string, string]>): Element {
  return h('table.facts', h('tbody', facts.map(([label, value]) => h('tr', [h('th', {scope: 'row'}, label), h('td', value === '' ? [blank()] : value)]))))
}

/**
 * Ruled lines to write on.
 *
 * @param count How many lines.
 * @returns A `div.fill-lines`.
 */
export function ruledLines(count: number): Element {
  return h('div.fill-lines', Array.from({length: count}, () => h('span.fill-line')))
}

/**
 * Signature and date lines.
 *
 * @param roles Such as Facilitator, Supervisor.
 * @returns A `div.signatures`.
 */
export function signatureLines(roles: readonly string[]): Element {
  return h('div.signatures', roles.map((role) => h('p.signature', [h('span.label', `${role} signature`), blank(), h('span.label', 'Date'), h('span.blank.short')])))
}
