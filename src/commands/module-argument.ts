/**
 * The `<module>` argument of the per-module commands (guide, handout and the
 * forms): resolved by id or path and linted against its curriculum, with the
 * errors printed when it must not be built.
 */
import path from 'node:path'
import type {Curriculum} from '../curriculum/load-curriculum.js'
import {resolveModule} from '../curriculum/resolve-module.js'
import {formatCompact} from '../lint/format.js'
import {hasErrors, lintModules} from '../lint/lint.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Io} from '../util/io.js'

/**
 * Resolve and lint the module a command names.
 *
 * @param io Streams and working directory.
 * @param curriculum The loaded curriculum.
 * @param reference A module id or a path to a module file.
 * @param what What the command builds, for the refusal message (e.g. `guide`).
 * @returns The linted module, or `undefined` after printing its errors (exit 1).
 */
export function lintedModule(io: Io, curriculum: Curriculum, reference: string, what: string): SessionModule | undefined {
  const module = resolveModule(curriculum, path.isAbsolute(reference) || !reference.includes('/') ? reference : path.resolve(io.cwd, reference))
  // A file outside the curriculum (a draft, a copy) is checked against the
  // library for `requires`, but a module with its own id does not clash with itself.
  const all = curriculum.modules.includes(module) ? curriculum.modules : [...curriculum.modules.filter((m) => m.meta?.id !== module.meta?.id), module]
  lintModules(all, curriculum.config, new Set([module]))
  if (!hasErrors(module)) return module
  io.stderr(formatCompact([module.file]))
  io.stderr(`iop: not building ${what} for ${module.file.path}: fix the errors above first\n`)
  return undefined
}
