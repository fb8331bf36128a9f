/**
 * The shared `--curriculum DIR` option: repeatable, relative to the working
 * directory, defaulting to ./curriculum or the bundled curriculum.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {configCurricula, findConfigFile} from '../config/find-config.js'
import {bundledCurriculumDir, defaultCurriculumDirs, loadCurriculum, type Curriculum} from '../curriculum/load-curriculum.js'
import {packageCurriculumDir} from '../curriculum/package-curriculum.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'

/**
 * Load the curriculum the user asked for.
 *
 * @param io Streams and working directory.
 * @param dirs Values of `--curriculum` (optional).
 * @returns The loaded curriculum.
 */
export function curriculumFor(io: Io, dirs: string[] | undefined): Curriculum {
  return loadCurriculum(curriculumDirsFor(io, dirs), {configFile: projectConfigFile(io)})
}

/**
 * The project's config file: `--config FILE`, or the nearest
 * `iop.config.yaml` from the working folder upward.
 *
 * @param io Streams, working directory and `--config`.
 * @returns An absolute path, or `undefined`.
 * @throws {UserError} When `--config` names a file that does not exist.
 */
export function projectConfigFile(io: Io): string | undefined {
  if (io.config === undefined) return findConfigFile(io.cwd)
  const file = path.resolve(io.cwd, io.config)
  if (!existsSync(file)) throw new UserError(`${io.config}: Unexpected missing config file, expected an iop.config.yaml`)
  return file
}

/**
 * The folders `--curriculum` names, resolved; else the `curriculum:` list of
 * the project's config; else the default one.
 *
 * @param io Streams and working directory.
 * @param dirs Values of `--curriculum` (optional).
 * @returns Absolute folder paths.
 */
export function curriculumDirsFor(io: Io, dirs: string[] | undefined): string[] {
  // A name that is no folder here may be an installed package that ships modules.
  if (dirs && dirs.length > 0) return dirs.map((dir) => (existsSync(path.resolve(io.cwd, dir)) ? path.resolve(io.cwd, dir) : packageCurriculumDir(dir, io.cwd) ?? path.resolve(io.cwd, dir)))
  const file = projectConfigFile(io)
  return (file && configCurricula(file, bundledCurriculumDir)) || defaultCurriculumDirs(io.cwd)
}
