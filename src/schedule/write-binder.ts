/**
 * Writes a binder folder atomically without ever deleting a file iop did
 * not write. Everything goes into a fresh sibling folder first; then the old
 * folder is renamed aside, the new one renamed in, and whatever in the old
 * folder iop did not write (`--force` allowed the run to keep it) is moved
 * into the new folder at the same path. Only then are iop's own old files
 * deleted: those the old `curriculum.json` lists.
 *
 * A run killed at any point leaves a complete binder, old or new, or the old
 * one beside the target; the next run puts it back, or finishes moving the
 * user's files, before anything else ({@link recoverBinder}). All of this
 * happens under the folder's lock, so two runs never interleave.
 */
import {existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {withFolderLock} from '../util/folder-lock.js'
import {UserError} from '../util/user-error.js'
import {fileError} from '../util/write-file.js'
import {foreignEntries, ownFiles} from './binder-owned.js'
import {checkBinderPlace, checkBinderTarget, type BinderTargetOptions} from './binder-target.js'

/** Files of a binder: relative path to contents. */
export type BinderFiles = Map<string, string>

/** Files to write: text, or bytes (PDFs). */
export type BinderContents = ReadonlyMap<string, string | Uint8Array>

/**
 * Clean up after a killed run, under the folder's lock: put back a folder
 * set aside by an unfinished swap, or, when the swap was done, move the
 * user's files from it into the new binder and delete iop's old files; and
 * remove staging folders (siblings named `.<dir>.iop-new-<pid>`).
 *
 * @param dir Target folder.
 * @returns True when a set-aside folder was put back.
 * @throws {UserError} When another run holds the lock.
 */
export function recoverBinder(dir: string): boolean {
  const target = path.resolve(dir)
  if (!existsSync(path.dirname(target))) return false
  return withFolderLock(target, () => recover(target))
}

function recover(target: string): boolean {
  const parent = path.dirname(target)
  const prefix = `.${path.basename(target)}.iop-`
  let restored = false
  const ours = readdirSync(parent)
    .filter((name) => name.startsWith(prefix) && /^(new|old)-\d+$/.test(name.slice(prefix.length)))
    .sort()
  for (const name of ours) {
    const folder = path.join(parent, name)
    if (name.slice(prefix.length).startsWith('new-')) rmSync(folder, {recursive: true, force: true})
    else if (!existsSync(target)) {
      renameSync(folder, target)
      restored = true
    } else settleOld(folder, target)
  }
  return restored
}

/**
 * Write the binder.
 *
 * @param dir Target folder.
 * @param files Relative paths and contents (paths are checked to stay inside).
 * @param force Keep files iop did not write in place instead of refusing (default false).
 * @param guard Working directory and curriculum folders, for the folders always refused (optional).
 * @throws {UserError} When the folder is refused, another run holds it, or a write fails.
 */
export function writeBinder(dir: string, files: BinderContents, force = false, guard: Omit<BinderTargetOptions, 'force'> = {}): void {
  const target = path.resolve(dir)
  for (const relative of files.keys()) {
    const file = path.resolve(target, relative)
    if (!file.startsWith(target + path.sep)) throw new UserError(`Unexpected output path \`${relative}\`, expected a path inside the binder`)
  }
  // Refused places are refused before anything (even the lock's parent folder) is made.
  checkBinderPlace(target, guard)
  withFolderLock(target, () => {
    recover(target)
    checkBinderTarget(target, {...guard, force})
    const incoming = new Set([...files.keys()].map((name) => path.relative(target, path.resolve(target, name)).split(path.sep).join('/')))
    if (existsSync(target)) {
      const blocked = foreignEntries(target, ownFiles(target), incoming).filter((entry) => entry.collides)
      if (blocked.length > 0) {
        throw new UserError(`${dir}: Unexpected \`${blocked[0].path}\` that iop did not write where the binder writes a file, expected it gone (move it out of the way; iop never replaces a file it did not write)`)
      }
    }
    swapIn(target, stage(target, files))
  })
}

/** Write every file into a fresh sibling folder; returns its path. */
function stage(target: string, files: BinderContents): string {
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.iop-new-${process.pid}`)
  try {
    // Not recursive: the parent exists, and a plain mkdir fails fast where a
    // recursive one can spin (seen on /proc).
    mkdirSync(staging)
    for (const [relative, value] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const file = path.resolve(staging, relative)
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, value)
    }
  } catch (error) {
    try {
      rmSync(staging, {recursive: true, force: true})
    } catch {}
    throw fileError(staging, error)
  }
  return staging
}

function swapIn(target: string, staging: string): void {
  const previous = path.join(path.dirname(target), `.${path.basename(target)}.iop-old-${process.pid}`)
  try {
    if (existsSync(target)) renameSync(target, previous)
    renameSync(staging, target)
  } catch (error) {
    // Put the old folder back rather than leave nothing.
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target)
    rmSync(staging, {recursive: true, force: true})
    throw fileError(target, error)
  }
  if (existsSync(previous)) settleOld(previous, target)
}

/**
 * Finish a swap: move every entry iop did not write from the set-aside
 * folder into the binder, delete the files iop wrote, then remove the
 * set-aside folder if it is empty. Each step is a rename or the deletion of
 * one of iop's files, so a kill part-way is finished by the next run.
 */
function settleOld(previous: string, target: string): void {
  const own = ownFiles(previous)
  const incoming = ownFiles(target)
  for (const entry of foreignEntries(previous, own, incoming)) {
    const to = path.join(target, entry.path)
    // Never over anything: a clash stays where it is, in the set-aside folder.
    if (entry.collides || exists(to)) continue
    mkdirSync(path.dirname(to), {recursive: true})
    renameSync(path.join(previous, entry.path), to)
  }
  for (const name of own) {
    const file = path.join(previous, name)
    if (exists(file) && lstatSync(file).isFile()) unlinkSync(file)
  }
  removeEmptyFolders(previous)
}

/** Remove `dir` and the folders below it that are empty; anything with a file stays. */
function removeEmptyFolders(dir: string): void {
  for (const name of readdirSync(dir)) {
    const child = path.join(dir, name)
    if (lstatSync(child).isDirectory()) removeEmptyFolders(child)
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir)
}

function exists(file: string): boolean {
  try {
    lstatSync(file)
    return true
  } catch {
    return false
  }
}
