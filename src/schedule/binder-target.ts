/**
 * Where a binder may go. Some folders are refused even with `--force`
 * (the working directory and its ancestors, the home folder, `/`, a project
 * or curriculum folder); in any other folder, files iop did not write block
 * the run unless `--force`, which keeps them in place.
 */
import {existsSync, lstatSync, readdirSync, realpathSync} from 'node:fs'
import {homedir} from 'node:os'
import path from 'node:path'
import {configFileName} from '../config/curriculum-config.js'
import {isModuleFile} from '../util/module-file.js'
import {UserError} from '../util/user-error.js'
import {foreignEntries, ownFiles, type ForeignEntry} from './binder-owned.js'
import {manifestName} from './manifest.js'

/** What the target check needs besides the folder. */
export interface BinderTargetOptions {
  /** Keep files iop did not write in place instead of refusing (default false). */
  force?: boolean
  /** Working directory (default `process.cwd()`). */
  cwd?: string
  /** Curriculum folders in use: a binder never goes in or above one (optional). */
  curriculumDirs?: readonly string[]
}

/** Files whose presence marks a folder as someone's project, never a binder. */
const projectMarkers = ['.git', 'package.json', configFileName]

/** How deep to look for module files: a project root holds `curriculum/<group>/<id>.md`. */
const moduleDepth = 3

/**
 * Check that a binder may be written to `dir`, before any work is done.
 *
 * @param dir Target folder.
 * @param options Force, working directory and curriculum folders.
 * @returns The entries iop did not write (kept in place with `force`).
 * @throws {UserError} When the folder is refused; the message says why and names the files.
 */
export function checkBinderTarget(dir: string, options: BinderTargetOptions | boolean = {}): ForeignEntry[] {
  const settings = typeof options === 'boolean' ? {force: options} : options
  checkBinderPlace(dir, settings)
  const target = path.resolve(dir)
  if (!existsSync(target) && !isLink(target)) return []
  const stat = lstatSync(target)
  if (stat.isSymbolicLink()) throw new UserError(`${dir}: Unexpected symbolic link where the binder folder goes, expected a real folder or a new path`)
  if (!stat.isDirectory()) throw new UserError(`${dir}: Unexpected file where the binder folder goes, expected a folder or a new path`)

  const refuse = refusal(dir)
  const top = readdirSync(target)
  const marker = projectMarkers.find((name) => top.includes(name))
  if (marker) throw refuse(`holds \`${marker}\` (a project or curriculum, not a binder)`)
  const own = ownFiles(target)
  const foreign = foreignEntries(target, own)
  const module = foreign.map((entry) => findModule(target, entry.path, entry.directory ? moduleDepth : 0)).find(Boolean)
  if (module) throw refuse(`holds the module \`${module}\``)

  if (foreign.length > 0 && !settings.force) {
    const names = foreign.slice(0, 5).map((entry) => `\`${entry.path}${entry.directory ? '/' : ''}\``).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '')
    const keep = 'move them out, or use --force to keep them in place and write the binder beside them'
    if (!top.includes(manifestName)) throw new UserError(`${dir}: Unexpected folder with files that iop did not write (no ${manifestName}): ${names}, expected an empty or new folder (${keep})`)
    throw new UserError(`${dir}: Unexpected file ${names} that iop did not write, expected only the files ${manifestName} lists (${keep})`)
  }
  return foreign
}

/**
 * The folders refused by where they are, whatever they hold: the file
 * system root, the working directory and its ancestors, the home folder and
 * its ancestors, and anything in, above or equal to a curriculum folder.
 * Reads nothing inside `dir`.
 *
 * @param dir Target folder.
 * @param options Working directory and curriculum folders.
 * @throws {UserError} When the place is refused.
 */
export function checkBinderPlace(dir: string, options: Omit<BinderTargetOptions, 'force'> = {}): void {
  const {cwd = process.cwd(), curriculumDirs = []} = options
  const target = path.resolve(dir)
  const refuse = refusal(dir)

  const real = realOf(target)
  const home = realOf(homedir())
  if (real === path.parse(real).root) throw refuse('is the file system root')
  if (real === realOf(cwd)) throw refuse('is the working directory')
  if (isInside(realOf(cwd), real)) throw refuse('holds the working directory')
  if (real === home) throw refuse('is the home folder')
  if (isInside(home, real)) throw refuse('holds the home folder')
  for (const curriculum of curriculumDirs.map(realOf)) {
    if (real === curriculum) throw refuse(`is the curriculum folder ${curriculum}`)
    if (isInside(real, curriculum)) throw refuse(`is inside the curriculum folder ${curriculum}`)
    if (isInside(curriculum, real)) throw refuse(`holds the curriculum folder ${curriculum}`)
  }
  for (let up = path.dirname(real); up !== path.dirname(up); up = path.dirname(up)) {
    if (existsSync(path.join(up, configFileName))) throw refuse(`is inside a curriculum folder (${path.join(up, configFileName)})`)
  }
}

function refusal(dir: string) {
  return (why: string) => new UserError(`${dir}: Unexpected output folder that ${why}, expected a new folder for the binder, such as \`binder\` (refused even with --force)`)
}

/** The first module file at or below `relative`, looking `depth` folders down. */
function findModule(root: string, relative: string, depth: number): string | undefined {
  const full = path.join(root, relative)
  const stat = lstatSync(full)
  if (stat.isFile()) return isModuleFile(full) ? relative : undefined
  if (!stat.isDirectory() || depth === 0) return undefined
  for (const name of readdirSync(full).sort()) {
    if (name === 'node_modules' || name === '.git') continue
    const found = findModule(root, `${relative}/${name}`, depth - 1)
    if (found) return found
  }
  return undefined
}

/** The real path of `file`, or of its nearest existing ancestor with the rest appended. */
function realOf(file: string): string {
  const resolved = path.resolve(file)
  try {
    return realpathSync(resolved)
  } catch {
    const parent = path.dirname(resolved)
    return parent === resolved ? resolved : path.join(realOf(parent), path.basename(resolved))
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}
