/**
 * The shared `--curriculum DIR` option: repeatable, relative to the working
 * directory, defaulting to ./curriculum or the bundled curriculum.
 */
import path from 'node:path'
import {defaultCurriculumDirs, loadCurriculum, type Curriculum} from '../curriculum/load-curriculum.js'
import type {Io} from '../util/io.js'

/** Collect repeated option values (commander's documented pattern). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

/**
 * Load the curriculum the user asked for.
 *
 * @param io Streams and working directory.
 * @param dirs Values of `--curriculum` (optional).
 * @returns The loaded curriculum.
 */
export function curriculumFor(io: Io, dirs: string[] | undefined): Curriculum {
  return loadCurriculum(curriculumDirsFor(io, dirs))
}

/**
 * The folders `--curriculum` names, resolved, or the default one.
 *
 * @param io Streams and working directory.
 * @param dirs Values of `--curriculum` (optional).
 * @returns Absolute folder paths.
 */
export function curriculumDirsFor(io: Io, dirs: string[] | undefined): string[] {
  return dirs && dirs.length > 0 ? dirs.map((dir) => path.resolve(io.cwd, dir)) : defaultCurriculumDirs(io.cwd)
}
