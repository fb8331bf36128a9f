/**
 * The strip at the top of a session's guide in a binder: program, session,
 * date with weekday, clock time, group, room and facilitator, so a printed
 * guide says when and where it runs.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'

/**
 * A session strip.
 *
 * @param facts Label and text pairs, in order.
 * @returns A `section.session-strip` element.
 */
export function sessionStrip(facts: ReadonlyArray<readonly [string, string]>): Element {
  return h('section.session-strip', {'aria-label': 'Session'}, [
    h(
      'dl',
      facts.flatMap(([term, value]) => [h('dt', term), h('dd', {className: term === 'Date' || term === 'Time' ? ['date'] : []}, value)])
    )
  ])
}
