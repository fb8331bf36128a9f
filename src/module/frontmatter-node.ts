/**
 * Finds the YAML frontmatter block without parsing the Markdown: the same
 * `yaml` node remark-frontmatter makes (value and position), so commands that
 * need only metadata (`iop list`, the curriculum index) skip micromark.
 * It follows micromark-extension-frontmatter: `---` at the very start, spaces
 * or tabs after either fence, any line ending, and a closing `---` line.
 */
import type {Yaml} from 'mdast'

const opening = /^---[ \t]*(\r\n|\r|\n)/
const closing = /^---[ \t]*$/

/**
 * The frontmatter node of a module's text, as remark-frontmatter would give it.
 *
 * @param source The module's text (BOM already removed).
 * @returns The `yaml` node, or `undefined` when the text has no frontmatter.
 */
export function frontmatterNode(source: string): Yaml | undefined {
  const open = opening.exec(source)
  if (!open) return undefined
  // Walk the lines after the opening fence (a sticky search: linear in the text).
  const valueStart = open[0].length
  const lineEnd = /\r\n|\r|\n/g
  let offset = valueStart
  let line = 2
  for (;;) {
    lineEnd.lastIndex = offset
    const end = lineEnd.exec(source)
    const text = source.slice(offset, end ? end.index : source.length)
    if (closing.test(text)) {
      // The value stops before the line ending that precedes the closing fence.
      const value = offset === valueStart ? '' : source.slice(valueStart, offset - lineEndingBefore(source, offset))
      return {type: 'yaml', value, position: {start: {line: 1, column: 1, offset: 0}, end: {line, column: text.length + 1, offset: offset + text.length}}}
    }
    if (!end) return undefined
    offset = end.index + end[0].length
    line++
  }
}

function lineEndingBefore(source: string, offset: number): number {
  return source[offset - 1] === '\n' && source[offset - 2] === '\r' ? 2 : 1
}
