/**
 * What a rule plugin needs beyond the tree: the module view of the file, the
 * curriculum index for curriculum-wide rules, and the configuration. `iop lint`
 * hands these in (one index per run); in an editor or remark-cli they are
 * derived from the tree and loaded from the file's curriculum folder, once
 * per folder while its files are unchanged.
 */
import {existsSync, readdirSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {configFileName, defaultConfig, type CurriculumConfig} from '../config/curriculum-config.js'
import {bundledCurriculumDir, loadCurriculum, type Curriculum} from '../curriculum/load-curriculum.js'
import {moduleFromTree, type SessionModule} from '../module/parse-module.js'

/** The module a file holds, with its curriculum and configuration. */
export interface LintContext {
  module: SessionModule
  /** Every module of the curriculum, the linted one included. */
  modules: readonly SessionModule[]
  config: CurriculumConfig
}

const given = new WeakMap<VFile, LintContext>()
const derived = new WeakMap<VFile, LintContext>()

/**
 * Hand a file's context to the rule plugins (the lint engine does this).
 *
 * @param context The module, its curriculum and configuration.
 */
export function provideLintContext(context: LintContext): void {
  given.set(context.module.file, context)
}

/**
 * The context of a file being linted: the one provided, or one derived from
 * the tree (remark preset path). Derived once per file and shared by every rule.
 *
 * @param tree The file's mdast (from remark-parse with frontmatter, GFM, directives).
 * @param file The file.
 * @returns The context.
 */
export function lintContextFor(tree: Root, file: VFile): LintContext {
  const known = given.get(file) ?? derived.get(file)
  if (known) return known
  const module = moduleFromTree(tree, file)
  const full = file.path ? path.resolve(file.cwd, file.path) : undefined
  const curriculum = full ? curriculumNear(full) : undefined
  // The saved copy of the file being edited gives way to the text in the editor.
  const real = full && existsSync(full) ? realpathSync(full) : full
  const modules = curriculum ? [...curriculum.modules.filter((m) => m.file.path !== real), module] : [module]
  const context = {module, modules, config: curriculum?.config ?? defaultConfig()}
  derived.set(file, context)
  return context
}

const loaded = new Map<string, {stamp: string; curriculum: Curriculum}>()

/**
 * The curriculum a file belongs to: the nearest folder above it named
 * `curriculum` or holding `iop.config.yaml`; otherwise the bundled one.
 * Reloaded only when a file in it changes (an editor runs for hours).
 */
function curriculumNear(file: string): Curriculum | undefined {
  let root = bundledCurriculumDir
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'curriculum' || existsSync(path.join(dir, configFileName))) {
      root = dir
      break
    }
    if (path.dirname(dir) === dir) break
  }
  try {
    const stamp = readdirSync(root, {recursive: true, encoding: 'utf8'})
      .filter((name) => name.endsWith('.md') || name.endsWith('.yaml'))
      .map((name) => `${name}:${statSync(path.join(root, name)).mtimeMs}`)
      .sort()
      .join('\n')
    const cached = loaded.get(root)
    if (cached && cached.stamp === stamp) return cached.curriculum
    const curriculum = loadCurriculum([root])
    loaded.set(root, {stamp, curriculum})
    return curriculum
  } catch {
    // A folder that cannot be read as a curriculum (or a bad config): the
    // module rules still run; the curriculum-wide ones see this file alone.
    return undefined
  }
}
