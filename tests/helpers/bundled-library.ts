/**
 * The bundled curriculum, loaded and linted once per test worker (test files
 * share a worker's modules: vitest.config.ts sets `isolate: false`), for
 * tests that only read it. Loading and linting the library costs seconds;
 * ten files each doing it was a large part of the suite's time.
 *
 * Tests that change a module, or that check what a fresh load gives (such as
 * determinism), call loadCurriculum themselves.
 */
import {bundledCurriculumDir, loadCurriculum, type Curriculum} from '../../src/curriculum/load-curriculum.js'
import {lintModules} from '../../src/lint/lint.js'

let library: Curriculum | undefined

/**
 * The bundled curriculum, linted (as runAssembly would lint it).
 *
 * @returns The same object for every caller in this worker; do not change it.
 */
export function bundledLibrary(): Curriculum {
  if (!library) {
    library = loadCurriculum([bundledCurriculumDir])
    lintModules(library.modules, library.config)
  }
  return library
}
