/**
 * Bounds on how much work one module may cost, measured by a linear scan of
 * its text before parsing. The Markdown parser (micromark) resolves emphasis,
 * strikethrough and links in time that grows with the square of the markers
 * in one paragraph, and every line has a fixed cost; without these bounds a
 * 30 KB module of `*a*a*a…` or `]]]…` holds a run for minutes.
 */

/** Largest module, in bytes (a session module is a few KB; 5 MB is tested to build). */
export const maxModuleBytes = 10_000_000

/** Most lines in a module. */
export const maxModuleLines = 50_000

/** Most emphasis markers and brackets (`*`, `_`, `~`, `[`, `]`) in one paragraph, list item or table row. */
export const maxBlockMarkers = 2_000

/**
 * Budget for the whole module: the sum over its blocks of (markers in the
 * block)². Parse time grows with this sum; 10,000,000 keeps the worst case
 * well under a second and is hundreds of times what real modules use.
 */
export const maxMarkerWork = 10_000_000

/** Why a module is refused, and where. */
export interface ComplexityProblem {
  reason: string
  line: number
}

const markerSet = new Set(['*', '_', '~', '[', ']'])
// A list item marker with at most three spaces before it (after quote markers):
// group 1 is a bullet, group 2 an ordered item's number.
const listItem = /^(?:[ \t]*>)*[ ]{0,3}(?:([-*+])|(\d{1,9})[.)])[ \t]+\S/
// Matched on a trimmed row; no two `[ \t]*` touch, so it cannot backtrack badly.
const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/
// A line that ends an inline block: empty, or nothing but quote markers.
const blankLine = /^[\s>]*$/

/**
 * Measure a module's text against the bounds above, in one pass.
 *
 * @param source The module text (already decoded).
 * @param bytes Its size in bytes.
 * @returns The first bound it breaks, or `undefined` when it is safe to parse.
 */
export function scanComplexity(source: string, bytes: number): ComplexityProblem | undefined {
  const refuse = (detail: string, expected: string, line: number): ComplexityProblem => ({
    reason: `Unexpected module too complex to process (${detail}), expected ${expected}`,
    line
  })
  if (bytes > maxModuleBytes) return refuse(`${format(bytes)} bytes`, `at most ${format(maxModuleBytes)} bytes`, 1)

  let lines = 1
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lines++
  if (lines > maxModuleLines) return refuse(`${format(lines)} lines`, `at most ${format(maxModuleLines)} lines`, 1)

  // Blocks approximate the parser's inline runs: a paragraph, a list item, a
  // table row. Where unsure, lines are counted together, which over-estimates
  // and so stays safe.
  let work = 0
  let block = 0
  let blockStart = 1
  let densest = {markers: 0, line: 1}
  const close = () => {
    work += block * block
    if (block > densest.markers) densest = {markers: block, line: blockStart}
    block = 0
  }
  // Frontmatter is YAML, bounded by its own scan (read-yaml.ts).
  const frontmatter = frontmatterText(source)
  let line = frontmatterLines(source) + 1
  let start = frontmatter.length
  let previous = ''
  let previousBlank = true
  let inList = false
  let inTable = false
  while (start <= source.length) {
    let end = source.indexOf('\n', start)
    if (end === -1) end = source.length
    const text = source.slice(start, end)
    if (blankLine.test(text)) {
      close()
      previousBlank = true
      inList = false
      inTable = false
    } else {
      const item = listItem.exec(text)
      // A bullet always starts an item; `2.` only after a blank line or
      // inside a list (it cannot interrupt a paragraph).
      const startsItem = item !== null && (item[1] !== undefined || item[2] === '1' || previousBlank || inList)
      if (startsItem) inList = true
      if (!inTable && !previousBlank && text.includes('-') && delimiterRow.test(rowText(text)) && cells(previous) === cells(text) && block === countMarkers(previous)) inTable = true
      if (startsItem || inTable) close()
      if (block === 0) blockStart = line
      block += countMarkers(text)
      if (block > maxBlockMarkers) {
        return refuse(`more than ${format(maxBlockMarkers)} emphasis markers and brackets (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) in the block from line ${blockStart} to ${line}`, `at most ${format(maxBlockMarkers)} in one paragraph, list item or table row`, blockStart)
      }
      previousBlank = false
    }
    previous = text
    line++
    start = end + 1
  }
  close()
  if (work > maxMarkerWork) {
    return refuse(`blocks dense with emphasis markers and brackets (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) throughout, up to ${format(densest.markers)} in the block at line ${densest.line}`, 'far fewer markers per paragraph, list or table', densest.line)
  }
  return undefined
}

function countMarkers(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) if (markerSet.has(text[index])) count++
  return count
}

/** Cells in a table row, as GFM splits them (unescaped pipes, outer pipes dropped). */
function cells(row: string): number {
  let inner = rowText(row)
  if (inner.startsWith('|')) inner = inner.slice(1)
  if (inner.endsWith('|') && !inner.endsWith('\\|')) inner = inner.slice(0, -1)
  return inner.split(/(?<!\\)\|/).length
}

/** A row without its quote markers and outer whitespace. */
function rowText(row: string): string {
  return row.replace(/^(?:[ \t]*>)*/, '').trim()
}

const frontmatterPattern = /^---\r?\n(?:[^]*?\r?\n)?---[ \t]*(?:\r?\n|$)/

function frontmatterText(source: string): string {
  return source.startsWith('---') ? frontmatterPattern.exec(source)?.[0] ?? '' : ''
}

/**
 * How many lines the YAML frontmatter (with its `---` lines) takes at the top
 * of a module: those lines are YAML, not Markdown, for every line scan.
 *
 * @param source Module text.
 * @returns A line count, 0 without frontmatter.
 */
export function frontmatterLines(source: string): number {
  const text = frontmatterText(source)
  let lines = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++
  return text && !text.endsWith('\n') ? lines + 1 : lines
}

function format(value: number): string {
  return value.toLocaleString('en-US')
}
