/**
 * Runs module work (module-worker.ts) on worker threads with piscina, and
 * hands results back in module order, however the threads finish: output
 * is the same bytes with one worker or many. At most a few tasks per thread
 * are in flight, so results (and pages) are never all held at once.
 */
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import {handoutLanguages} from '../translation/handout-languages.js'
import type {ModuleResult, ModuleTask} from './module-worker.js'

/**
 * The worker file: the built one beside this file, or, when this file runs
 * from source (the tests), the built copy under dist/ (`npm test` builds first).
 */
function workerFile(): string {
  const here = import.meta.url
  return fileURLToPath(here.endsWith('.ts') ? new URL('../../dist/parallel/module-worker.js', here) : new URL('./module-worker.js', here))
}

/** Options of {@link moduleResults}. */
export interface PoolOptions {
  /** Worker threads (2 or more; 1 means the caller should not use a pool). */
  jobs: number
  /** Render pages too (see ModuleTask). */
  render?: boolean
}

/**
 * Work through modules on worker threads, yielding each module's result in
 * the order given.
 *
 * @param modules Modules (their files are read again by the workers).
 * @param config Curriculum configuration.
 * @param options Thread count and whether to render.
 * @returns Pairs of module and result, in order.
 */
export async function* moduleResults(modules: readonly SessionModule[], config: CurriculumConfig, options: PoolOptions): AsyncGenerator<[SessionModule, ModuleResult]> {
  const pool = new Piscina<ModuleTask, ModuleResult>({filename: workerFile(), maxThreads: options.jobs, minThreads: Math.min(options.jobs, modules.length)})
  const window = options.jobs * 4
  const pending: Array<Promise<ModuleResult>> = []
  const submit = (index: number) => {
    const module = modules[index]
    const languages = handoutLanguages(module).filter((lang) => lang !== 'en')
    const promise = pool.run({file: module.file.path, config, render: options.render, languages})
    // Rejections are seen when awaited in order; mark them handled meanwhile.
    promise.catch(() => {})
    pending[index] = promise
  }
  try {
    let next = 0
    for (; next < Math.min(window, modules.length); next++) submit(next)
    for (let index = 0; index < modules.length; index++) {
      const result = await pending[index]
      delete pending[index]
      if (next < modules.length) submit(next++)
      yield [modules[index], result]
    }
  } finally {
    await pool.destroy()
  }
}
