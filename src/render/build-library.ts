/**
 * A full build of a curriculum: every module linted, then its facilitator
 * guide and client handouts rendered as HTML, one module at a time. Only
 * the curriculum index (frontmatter, ids, requires, hashes) is held for the
 * whole run; each module's tree is let go once its pages are made, so
 * memory stays flat as the curriculum grows.
 */
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import type {LintCache} from '../lint/lint-cache.js'
import {hasErrors, lintModules, presetModuleResult} from '../lint/lint.js'
import {moduleResults} from '../parallel/module-pool.js'
import type {SessionModule} from '../module/parse-module.js'
import {buildGuide, buildHandout} from './build.js'

/** Options of {@link buildLibrary}. */
export interface LibraryOptions {
  /** A lint cache, or `false` for none (default: the CLI's, if any). */
  cache?: LintCache | false
  /** Receives each buildable module's pages as they are made. */
  onModule?: (module: SessionModule, pages: {guide: string; handouts: string}) => void
  /** Called after each module with how many are done and the total. */
  progress?: (done: number, total: number) => void
  /** Worker threads for parsing, per-module rules and rendering (default 1: none). */
  jobs?: number
}

/** What a full build did. */
export interface LibraryBuild {
  /** Modules in the curriculum. */
  modules: number
  /** Modules with lint errors, so not built. */
  errors: number
  /** Bytes of HTML made (guides and handouts). */
  bytes: number
}

/**
 * Lint and build every module of the curriculum in the given folders.
 *
 * @param dirs Curriculum folders.
 * @param options Cache, a callback per module, progress, worker threads.
 * @returns Counts.
 */
export async function buildLibrary(dirs: readonly string[], options: LibraryOptions = {}): Promise<LibraryBuild> {
  const curriculum = loadCurriculum(dirs)
  const index = curriculum.modules
  const result: LibraryBuild = {modules: index.length, errors: 0, bytes: 0}
  let done = 0
  const finish = (module: SessionModule, ready?: {guide: string; handouts: string}) => {
    done++
    if (!module.meta || hasErrors(module)) result.errors++
    else {
      const pages = ready ?? {guide: buildGuide([module]), handouts: buildHandout([module], {crisis: curriculum.config.crisis})}
      result.bytes += pages.guide.length + pages.handouts.length
      options.onModule?.(module, pages)
    }
    options.progress?.(done, result.modules)
  }
  const lint = {cache: options.cache, release: true, index}
  if ((options.jobs ?? 1) < 2 || index.length < 2) {
    lintModules(index, curriculum.config, undefined, {...lint, each: (module) => finish(module)})
    return result
  }
  for await (const [module, work] of moduleResults(index, curriculum.config, {jobs: options.jobs!, render: true})) {
    // A file changed since it was loaded: do it here, from the text loaded.
    if (work.hash === module.hash) presetModuleResult(module, {parsed: work.parsed, links: work.links, messages: work.messages})
    lintModules([module], curriculum.config, undefined, {...lint, each: (linted) => finish(linted, work.hash === module.hash ? work.pages : undefined)})
  }
  return result
}
