/**
 * The work a worker thread does for one module: read and parse it, run the
 * per-module lint rules, and (for a build) render its guide and handouts.
 * It returns plain data, the same shape the lint cache stores, so the main
 * thread applies it exactly as it would a cache entry; output bytes do not
 * depend on which thread did the work.
 */
import {readFileSync} from 'node:fs'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import {storeMessages, type CacheEntry} from '../lint/lint-cache.js'
import {hasErrors, lintModuleRules} from '../lint/lint.js'
import {moduleLinks} from '../module/module-links.js'
import {parseModule} from '../module/parse-module.js'
import {buildGuide, buildHandout} from '../render/build.js'
import {setHandoutLanguages} from '../translation/handout-languages.js'

/** One module's task. */
export interface ModuleTask {
  file: string
  config: CurriculumConfig
  /** Also render the guide and handouts (HTML) when the module rules find no error. */
  render?: boolean
  /** Languages of the module's translations (the guide lists them), as the loader found them. */
  languages?: string[]
}

/** What a worker hands back. */
export interface ModuleResult extends CacheEntry {
  /** `sha256-…` of the bytes the worker read (the main thread checks it is the text it loaded). */
  hash: string
  pages?: {guide: string; handouts: string}
}

/**
 * Do one module's work.
 *
 * @param task File, config and whether to render.
 * @returns Lint result, and pages when asked and buildable so far.
 */
export default function moduleWork(task: ModuleTask): ModuleResult {
  const module = parseModule({path: task.file, value: readFileSync(task.file)})
  if (task.languages && task.languages.length > 0) setHandoutLanguages(module, task.languages)
  lintModuleRules(module, task.config)
  const result: ModuleResult = {hash: module.hash, parsed: module.parsed, links: module.parsed ? moduleLinks(module) : [], messages: storeMessages(module.file)}
  // Curriculum-wide rules run on the main thread; pages of a module they fail are dropped there.
  if (task.render && module.meta && !hasErrors(module)) {
    result.pages = {guide: buildGuide([module]), handouts: buildHandout([module], {crisis: task.config.crisis})}
  }
  return result
}
