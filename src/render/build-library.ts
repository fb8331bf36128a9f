/**
 * A full build of a curriculum: every module linted, then its facilitator
 * guide and client handouts rendered as HTML, one module at a time. Only
 * the curriculum index (frontmatter, ids, requires, hashes) is held for the
 * whole run; each module's tree is let go once its pages are made, so
 * memory stays flat as the curriculum grows.
 */
import {loadCurriculum} from '../curriculum/load-curriculum.js'
import type {LintCache} from '../lint/lint-cache.js'
import {hasErrors, lintModules} from '../lint/lint.js'
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
 * @param options Cache, a callback per module, progress.
 * @returns Counts.
 */
export function buildLibrary(dirs: readonly string[], options: LibraryOptions = {}): LibraryBuild {
  const curriculum = loadCurriculum(dirs)
  const result: LibraryBuild = {modules: curriculum.modules.length, errors: 0, bytes: 0}
  let done = 0
  lintModules(curriculum.modules, curriculum.config, undefined, {
    cache: options.cache,
    release: true,
    each(module) {
      done++
      if (!module.meta || hasErrors(module)) result.errors++
      else {
        const guide = buildGuide([module])
        const handouts = buildHandout([module], {crisis: curriculum.config.crisis})
        result.bytes += guide.length + handouts.length
        options.onModule?.(module, {guide, handouts})
      }
      options.progress?.(done, result.modules)
    }
  })
  return result
}
