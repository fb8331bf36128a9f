/**
 * Lints modules on worker threads ahead of a lint run: those the cache does
 * not already answer are parsed and checked by the per-module rules in
 * parallel, and their results handed to the run (which then needs no tree
 * for them). Few modules are not worth a thread's start-up.
 */
import type {CurriculumConfig} from '../config/curriculum-config.js'
import {hasReadyResult, presetModuleResult} from '../lint/lint.js'
import type {SessionModule} from '../module/parse-module.js'
import {moduleResults} from './module-pool.js'

/**
 * Fewer modules to lint than this are linted on the main thread: with
 * `--jobs` given, 32; by default 250, since each thread loads and warms up
 * the whole pipeline again (on the 2-core machine in docs/performance.md,
 * 2 threads made a cold lint of the 143 bundled modules about 1 s slower).
 */
export const minParallelModules = {explicit: 32, default: 250}

/**
 * Lint on worker threads what the next lint run would otherwise lint itself.
 *
 * @param modules Modules the run will lint.
 * @param config Curriculum configuration.
 * @param jobs Worker threads (under 2: nothing is done here).
 * @param progress Called as results arrive (done, total).
 * @param least Fewest modules worth the threads (default: `minParallelModules.default`).
 */
export async function prelint(modules: readonly SessionModule[], config: CurriculumConfig, jobs: number, progress?: (done: number, total: number) => void, least = minParallelModules.default): Promise<void> {
  if (jobs < 2) return
  const todo = modules.filter((module) => module.file.path && !hasReadyResult(module, config))
  if (todo.length < least) return
  let done = 0
  for await (const [module, work] of moduleResults(todo, config, {jobs})) {
    if (work.hash === module.hash) presetModuleResult(module, {parsed: work.parsed, links: work.links, messages: work.messages})
    progress?.(++done, todo.length)
  }
}
