/**
 * A curriculum shipped as an npm package (`--curriculum @clinic/iop-modules`):
 * a network of programs shares a library through the registry it already
 * uses. The package's `curriculum/` folder holds the modules, or the package
 * folder itself does.
 */
import {existsSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

// An npm package name, scoped or not; anything else is a folder path.
const packageName = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i

/**
 * The curriculum folder of an installed package, found the way Node finds
 * packages: `node_modules` in the working folder and each folder above it.
 *
 * @param name A package name.
 * @param cwd The working folder.
 * @returns The folder, or `undefined` when no such package is installed.
 */
export function packageCurriculumDir(name: string, cwd: string): string | undefined {
  if (!packageName.test(name)) return undefined
  const lookups = createRequire(path.join(cwd, 'package.json')).resolve.paths(name) ?? []
  for (const modules of lookups) {
    const dir = path.join(modules, name)
    if (!existsSync(path.join(dir, 'package.json'))) continue
    const sub = path.join(dir, 'curriculum')
    return existsSync(sub) && statSync(sub).isDirectory() ? sub : dir
  }
  return undefined
}
