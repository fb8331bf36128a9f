/**
 * Parses a module file once. The result (tree, frontmatter, sections, hash)
 * serves every later step: lint, guide, handout and assembly all read it and
 * none parses again.
 */
import {createHash} from 'node:crypto'
import type {Root, Yaml} from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {frontmatterSchema, type ModuleMeta} from './frontmatter-schema.js'
import {readFrontmatter, type Frontmatter} from './read-frontmatter.js'
import {lineDepth, maxNesting, treeDepth} from './nesting.js'
import {splitSections, type ModuleSections} from './sections.js'

/** A parsed session module. */
export interface SessionModule {
  /** The file; lint messages are attached to it. */
  file: VFile
  /** The one mdast parse of the whole file, frontmatter included. */
  tree: Root
  /** Frontmatter, or `undefined` when the file has none. */
  frontmatter: Frontmatter | undefined
  /** Validated metadata, or `undefined` when the frontmatter is invalid. */
  meta: ModuleMeta | undefined
  /** Problems found validating the frontmatter against the schema. */
  schemaIssues: Array<{path: PropertyKey[]; message: string; code: string}>
  sections: ModuleSections
  /** `sha256-<hex>` of the file's bytes: proves which text was delivered. */
  hash: string
  /** The file's text, used to read exact source (e.g. directive fences). */
  source: string
}

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .freeze()

/** Input accepted by {@link parseModule}. */
export interface ModuleInput {
  /** Path shown in messages and used for the id check. */
  path: string
  /** File contents. */
  value: string | Uint8Array
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Parse one module.
 *
 * @param input Path and contents (bytes are decoded as strict UTF-8).
 * @returns The parsed module; problems are recorded, never thrown.
 */
export function parseModule(input: ModuleInput): SessionModule {
  const bytes = typeof input.value === 'string' ? Buffer.from(input.value) : input.value
  const hash = 'sha256-' + createHash('sha256').update(bytes).digest('hex')
  const file = new VFile({path: input.path})
  let source: string

  if (typeof input.value === 'string') {
    source = input.value.replace(/^\uFEFF/, '')
  } else {
    try {
      source = utf8.decode(input.value)
    } catch {
      source = ''
      const offset = firstInvalidUtf8(input.value)
      const message = file.message('Unexpected bytes that are not UTF-8, expected a UTF-8 text file', {
        place: offsetToPoint(input.value, offset),
        ruleId: 'encoding',
        source: 'iop'
      })
      message.fatal = true
    }
  }

  // Line endings: CRLF is common from Windows editors; positions stay true.
  file.value = source
  const tree = parseBounded(file, source)
  const node = tree.children[0]
  const frontmatter = node && node.type === 'yaml' ? readFrontmatter(node as Yaml) : undefined

  let meta: ModuleMeta | undefined
  const schemaIssues: SessionModule['schemaIssues'] = []
  if (frontmatter && frontmatter.errors.length === 0) {
    const result = frontmatterSchema.safeParse(frontmatter.data ?? {})
    if (result.success) meta = result.data
    else {
      for (const issue of result.error.issues) {
        schemaIssues.push({path: issue.path, message: issue.message, code: issue.code})
      }
    }
  }

  return {file, tree, frontmatter, meta, schemaIssues, sections: splitSections(tree), hash, source}
}

/**
 * Parse, refusing absurdly deep nesting before it costs minutes or overflows
 * the stack (the unified tools recurse). Problems become fatal messages.
 */
function parseBounded(file: VFile, source: string): Root {
  const lines = source.split('\n')
  const depths = lines.map((line) => lineDepth(line))
  const deepest = depths.indexOf(Math.max(0, ...depths))
  if (depths[deepest] > maxNesting) {
    const message = file.message(`Unexpected nesting ${depths[deepest]} levels deep, expected at most ${maxNesting} levels of lists and quotes`, {place: {line: deepest + 1, column: 1}, ruleId: 'nesting', source: 'iop'})
    message.fatal = true
  }
  try {
    // Too-deep lines are blanked (line numbers stay true) so the rest of the
    // module still parses and gets its other messages.
    const bounded = depths.some((d) => d > maxNesting) ? lines.map((line, i) => (depths[i] > maxNesting ? '' : line)).join('\n') : source
    const tree = parser.parse(new VFile({path: file.path, value: bounded})) as Root
    // Lists and quotes add two levels each (list, item); leave room for inline nodes.
    if (treeDepth(tree) > maxNesting * 3) throw new RangeError('nesting')
    return tree
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    if (file.messages.some((m) => m.ruleId === 'nesting')) return {type: 'root', children: []}
    const message = file.message(`Unexpected structure too deeply nested to process, expected at most ${maxNesting} levels of lists and quotes`, {place: {line: 1, column: 1}, ruleId: 'nesting', source: 'iop'})
    message.fatal = true
    return {type: 'root', children: []}
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search the longest valid prefix; cheap and exact enough for a message.
  let low = 0
  let high = bytes.length
  while (low < high) {
    const mid = (low + high + 1) >> 1
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, mid), {stream: true})
      low = mid
    } catch {
      high = mid - 1
    }
  }
  return low
}

function offsetToPoint(bytes: Uint8Array, offset: number) {
  let line = 1
  let column = 1
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 10) {
      line++
      column = 1
    } else column++
  }
  return {line, column}
}
