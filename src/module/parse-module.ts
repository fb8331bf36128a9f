/**
 * Parses a module file once. The result (tree, frontmatter, sections, hash)
 * serves every later step: lint, guide, handout and assembly all read it and
 * none parses again. A lazy module (`{lazy: true}`, as the curriculum loader
 * reads them) has its frontmatter and metadata at once but parses the
 * Markdown only when a step first needs the tree, and can let the tree go
 * again ({@link releaseTree}), so a large curriculum is not held in memory.
 */
import {createHash} from 'node:crypto'
import type {Root, Text, Yaml} from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {frontmatterSchema, type ModuleMeta} from './frontmatter-schema.js'
import {readFrontmatter, type Frontmatter} from './read-frontmatter.js'
import {frontmatterLines, scanComplexity} from './complexity.js'
import {directiveTooDeep, lineDepth, maxNesting, treeDepth} from './nesting.js'
import {splitSections, type ModuleSections} from './sections.js'
import {UserError} from '../util/user-error.js'
import {frontmatterNode} from './frontmatter-node.js'
import remarkGfmWithoutLiteralAutolinks from './gfm-without-literal-autolinks.js'
import {EXIT, visit} from 'unist-util-visit'

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
  /**
   * False when a fatal `encoding`, `nesting` or `complexity` message stopped
   * the parse: the tree is then empty, and lint adds nothing that would only
   * echo that one problem (such as "Missing frontmatter").
   */
  parsed: boolean
}

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .freeze()

/** The same parser without literal autolinks, for text that holds none (see {@link parseText}). */
const quickParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfmWithoutLiteralAutolinks)
  .use(remarkDirective)
  .freeze()

/** What a literal autolink needs in the text: `www.`, `://` or `@`. */
const autolinkHint = /www\.|:\/\/|@/i

/**
 * Parse with GFM. Literal autolinks need `www.`, `://` or `@`; text without
 * them (in the source, and in the text once character references such as
 * `&#64;` are decoded) parses to the same tree without that extension, which
 * checks every word and costs about a third of a parse.
 */
function parseText(value: string, path: string): Root {
  if (autolinkHint.test(value)) return parser.parse(new VFile({path, value})) as Root
  const tree = quickParser.parse(new VFile({path, value})) as Root
  if (!value.includes('&')) return tree
  let decoded = false
  visit(tree, 'text', (node: Text) => {
    if (!autolinkHint.test(node.value)) return undefined
    decoded = true
    return EXIT
  })
  return decoded ? (parser.parse(new VFile({path, value})) as Root) : tree
}

