/**
 * Writes a binder folder atomically: everything goes into a fresh sibling
 * folder first, then replaces the old binder by rename. A failed run leaves
 * the previous binder as it was. Only a folder this tool wrote (one with a
 * manifest) or an empty one is replaced, unless `force` is set.
 *
 * The swap is two renames (old binder aside, new one in); a run killed
 * between them leaves the old binder beside the target, and the next run
 * puts it back before anything else ({@link recoverBinder}).
 */
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {UserError} from '../util/user-error.js'
import {fileError} from '../util/write-file.js'
import {manifestName} from './manifest.js'

/** Files of a binder: relative path to contents. */
export type BinderFiles = Map<string, string>

/**
 * Clean up after a run that was killed: restore a binder set aside by an
 * unfinished swap, and remove staging and set-aside folders this tool made
 * (siblings named `.<dir>.iop-new-<pid>` or `.<dir>.iop-old-<pid>`).
 *
 * @param dir Target folder.
 * @returns True when a set-aside binder was put back.
 */
export function recoverBinder(dir: string): boolean {
  const target = path.resolve(dir)
  const parent = path.dirname(target)
  if (!existsSync(parent)) return false
  const prefix = `.${path.basename(target)}.iop-`
  const ours = readdirSync(parent)
    .filter((name) => name.startsWith(prefix) && /^(new|old)-\d+$/.test(name.slice(prefix.length)))
    .map((name) => path.join(parent, name))
    .sort()
  let restored = false
  for (const folder of ours) {
    const isOld = folder.includes('.iop-old-')
    if (isOld && !existsSync(target) && existsSync(path.join(folder, manifestName))) {
      renameSync(folder, target)
      restored = true
    } else rmSync(folder, {recursive: true, force: true})
  }
  return restored
}

/**
 * Check that `dir` may be written, before any work is done.
 *
 * @param dir Target folder.
 * @param force Allow replacing a folder this tool did not write.
 * @throws {UserError} When the folder holds files that are not a binder.
 */
export function checkBinderTarget(dir: string, force = false): void {
  if (!existsSync(dir)) return
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: Unexpected file where the binder folder goes, expected a folder or a new path`)
  const entries = readdirSync(dir)
  if (entries.length === 0 || force) return
  if (!entries.includes(manifestName)) {
    throw new UserError(`${dir}: Unexpected folder with files that iop did not write (no ${manifestName}), expected an empty or new folder (use --force to replace it)`)
  }
  // A binder is replaced whole: a file someone added inside it would be lost.
  const foreign = readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => !statSync(path.join(dir, name)).isDirectory() && !binderFile.test(name))
    .sort()
  if (foreign.length > 0) {
    throw new UserError(`${dir}: Unexpected file \`${foreign[0]}\`${foreign.length > 1 ? ` and ${foreign.length - 1} more` : ''} that iop did not write, expected only binder files (move it out, or use --force to replace the folder)`)
  }
}

/** Files a binder holds; anything else in the folder was put there by someone. */
const binderFile = /^(?:index\.html|schedule\.ics|schedule\.csv|curriculum\.json|sessions\/\d+-\d{4}-\d{2}-\d{2}\/(?:guide|handout)\.html)$/

/**
 * Write the binder.
 *
 * @param dir Target folder.
 * @param files Relative paths and contents (paths are checked to stay inside).
 * @param force Allow replacing a folder this tool did not write.
 */
export function writeBinder(dir: string, files: BinderFiles, force = false): void {
  const target = path.resolve(dir)
  recoverBinder(target)
  checkBinderTarget(target, force)
  const parent = path.dirname(target)
  try {
    mkdirSync(parent, {recursive: true})
  } catch (error) {
    throw fileError(parent, error)
  }
  const staging = path.join(parent, `.${path.basename(target)}.iop-new-${process.pid}`)
  const previous = path.join(parent, `.${path.basename(target)}.iop-old-${process.pid}`)
  rmSync(staging, {recursive: true, force: true})

  try {
    // Not recursive: the parent exists, and a plain mkdir fails fast where a
    // recursive one can spin (seen on /proc).
    mkdirSync(staging)
    for (const [relative, value] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const file = path.resolve(staging, relative)
      if (!file.startsWith(staging + path.sep)) throw new UserError(`Unexpected output path \`${relative}\`, expected a path inside the binder`)
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, value)
    }
  } catch (error) {
    try {
      rmSync(staging, {recursive: true, force: true})
    } catch {}
    throw fileError(staging, error)
  }

  try {
    if (existsSync(target)) renameSync(target, previous)
    renameSync(staging, target)
  } catch (error) {
    // Put the old binder back rather than leave nothing.
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target)
    rmSync(staging, {recursive: true, force: true})
    throw fileError(target, error)
  }
  rmSync(previous, {recursive: true, force: true})
}
