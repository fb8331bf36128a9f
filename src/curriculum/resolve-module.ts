/**
 * Turns what a user typed (a module id or a file path) into a parsed module,
 * suggesting the closest ids when nothing matches.
 */
import {existsSync, realpathSync} from 'node:fs'
import path from 'node:path'
import type {SessionModule} from '../module/parse-module.js'
import {closest} from '../util/closest.js'
import {UserError} from '../util/user-error.js'
import {readModuleFile, type Curriculum} from './load-curriculum.js'

/**
 * Find a module by id or path.
 *
 * @param curriculum The loaded curriculum.
 * @param reference An id such as `coping-with-cravings`, or a path to a `.md` file.
 * @returns The module (from the curriculum when it is one of its files).
 * @throws {UserError} For an unknown id or a missing file.
 */
export function resolveModule(curriculum: Curriculum, reference: string): SessionModule {
  const looksLikePath = reference.endsWith('.md') || reference.includes('/') || reference.includes(path.sep)
  if (looksLikePath) {
    if (!existsSync(reference)) throw new UserError(`${reference}: Unexpected missing file, expected a path to a module (.md) or a module id`)
    const file = realpathSync(reference)
    const known = curriculum.modules.find((m) => m.file.path === file)
    if (known) return known
    return readModuleFile(file)
  }
  const module = curriculum.byId.get(reference)
  if (module) return module
  const near = closest(reference, [...curriculum.byId.keys()])
  throw new UserError(`Unexpected unknown module \`${reference}\`, expected a module id${near.length > 0 ? `; did you mean ${near.map((id) => '`' + id + '`').join(', ')}?` : ''} (see \`iop list\`)`)
}