/** Input accepted by {@link parseModule}. */
export interface ModuleInput {
  /** Path shown in messages and used for the id check. */
  path: string
  /** File contents. */
  value: string | Uint8Array
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** How to parse: `lazy` defers the Markdown parse until the tree is needed. */
export interface ParseOptions {
  lazy?: boolean
  /**
   * Lazy modules only: metadata kept from an earlier read of the same bytes
   * (the lint cache's index), so neither the YAML nor the line scans run now.
   */
  index?: ModuleIndex
  /**
   * Lazy modules only: read the bytes again. Given, the module holds no text
   * while no step uses it (a large curriculum's index stays small); bytes
   * that differ from those first read are refused.
   */
  reread?: () => Uint8Array
}

/** What a lazy module's metadata needs from an earlier read. */
export interface IndexEntry {
  meta: ModuleMeta | null
  schemaIssues: SessionModule['schemaIssues']
  /** For a translation file: its metadata under the translation schema. */
  translation?: {meta: Record<string, unknown> | null; schemaIssues: SessionModule['schemaIssues']}
}

/** Where metadata of earlier reads is kept, by path and content hash. */
export interface ModuleIndex {
  get(path: string, hash: string): IndexEntry | undefined
  set(path: string, hash: string, entry: IndexEntry): void
}

/**
 * Parse one module.
 *
 * @param input Path and contents (bytes are decoded as strict UTF-8).
 * @param options `lazy: true` reads frontmatter now and the Markdown when first needed.
 * @returns The parsed module; problems are recorded, never thrown.
 */
export function parseModule(input: ModuleInput, options: ParseOptions = {}): SessionModule {
  const bytes = typeof input.value === 'string' ? Buffer.from(input.value) : input.value
  const hash = 'sha256-' + createHash('sha256').update(bytes).digest('hex')
  const file = new VFile({path: input.path})
  let source: string
  let decoded = true

  if (typeof input.value === 'string') {
    source = input.value.replace(/^\uFEFF/, '')
  } else {
    try {
      source = utf8.decode(input.value)
    } catch {
      source = ''
      decoded = false
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
  // Only modules that were not refused are indexed, so a known one needs no scan now.
  const known = decoded && options.lazy ? options.index?.get(input.path, hash) : undefined
  // Text from a string cannot be read again, so such a module keeps it.
  const reread = typeof input.value === 'string' ? undefined : options.reread
  if (known) return new LazyModule(file, source, hash, bytes.length, reread, known)
  const text = decoded ? boundedText(file, source, bytes.length) : undefined
  if (text === undefined) return refused(file, source, hash)
  if (options.lazy) {
    const module = new LazyModule(file, source, hash, bytes.length, reread, undefined, text)
    options.index?.set(input.path, hash, {meta: module.meta ?? null, schemaIssues: module.schemaIssues})
    return module
  }
  const tree = parseChecked(file, text)
  return tree ? moduleFromTree(tree, file, source, hash) : refused(file, source, hash)
}

/**
 * Let a lazy module's tree go (its next use parses again, adding no second
 * copy of its parse messages). Eager modules keep theirs.
 *
 * @param module A module.
 */
export function releaseTree(module: SessionModule): void {
  if (module instanceof LazyModule) module.release()
}

/**
 * Record that a lazy module parses (from a cache or a worker that parsed it),
 * so lint need not parse it to know.
 *
 * @param module A module.
 * @param parsed Whether its Markdown parses.
 */
export function knowParsed(module: SessionModule, parsed: boolean): void {
  if (module instanceof LazyModule) module.knownParsed = parsed
}

/** A module refused before or while parsing: an empty tree and no metadata. */
function refused(file: VFile, source: string, hash: string): SessionModule {
  const empty: Root = {type: 'root', children: []}
  return {file, tree: empty, frontmatter: undefined, meta: undefined, schemaIssues: [], sections: splitSections(empty), hash, source, parsed: false}
}

/** Frontmatter, metadata and schema problems of a module's frontmatter node. */
function metadata(node: Yaml | undefined): Pick<SessionModule, 'frontmatter' | 'meta' | 'schemaIssues'> {
  const frontmatter = node ? readFrontmatter(node) : undefined
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
  return {frontmatter, meta, schemaIssues}
}

/**
 * A module whose Markdown is parsed on first use of `tree`, `sections` or
 * `parsed`. Its frontmatter comes from {@link frontmatterNode}, the same node
 * the full parse gives, so metadata never differs between the two.
 */
class LazyModule implements SessionModule {
  readonly meta: ModuleMeta | undefined
  readonly schemaIssues: SessionModule['schemaIssues']
  /** Set when a cache or worker already knows whether the Markdown parses. */
  knownParsed: boolean | undefined
  #parse: {tree: Root; sections: ModuleSections; parsed: boolean} | undefined
  #parsedOnce = false
  #frontmatter: {value: Frontmatter | undefined} | undefined
  /** The text, while held; a module read from a file lets it go with its tree and reads it again. */
  #source: string | undefined
  /** The bounded text of the first parse, when the line scans already ran at load (text from a string only). */
  #firstText: string | undefined
  /** Whether the line scans' messages are on the file already (they ran at load). */
  #scanned: boolean

  constructor(
    readonly file: VFile,
    source: string,
    readonly hash: string,
    readonly bytes: number,
    readonly reread: (() => Uint8Array) | undefined,
    known?: IndexEntry,
    firstText?: string
  ) {
    if (known) {
      this.meta = known.meta ?? undefined
      this.schemaIssues = known.schemaIssues
    } else {
      // The YAML document (with positions) is large; it is read again when a rule needs a place.
      // A copy, because strings cut from the text would keep the whole text alive.
      const {meta, schemaIssues} = metadata(frontmatterNode(source))
      this.meta = structuredClone(meta)
      this.schemaIssues = structuredClone(schemaIssues)
    }
    this.#scanned = firstText !== undefined
    // A module that can read its text again lets it go now; the scans run again, silently, at its parse.
    this.#firstText = reread ? undefined : firstText
    this.#source = source
    this.#letTextGo()
  }

  get source(): string {
    if (this.#source !== undefined) return this.#source
    // Read again: the index keeps no text. Bytes other than those loaded mean the file changed under us.
    const bytes = this.reread!()
    if ('sha256-' + createHash('sha256').update(bytes).digest('hex') !== this.hash) {
      throw new UserError(`${this.file.path}: Unexpected change to the module while iop was using it, expected it unchanged until the command ends (run the command again)`)
    }
    this.#source = utf8.decode(bytes)
    this.file.value = this.#source
    return this.#source
  }

  /** The YAML with positions, read when a rule first needs a place in it, and let go with the tree. */
  get frontmatter(): Frontmatter | undefined {
    if (!this.#frontmatter) {
      const node = frontmatterNode(this.source)
      this.#frontmatter = {value: node ? readFrontmatter(node) : undefined}
    }
    return this.#frontmatter.value
  }

  get tree(): Root {
    return this.#parsed().tree
  }

  get sections(): ModuleSections {
    return this.#parsed().sections
  }

  get parsed(): boolean {
    return this.knownParsed ?? this.#parsed().parsed
  }

  release(): void {
    this.#parse = undefined
    this.#frontmatter = undefined
    this.#letTextGo()
  }

  /** A module read from a file holds no text between uses. */
  #letTextGo(): void {
    if (!this.reread) return
    this.#source = undefined
    this.file.value = ''
  }

  #parsed() {
    if (this.#parse) return this.#parse
    // Messages already reported (a scan at load, an earlier parse) go to a scratch file, not again to this one.
    const target = this.#parsedOnce || this.#scanned ? new VFile({path: this.file.path}) : this.file
    const text = this.#firstText ?? boundedText(target, this.source, this.bytes)
    // The parse's own messages are new unless an earlier parse reported them.
    const parseTarget = this.#parsedOnce ? target : this.file
    this.#firstText = undefined
    const tree = text === undefined ? undefined : parseChecked(parseTarget, text)
    this.#parsedOnce = true
    const root: Root = tree ?? {type: 'root', children: []}
    this.#parse = {tree: root, sections: splitSections(root), parsed: tree !== undefined}
    return this.#parse
  }
}

/**
 * The module view of a tree that is already parsed (with frontmatter, GFM
 * and directives): frontmatter, validated metadata and sections. Used by
 * {@link parseModule} and by the remark preset, which gets its tree from
 * remark-parse; neither parses twice.
 *
 * @param tree The mdast of the whole file.
 * @param file The file (messages land on it).
 * @param source The file's text (default: `file.value` as a string).
 * @param hash `sha256-<hex>` of the bytes (default: computed from `source`).
 * @returns The module.
 */
export function moduleFromTree(tree: Root, file: VFile, source = String(file.value ?? ''), hash?: string): SessionModule {
  const node = tree.children[0]
  hash ??= 'sha256-' + createHash('sha256').update(source).digest('hex')
  return {file, tree, ...metadata(node && node.type === 'yaml' ? (node as Yaml) : undefined), sections: splitSections(tree), hash, source, parsed: true}
}

/**
 * Refuse absurdly deep nesting and text that would cost minutes (see
 * complexity.ts) before the parser sees them: line scans, cheap next to a
 * parse. Problems become fatal messages.
 *
 * @returns The text to parse (too-deep lines blanked), or `undefined` when the module is refused outright.
 */
function boundedText(file: VFile, source: string, bytes: number): string | undefined {
  const fail = (reason: string, line: number, ruleId: 'complexity' | 'nesting') => {
    const message = file.message(reason, {place: {line, column: 1}, ruleId, source: 'iop'})
    message.fatal = true
    return undefined
  }
  const complexity = scanComplexity(source, bytes)
  if (complexity) return fail(complexity.reason, complexity.line, 'complexity')

  const lines = source.split('\n')
  // Frontmatter lines are YAML (bounded by read-yaml.ts), not lists or quotes.
  const yamlLines = frontmatterLines(source)
  const markdown = lines.map((line, index) => (index < yamlLines ? '' : line))
  const directives = directiveTooDeep(markdown)
  if (directives) return fail(`Unexpected directives nested ${directives.depth} levels deep, expected at most ${maxNesting} (close each \`:::name\` block with \`:::\`)`, directives.line, 'nesting')

  const depths = markdown.map((line) => lineDepth(line))
  // A loop, not Math.max(...depths): spreading 100,000 lines overflows the stack.
  let deepest = 0
  for (let index = 1; index < depths.length; index++) if (depths[index] > depths[deepest]) deepest = index
  if (depths[deepest] > maxNesting) {
    const message = file.message(`Unexpected nesting ${depths[deepest]} levels deep, expected at most ${maxNesting} levels of lists and quotes`, {place: {line: deepest + 1, column: 1}, ruleId: 'nesting', source: 'iop'})
    message.fatal = true
  }
  // Too-deep lines are blanked (line numbers stay true) so the rest of the
  // module still parses and gets its other messages.
  return depths.some((d) => d > maxNesting) ? lines.map((line, i) => (depths[i] > maxNesting ? '' : line)).join('\n') : source
}

/**
 * Parse text that passed {@link boundedText}, catching a stack overflow
 * should one still happen (the unified tools recurse).
 *
 * @returns The tree, or `undefined` (with a fatal message) when it is too deep to process.
 */
function parseChecked(file: VFile, text: string): Root | undefined {
  try {
    const tree = parseText(text, file.path)
    // Lists and quotes add two levels each (list, item); leave room for inline nodes.
    if (treeDepth(tree) > maxNesting * 3) throw new RangeError('nesting')
    return tree
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    if (file.messages.some((m) => m.ruleId === 'nesting')) return undefined
    const message = file.message(`Unexpected structure too deeply nested to process, expected at most ${maxNesting} levels of lists and quotes`, {place: {line: 1, column: 1}, ruleId: 'nesting', source: 'iop'})
    message.fatal = true
    return undefined
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
