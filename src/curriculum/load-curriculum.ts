/**
 * Loads a curriculum: finds module files in one or more folders, reads each
 * once and indexes them by id. Modules are lazy: frontmatter now, the
 * Markdown when a step first needs it (a listing never parses it). Order never depends on
 * the file system: modules are sorted by path.
 */
import {existsSync, readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadConfig, type CurriculumConfig} from '../config/curriculum-config.js'
import {rules} from '../lint/rules/index.js'
import {defaultLintCache} from '../lint/default-cache.js'
import {parseModule, type ParseOptions, type SessionModule} from '../module/parse-module.js'
import {UserError} from '../util/user-error.js'
import {readTranslationFile, type Translation} from '../translation/parse-translation.js'
import {isTranslationPath} from '../translation/translation-path.js'
import {setHandoutLanguages} from '../translation/handout-languages.js'

/** A loaded curriculum. */
export interface Curriculum {
  /** Folders the modules came from. */
  dirs: string[]
  config: CurriculumConfig
  /** Every module, sorted by path. */
  modules: SessionModule[]
  /** Modules by id (the first, when ids repeat; `unique-id` reports the rest). */
  byId: Map<string, SessionModule>
  /** Translation files (`<id>.<lang>.md`), sorted by path; not modules. */
  translations: Translation[]
}

/** The curriculum bundled with this package. */
export const bundledCurriculumDir = fileURLToPath(new URL('../../curriculum', import.meta.url))

/**
 * Which folders to read when the user names none: the bundled curriculum,
 * plus ./curriculum when the working directory has one, so a program's few
 * local modules add to the library instead of hiding it.
 *
 * @param cwd Working directory (default `process.cwd()`).
 * @returns The bundled folder, and the local one when there is one.
 */
export function defaultCurriculumDirs(cwd = process.cwd()): string[] {
  const local = path.join(cwd, 'curriculum')
  return existsSync(local) && statSync(local).isDirectory() ? [bundledCurriculumDir, local] : [bundledCurriculumDir]
}

/**
 * List module files under a folder: every `.md` below it, except READMEs
 * and translations (`<id>.<lang>.md`, see {@link findTranslationFiles}).
 * A curriculum root holds modules one level down (`<group>/<id>.md`); any
 * other folder (a group, a fixture folder) may hold them directly.
 *
 * @param dir A folder.
 * @param root Whether `dir` is a curriculum root (default true).
 * @returns Sorted absolute paths.
 */
export function findModuleFiles(dir: string, root = true): string[] {
  return findMarkdownFiles(dir, root).filter((file) => !isTranslationPath(file))
}

/**
 * List translation files (`<id>.<lang>.md`) under a folder, as
 * {@link findModuleFiles} lists modules.
 *
 * @param dir A folder.
 * @param root Whether `dir` is a curriculum root (default true).
 * @returns Sorted absolute paths.
 */
export function findTranslationFiles(dir: string, root = true): string[] {
  return findMarkdownFiles(dir, root).filter((file) => isTranslationPath(file))
}

function findMarkdownFiles(dir: string, root: boolean): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`${dir}: Unexpected missing curriculum folder, expected a folder of modules (curriculum/<group>/<id>.md)`)
  }
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md') && !/(^|[\\/])(readme|license|contributing|changelog)\.md$/i.test(name) && (!root || name.includes(path.sep)))
    .map((name) => path.join(dir, name))
    .sort()
}

/**
 * Read and parse one module file.
 *
 * @param file Path to a module.
 * @param options `lazy`: parse the Markdown when first needed (the loader's way).
 * @returns The parsed module.
 * @throws {UserError} When the file cannot be read.
 */
export function readModuleFile(file: string, options: ParseOptions = {}): SessionModule {
  let value: Buffer
  try {
    value = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${file}:1:1: Unexpected unreadable file (${code ?? 'error'}), expected a readable Markdown module`)
  }
  return parseModule({path: file, value}, options.lazy ? {reread: () => readFileSync(file), ...options} : options)
}

/**
 * Load every module under the given folders.
 *
 * @param dirs Curriculum folders (default: {@link defaultCurriculumDirs}).
 * @param options `configFile`: the project's `iop.config.yaml`, applied after the folders' own.
 * @returns The curriculum.
 */
export function loadCurriculum(dirs: readonly string[] = defaultCurriculumDirs(), options: {configFile?: string} = {}): Curriculum {
  // Real paths: a symlinked folder must not make every module look duplicated,
  // and a folder named twice (`bundled` and `./curriculum` in this repository) counts once.
  const resolved = [...new Set(dirs.map((dir) => (existsSync(dir) ? realpathSync(dir) : path.resolve(dir))))]
  const config = loadConfig(resolved, rules, options.configFile)
  const modules = resolved.flatMap((dir) => findModuleFiles(dir)).sort().map((file) => readModuleFile(file, {lazy: true, index: defaultLintCache()?.index}))
  const byId = new Map<string, SessionModule>()
  for (const module of modules) {
    const id = module.meta?.id
    const seen = id ? byId.get(id) : undefined
    // A local module that says `overrides: true` replaces the library's module of that id.
    if (id && (!seen || (module.meta?.overrides === true && seen.meta?.overrides !== true))) byId.set(id, module)
  }
  // The module it replaces leaves the curriculum, so the id is not a duplicate.
  const kept = modules.filter((module) => {
    const winner = module.meta ? byId.get(module.meta.id) : undefined
    return !winner || winner === module || winner.meta?.overrides !== true
  })
  const translations = resolved.flatMap((dir) => findTranslationFiles(dir)).sort().map((file) => readTranslationFile(file, defaultLintCache()?.index))
  // Guides list the languages their handouts exist in.
  for (const [id, module] of byId) {
    const langs = translations.filter((t) => t.name.id === id && t.meta).map((t) => t.name.lang)
    if (langs.length > 0) setHandoutLanguages(module, langs)
  }
  return {dirs: resolved, config, modules: kept, byId, translations}
}
