/**
 * Wide write-in tables on paper: a table of five or more columns with blank
 * cells is marked `stacked-on-paper`, and each body cell gets its column's
 * heading as `data-label`, so handout.css can print each row as a block of
 * labelled write-in spaces instead of columns too narrow to write in.
 * Any table with a column left blank for writing is marked `write-in`: the
 * blank columns take the width and the label columns only what they need
 * (`labels-N`), so the space to write is not the narrow one.
 * Runs on sanitized hast; the labels are header text, escaped as attributes.
 */
import type {Element, ElementContent, Nodes} from 'hast'
import {visit} from 'unist-util-visit'

/** Columns from which a write-in table is stacked on paper (four fit Letter and A4). */
export const stackFromColumns = 5

/** Longest heading of a blank column that takes a mark (a tick, a letter), not sentences. */
export const markHeadingLength = 6

/** Body rows above which a write-in table is a grid of one-line cells. */
export const gridFromRows = 5

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
      const isBlank = (cell: Element | undefined) => cell !== undefined && cell.tagName === 'td' && textOf(cell) === '' && cell.children.length === 0
      const blank = body.some((row) => cellsOf(row).some(isBlank))
      if (!head || !blank) return 'skip'
      const writeIn = labels.map((_, index) => body.length > 0 && body.every((row) => isBlank(cellsOf(row)[index])))
      const labelColumns = writeIn.filter((w) => !w).length
      if (writeIn.some(Boolean) && labelColumns > 0) {
        // A long grid (a week by the hour, a log) holds a word or two per cell:
        // one writing line each, or it could never fit its page.
        // A blank column under a short heading ("Me?", "G or S") takes a mark,
        // not sentences: its cells are not write-in space three lines tall.
        // Not in a stacked table: there every cell is a labelled block of its own.
        const stacked = labels.length >= stackFromColumns
        const mark = labels.map((label, index) => !stacked && writeIn[index] && label.length <= markHeadingLength)
        // Label columns give way only to columns for sentences.
        const widths = writeIn.some((w, index) => w && !mark[index]) ? [`labels-${Math.min(labelColumns, 3)}`] : []
        table.properties.className = ['write-in', ...widths, ...(body.length > gridFromRows ? ['grid'] : [])]
        cellsOf(head).forEach((cell, index) => {
          if (writeIn[index]) cell.properties.className = mark[index] ? ['write-in', 'mark'] : ['write-in']
        })
        for (const row of body) cellsOf(row).forEach((cell, index) => {
          if (mark[index]) cell.properties.className = ['mark']
        })
      }
      if (labels.length < stackFromColumns) return 'skip'
      table.properties.className = ['stacked-on-paper']
      for (const row of body) cellsOf(row).forEach((cell, index) => {
        if (labels[index]) cell.properties.dataLabel = labels[index]
      })
      return 'skip'
    })
  }
  return nodes
}
