/**
 * The shape of a handout that a translation must keep: its fill-in lines,
 * rating scales, checkboxes and tables, in order. Words may change freely;
 * a client's write-in space and choices may not.
 */
import type {Nodes, RootContent} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'

/** What a handout asks a client to fill in. */
export interface HandoutShape {
  /** `n` of each `::lines` directive, in order. */
  lines: Array<{n: string; place: Point | undefined}>
  /** Attributes of each `::scale` directive, in order (as sorted `key=value` text). */
  scales: Array<{attributes: string; place: Point | undefined}>
  /** Checkbox list items (`- [ ]`). */
  checkboxes: Array<{place: Point | undefined}>
  /** Each table's rows and columns. */
  tables: Array<{rows: number; columns: number; place: Point | undefined}>
}

/**
 * Read a handout's shape.
 *
 * @param nodes The nodes under a handout's H3.
 * @returns Lines, scales, checkboxes and tables in document order.
 */
export function handoutShape(nodes: readonly RootContent[]): HandoutShape {
  const shape: HandoutShape = {lines: [], scales: [], checkboxes: [], tables: []}
  for (const node of nodes) {
    visit(node as Nodes, (child: Nodes) => {
      const place = child.position?.start
      if (child.type === 'leafDirective' && child.name === 'lines') shape.lines.push({n: String(child.attributes?.n ?? ''), place})
      else if (child.type === 'leafDirective' && child.name === 'scale') {
        const attributes = Object.entries(child.attributes ?? {})
          // End labels (`low`, `high`) are words, so they are translated; a scale
          // of words (`choices`) must keep its number of choices; the range must match.
          .filter(([key]) => key !== 'low' && key !== 'high')
          .map(([key, value]): [string, string | null | undefined] => (key === 'choices' ? [key, `${String(value ?? '').split('|').length} choices`] : [key, value]))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, value]) => `${key}=${value ?? ''}`)
          .join(' ')
        shape.scales.push({attributes, place})
      } else if (child.type === 'listItem' && typeof child.checked === 'boolean') shape.checkboxes.push({place})
      else if (child.type === 'table') shape.tables.push({rows: child.children.length, columns: Math.max(0, ...child.children.map((row) => row.children.length)), place})
    })
  }
  return shape
}
