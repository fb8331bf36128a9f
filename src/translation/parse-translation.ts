/**
 * A translation file read once: its parse (the same parser as modules, so
 * the client-safety guard and the renderers read it unchanged), its
 * validated frontmatter, and its handouts (the H3 parts under `## Handouts`).
 */
import {readFileSync} from 'node:fs'
import type {Yaml} from 'mdast'
import {readFrontmatter} from '../module/read-frontmatter.js'
import {parseModule, type ModuleIndex, type SessionModule} from '../module/parse-module.js'
import type {Part} from '../module/sections.js'
import {UserError} from '../util/user-error.js'
import {translationName, type TranslationName} from './translation-path.js'
import {translationSchema, type TranslationMeta} from './translation-schema.js'

/** A parsed translation. */
export interface Translation {
  /** The parse of the file (tree, source, vfile for messages, sections). */
  parse: SessionModule
  /** Module id and language from the file name. */
  name: TranslationName
  /** Validated frontmatter, or `undefined` when it is invalid. */
  meta: TranslationMeta | undefined
  /** Problems found validating the frontmatter. */
  schemaIssues: Array<{path: PropertyKey[]; message: string; code: string}>
  /** The translated handouts, in file order. */
  handouts: Part[]
}

const cache = new WeakMap<SessionModule, Translation>()

/**
 * The translation view of a parsed file (cached per parse).
 *
 * @param parse The parse of a `<id>.<lang>.md` file.
 * @returns The translation.
 */
export function translationFromParse(parse: SessionModule, known?: TranslationIndexEntry): Translation {
  const cached = cache.get(parse)
  if (cached) return cached
  const name = translationName(parse.file.path) ?? {id: '', lang: ''}
  let meta: TranslationMeta | undefined
  const schemaIssues: Translation['schemaIssues'] = []
  if (known) {
    meta = known.meta ?? undefined
    schemaIssues.push(...known.schemaIssues)
  } else {
    // The module parse read the frontmatter against the module schema; read it again for this one.
    const node = parse.frontmatter ? undefined : parse.tree.children[0]
    const frontmatter = parse.frontmatter ?? (node?.type === 'yaml' ? readFrontmatter(node as Yaml) : undefined)
    if (frontmatter && frontmatter.errors.length === 0) {
      const result = translationSchema.safeParse(frontmatter.data ?? {})
      if (result.success) meta = result.data
      else for (const issue of result.error.issues) schemaIssues.push({path: issue.path, message: issue.message, code: issue.code})
    }
  }
  // Handouts are read from the tree when first needed: a lazy parse stays lazy.
  const translation: Translation = {
    parse,
    name,
    meta,
    schemaIssues,
    get handouts() {
      return parse.sections.byKind.handouts?.parts ?? []
    }
  }
  cache.set(parse, translation)
  return translation
}

/** A translation's metadata as the lint cache's index keeps it. */
export interface TranslationIndexEntry {
  meta: TranslationMeta | null
  schemaIssues: Translation['schemaIssues']
}

/**
 * Read and parse one translation file.
 *
 * @param file Path to `<id>.<lang>.md`.
 * @returns The translation.
 * @throws {UserError} When the file cannot be read.
 */
export function readTranslationFile(file: string, index?: ModuleIndex): Translation {
  let value: Buffer
  try {
    value = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${file}:1:1: Unexpected unreadable file (${code ?? 'error'}), expected a readable translation`)
  }
  // With an index (the lint cache's), a warm read takes the metadata from it and reads no YAML.
  const parse = parseModule({path: file, value}, {lazy: true, index, reread: () => readFileSync(file)})
  const entry = index?.get(file, parse.hash)
  if (entry?.translation) return translationFromParse(parse, entry.translation as TranslationIndexEntry)
  const translation = translationFromParse(parse)
  if (index && entry) index.set(file, parse.hash, {...entry, translation: {meta: translation.meta ?? null, schemaIssues: translation.schemaIssues}})
  return translation
}
