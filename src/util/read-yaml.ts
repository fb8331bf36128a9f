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
 * Deepest nesting of YAML collections. The `yaml` package recurses per level:
 * a few thousand `[` overflow the stack, and ten thousand crash the process
 * outright, so depth is measured before parsing.
 */
export const maxYamlNesting = 100

/**
 * Parse YAML text.
 *
 * @param text The YAML.
 * @param firstLine File line of the text's first line (default 1).
 * @returns Data, errors and a locator; never throws for bad YAML.
 */
export function readYaml(text: string, firstLine = 1): PositionedYaml {
  const deep = tooDeep(text)
  if (deep) {
    const lineCounter = new LineCounter()
    lineCounter.addNewLine(0)
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1)
    const pos = lineCounter.linePos(deep.offset)
    const place = {line: firstLine - 1 + Math.max(pos.line, 1), column: Math.max(pos.col, 1)}
    return {
      data: undefined,
      errors: [{reason: `Unexpected YAML nesting ${deep.depth} levels deep, expected at most ${maxYamlNesting} levels of lists and mappings`, place}],
      place: () => ({start: place, end: place})
    }
  }
  const lineCounter = new LineCounter()
  let doc: ReturnType<typeof parseDocument>
  try {
    doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false})
  } catch (error) {
    // A stack overflow the scan did not foresee is still the input's fault.
    if (!(error instanceof RangeError)) throw error
    const start = {line: firstLine, column: 1}
    return {data: undefined, errors: [{reason: `Unexpected YAML too deeply nested to process, expected at most ${maxYamlNesting} levels of lists and mappings`, place: start}], place: () => ({start, end: start})}
  }
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
      const reason = error instanceof RangeError ? `Unexpected YAML too deeply nested to process, expected at most ${maxYamlNesting} levels of lists and mappings` : cleanMessage((error as Error).message)
      errors.push({reason, place: toPoint(0)})
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

/**
 * Where YAML collections first nest deeper than {@link maxYamlNesting}, in one
 * pass: flow brackets (`[`, `{`) outside quotes and comments, plus block
 * indentation (every two columns may open a level). Over-counting is safe:
 * the bound is far above any real frontmatter, program or config.
 */
function tooDeep(text: string): {depth: number; offset: number} | undefined {
  let flow = 0
  let quote: '"' | "'" | undefined
  let lineStart = true
  let indent = 0
  let found: {depth: number; offset: number} | undefined
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quote) {
      if (char === '\\' && quote === '"') index++
      else if (char === quote) quote = undefined
      continue
    }
    if (char === '\n') {
      lineStart = true
      indent = 0
      continue
    }
    if (lineStart) {
      if (char === ' ' || char === '-' || char === '?' || char === ':') {
        // Block nesting: `- - - x` and deep indentation open a level per two columns.
        indent++
        continue
      }
      lineStart = false
    }
    if (char === '#' && (index === 0 || /\s/.test(text[index - 1]))) {
      const end = text.indexOf('\n', index)
      index = (end === -1 ? text.length : end) - 1
      continue
    }
    // Quotes and brackets are indicators only where a value may start (not in `it's [sic`).
    const indicator = flow > 0 || valueStart(text, index)
    if ((char === '"' || char === "'") && indicator) {
      quote = char
      continue
    }
    if ((char === '[' || char === '{') && indicator) flow++
    else if ((char === ']' || char === '}') && flow > 0) flow--
    const depth = flow + Math.floor(indent / 2)
    if (depth > maxYamlNesting && (!found || depth > found.depth)) found = {depth, offset: found?.offset ?? index}
  }
  return found
}

/** Whether a value may start at `index`: after line start, `- `, `: `, `? `, `[`, `{` or `,`. */
function valueStart(text: string, index: number): boolean {
  let at = index - 1
  while (at >= 0 && (text[at] === ' ' || text[at] === '\t')) at--
  if (at < 0 || text[at] === '\n' || text[at] === '[' || text[at] === '{' || text[at] === ',') return true
  return at < index - 1 && (text[at] === '-' || text[at] === ':' || text[at] === '?')
}

function cleanMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  return `Unexpected YAML syntax: ${first}`
}
