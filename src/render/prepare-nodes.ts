/**
 * Prepares copies of module nodes for output: facilitator blocks become a
 * labelled `aside` (guide) or disappear (client), `::lines` becomes ruled
 * lines, `::scale` a row of numbered boxes with end labels, and stray text directives go back to the text the author typed.
 */
import type {ElementContent} from 'hast'
import type {Nodes, Paragraph, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {clientView} from '../module/facilitator.js'
import {readScale, scaleBoxes} from '../module/scale.js'

/** Who will read the output. */
export type Audience = 'facilitator' | 'client'

/**
 * Copy nodes and shape them for HTML output.
 *
 * @param nodes Nodes from the one parse (left untouched).
 * @param audience `client` removes every facilitator block.
 * @param source The module's source text, to restore stray text directives.
 * @returns New nodes.
 */
export function prepareNodes(nodes: readonly RootContent[], audience: Audience, source: string): RootContent[] {
  const copy = structuredClone(audience === 'client' ? clientView(nodes) : nodes) as RootContent[]
  const root = {type: 'root' as const, children: copy}
  visit(root, (node: Nodes, index, parent) => {
    if (node.type === 'containerDirective') {
      // Only reachable in the facilitator guide: clientView removed them.
      const label: Paragraph = {type: 'paragraph', data: {hName: 'div', hProperties: {className: ['facilitator-label']}}, children: [{type: 'text', value: 'Facilitator only'}]}
      node.data = {hName: 'aside', hProperties: {className: ['facilitator']}}
      node.children = [label, ...node.children.filter((child) => !(child.type === 'paragraph' && child.data && (child.data as {directiveLabel?: boolean}).directiveLabel))]
      return
    }
    if (node.type === 'leafDirective') {
      if (node.name === 'lines') {
        const count = clampLines(node.attributes?.n)
        node.data = {
          hName: 'div',
          hProperties: {className: ['fill-lines']},
          hChildren: Array.from({length: count}, () => ({type: 'element' as const, tagName: 'span', properties: {className: ['fill-line']}, children: []}))
        }
      } else if (node.name === 'scale') {
        node.data = {hName: 'div', hProperties: {className: ['scale']}, hChildren: scaleHast(node.attributes)}
      } else if (parent && index !== undefined) {
        parent.children.splice(index, 1)
        return index
      }
      return
    }
    // `module:<id>` references are for lint and authors; readers get the text.
    if (node.type === 'link' && node.url.startsWith('module:') && parent && index !== undefined) {
      parent.children.splice(index, 1, ...(node.children as typeof parent.children))
      return index
    }
    if (node.type === 'textDirective' && parent && index !== undefined) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const value = start !== undefined && end !== undefined ? source.slice(start, end) : ':' + node.name
      parent.children.splice(index, 1, {type: 'text', value})
      return index + 1
    }
    return undefined
  })
  return root.children
}

/**
 * Number of lines for `::lines{n=…}`: 1 to 12, default 3.
 *
 * @param value The `n` attribute.
 * @returns A safe count.
 */
export function clampLines(value: string | null | undefined): number {
  const n = Number.parseInt(value ?? '3', 10)
  return Number.isFinite(n) ? Math.min(12, Math.max(1, n)) : 3
}

/**
 * A `::scale` as hast: one box per number (or word), then the end labels as text
 * ("0 = none" under the first box, "10 = strongest" under the last).
 *
 * @param attributes The directive's attributes (checked by lint; read safely here).
 * @returns Children of the `div.scale`.
 */
export function scaleHast(attributes: Record<string, string | null | undefined> | null | undefined): ElementContent[] {
  const scale = readScale(attributes)
  const span = (className: string, value: string): ElementContent => ({type: 'element', tagName: 'span', properties: {className: [className]}, children: [{type: 'text', value}]})
  const boxes: ElementContent = {type: 'element', tagName: 'div', properties: {className: ['scale-boxes']}, children: scaleBoxes(scale).map((box) => span('scale-box', box))}
  // Words are their own labels.
  if (scale.choices.length > 0) return [boxes]
  return [
    boxes,
    {
      type: 'element',
      tagName: 'div',
      properties: {className: ['scale-labels']},
      children: [span('scale-low', scale.low ? `${scale.from} = ${scale.low}` : ''), span('scale-high', scale.high ? `${scale.to} = ${scale.high}` : '')]
    }
  ]
}
