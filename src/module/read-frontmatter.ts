/**
 * Reads the YAML frontmatter node that remark-frontmatter left in the tree,
 * keeping true file positions: every YAML problem and every schema issue is
 * placed at its real line and column in the module file.
 */
import type {Yaml} from 'mdast'
import type {Point, Position} from 'unist'
import {isNode, LineCounter, parseDocument, type Document} from 'yaml'

/** Frontmatter parsed from a module, with a way to locate any key. */
export interface Frontmatter {
  /** Plain data (`undefined` when the YAML is unusable). */
  data: unknown
  /** YAML syntax problems, already placed in the file. */
  errors: Array<{reason: string; place: Point}>
  /**
   * Where the value at `path` stands in the file; falls back to the nearest
   * existing parent, then to the frontmatter block itself.
   */
  place(path: ReadonlyArray<PropertyKey>): Position
}

/** Aliases allowed before a document counts as an alias bomb. */
const maxAliasCount = 100

/**
 * Parse the YAML of a frontmatter node.
 *
 * @param node The `yaml` node from remark-frontmatter.
 * @returns Parsed frontmatter; never throws for bad YAML.
 */
export function readFrontmatter(node: Yaml): Frontmatter {
  const start = node.position?.start ?? {line: 1, column: 1, offset: 0}
  const lineCounter = new LineCounter()
  const doc: Document = parseDocument(node.value, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false
  })

  // The YAML text starts on the line after the opening `---`.
  const toPoint = (offset: number): Point => {
    const pos = lineCounter.linePos(offset)
    return {line: start.line + Math.max(pos.line, 1), column: Math.max(pos.col, 1)}
  }

  const errors = doc.errors.map((error) => ({
    reason: cleanYamlMessage(error.message),
    place: toPoint(error.pos[0])
  }))

  let data: unknown
  if (errors.length === 0) {
    try {
      data = doc.toJS({maxAliasCount})
    } catch (error) {
      errors.push({reason: cleanYamlMessage(String((error as Error).message)), place: toPoint(0)})
    }
  }

  const whole: Position = node.position ?? {start, end: start}

  return {
    data,
    errors,
    place(path) {
      for (let length = path.length; length > 0; length--) {
        const found = doc.getIn(path.slice(0, length) as unknown[], true)
        if (isNode(found) && found.range) {
          return {start: toPoint(found.range[0]), end: toPoint(found.range[1])}
        }
        // A missing key: point at the key of the parent mapping instead.
      }
      return whole
    }
  }
}

/** YAML messages carry a code excerpt after a colon and newline; keep the sentence. */
function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  return `Unexpected YAML syntax: ${first}`
}
