// What the benchmark runs against: paths, the run's temp folder, and which of
// the features issue 11 asks for exist in this build (each measure that needs
// a missing one prints n/a with the reason instead of failing).
import {mkdtempSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {runNode} from './measure.js'

/** The repository root (the CLI runs here, so example paths resolve). */
export const root = fileURLToPath(new URL('../..', import.meta.url))

/** The CLI. */
export const bin = path.join(root, 'bin', 'iop.js')

/** A fresh empty folder under `work` (cold cache dirs, output dirs). */
export function freshDir(work, prefix) {
  return mkdtempSync(path.join(work, `${prefix}-`))
}

/** Whether a folder holds any file (did the run write a cache?). */
export function holdsFiles(dir) {
  try {
    return readdirSync(dir, {recursive: true}).length > 0
  } catch {
    return false
  }
}

/**
 * Which features exist: read from the CLI's help and the library's exports.
 *
 * @param work The run's temp folder.
 * @returns {{buildLibrary: boolean, cache: boolean, lintJobs: boolean, siteJobs: boolean}}
 */
export async function detectFeatures(work) {
  const help = (args) => runNode([bin, ...args, '--help'], {cwd: root, work, usage: false}).stdout
  const index = await import('../../dist/index.js')
  return {
    buildLibrary: typeof index.buildLibrary === 'function',
    cache: /--no-cache\b/.test(help([])),
    lintJobs: /--jobs\b/.test(help(['lint'])),
    siteJobs: /--jobs\b/.test(help(['site']))
  }
}
