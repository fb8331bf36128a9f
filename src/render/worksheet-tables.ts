/**
 * Wide write-in tables on paper: a table of five or more columns with blank
 * cells is marked `stacked-on-paper`, and each body cell gets its column's
 * heading as `data-label`, so handout.css can print each row as a block of
 * labelled write-in spaces instead of columns too narrow to write in.
 * Runs on sanitized hast; the labels are header text, escaped as attributes.
 */
import type {Element, ElementContent, Nodes} from 'hast'
import {visit} from 'unist-util-visit'

/** Columns from which a write-in table is stacked on paper (four fit Letter and A4). */
export const stackFromColumns = 5

const textOf = (node: Nodes): string => {
  let text = ''
  visit(node, 'text', (t) => {
    text += t.value
  })
  return text.replace(/\s+/g, ' ').trim()
}

const rowsOf = (table: Element): Element[] => {
  const rows: Element[] = []
  visit(table, 'element', (element: Element) => {
    if (element.tagName === 'tr') rows.push(element)
  })
  return rows
}

const cellsOf = (row: Element): Element[] => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))

/**
 * Mark wide write-in tables in handout content (in place).
 *
 * @param nodes Sanitized hast of one handout.
 * @returns The same nodes.
 */
export function markWideWorksheetTables(nodes: ElementContent[]): ElementContent[] {
  for (const node of nodes) {
    visit(node, 'element', (table: Element) => {
      if (table.tagName !== 'table') return
      const [head, ...body] = rowsOf(table)
      const labels = head ? cellsOf(head).map(textOf) : []
      const blank = body.some((row) => cellsOf(row).some((cell) => cell.tagName === 'td' && textOf(cell) === '' && cell.children.length === 0))
      if (labels.length < stackFromColumns || !blank) return 'skip'
      table.properties.className = ['stacked-on-paper']
      for (const row of body) cellsOf(row).forEach((cell, index) => {
        if (labels[index]) cell.properties.dataLabel = labels[index]
      })
      return 'skip'
    })
  }
  return nodes
}
