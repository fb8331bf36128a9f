/**
 * Prepares copies of module nodes for output: facilitator blocks become a
 * labelled `aside` (guide) or disappear (client), `::lines` becomes ruled
 * lines, and stray text directives go back to the text the author typed.
 */
import type {Nodes, Paragraph, RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {clientView} from '../module/facilitator.js'

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
