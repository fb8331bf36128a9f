/**
 * YAML with true positions (the `yaml` package's CST ranges): every syntax
 * problem and every schema issue can be reported at its line and column.
 * Duplicate keys are errors and aliases are capped against alias bombs.
 */
import type {Point, Position} from 'unist'
import {isNode, LineCounter, parseDocument} from 'yaml'

/** Parsed YAML and a way to locate any value in the file. */
export interface PositionedYaml {
  /** Plain data (`undefined` when the YAML is unusable). */
  data: unknown
  /** Syntax problems, placed in the file. */
  errors: Array<{reason: string; place: Point}>
  /** Where the value at `path` stands; falls back to the nearest parent. */
  place(path: ReadonlyArray<PropertyKey>): Position
}

/** Aliases allowed before a document counts as an alias bomb. */
export const maxAliasCount = 100

/**
 * Parse YAML text.
 *
 * @param text The YAML.
 * @param firstLine File line of the text's first line (default 1).
 * @returns Data, errors and a locator; never throws for bad YAML.
 */
export function readYaml(text: string, firstLine = 1): PositionedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false})
  const toPoint = (offset: number): Point => {
    const pos = lineCounter.linePos(offset)
    return {line: firstLine - 1 + Math.max(pos.line, 1), column: Math.max(pos.col, 1)}
  }
  const errors = doc.errors.map((error) => ({reason: cleanMessage(error.message), place: toPoint(error.pos[0])}))
  let data: unknown
  if (errors.length === 0) {
    try {
      data = doc.toJS({maxAliasCount})
    } catch (error) {
      errors.push({reason: cleanMessage((error as Error).message), place: toPoint(0)})
    }
  }
  const start = toPoint(0)
  return {
    data,
    errors,
    place(path) {
      for (let length = path.length; length > 0; length--) {
        const found = doc.getIn(path.slice(0, length) as unknown[], true)
        if (isNode(found) && found.range) return {start: toPoint(found.range[0]), end: toPoint(found.range[1])}
      }
      return {start, end: start}
    }
  }
}

function cleanMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  return `Unexpected YAML syntax: ${first}`
}
