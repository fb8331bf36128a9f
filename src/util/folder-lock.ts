/**
 * One writer per output folder: a lock file `.<name>.iop-lock` beside the
 * folder, holding the process id and host name of the run that owns it.
 * A second run fails at once with a message naming the holder; a lock whose
 * process is gone (killed, crashed) is stale and is taken over.
 *
 * Hand-rolled on purpose: the maintained lock libraries judge staleness by a
 * timestamp that a timer refreshes, and an assembly is synchronous work
 * during which no timer runs, so a long run would look stale. A process id
 * stays true for as long as the run lives.
 */
import {hostname} from 'node:os'
import {linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {UserError} from './user-error.js'
import {fileError} from './write-file.js'

/** Locks this process holds, with how many nested holders each has. */
const held = new Map<string, number>()

interface Owner {
  pid: number
  host: string
}

/**
 * The lock file of a folder.
 *
 * @param dir The folder (need not exist).
 * @returns `<parent>/.<name>.iop-lock`.
 */
export function lockFileOf(dir: string): string {
  const target = path.resolve(dir)
  return path.join(path.dirname(target), `.${path.basename(target)}.iop-lock`)
}

/**
 * Run `action` while holding the folder's lock. Nested calls in the same
 * process share the lock.
 *
 * @param dir The folder to lock.
 * @param action What to do under the lock.
 * @returns What `action` returns.
 * @throws {UserError} When another live run holds the lock.
 */
export function withFolderLock<T>(dir: string, action: () => T): T {
  const lock = lockFileOf(dir)
  const depth = held.get(lock) ?? 0
  if (depth === 0) acquire(lock, dir)
  held.set(lock, depth + 1)
  try {
    return action()
  } finally {
    if (depth === 0) {
      held.delete(lock)
      rmSync(lock, {force: true})
    } else held.set(lock, depth)
  }
}

function acquire(lock: string, dir: string): void {
  try {
    mkdirSync(path.dirname(lock), {recursive: true})
  } catch (error) {
    throw fileError(path.dirname(lock), error)
  }
  const me = `${JSON.stringify({pid: process.pid, host: hostname()})}\n`
  // Written aside, then hard-linked into place: the lock appears whole or not at all.
  const mine = `${lock}.${process.pid}.tmp`
  try {
    writeFileSync(mine, me)
  } catch (error) {
    throw fileError(mine, error)
  }
  try {
    // Two tries: the second after taking over a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(mine, lock)
        removeLeftovers(lock)
        return
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(lock, error)
      }
      const owner = readOwner(lock)
      if (owner && isAlive(owner)) throw busy(dir, lock, owner)
      takeOverStale(lock, owner)
    }
    throw busy(dir, lock, readOwner(lock))
  } finally {
    rmSync(mine, {force: true})
  }
}

/** Files of runs killed while taking the lock (`<lock>.<pid>.tmp`, `<lock>.stale-<pid>`). */
function removeLeftovers(lock: string): void {
  const prefix = path.basename(lock) + '.'
  for (const name of readdirSync(path.dirname(lock))) {
    const match = /^(?:(\d+)\.tmp|stale-(\d+))$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '')
    const pid = Number(match?.[1] ?? match?.[2])
    if (match && pid !== process.pid && !isAlive({pid, host: hostname()})) rmSync(path.join(path.dirname(lock), name), {force: true})
  }
}

/**
 * Remove a stale lock without ever removing a live one: move it aside
 * (atomic, so of two runs only one gets it), then look at what was moved.
 * If a live run re-took the lock in between, put its lock back.
 */
function takeOverStale(lock: string, seen: Owner | undefined): void {
  const aside = `${lock}.stale-${process.pid}`
  try {
    renameSync(lock, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw fileError(lock, error)
  }
  const moved = readOwner(aside)
  if (moved && isAlive(moved) && (moved.pid !== seen?.pid || moved.host !== seen?.host)) {
    try {
      linkSync(aside, lock)
    } catch {}
  }
  rmSync(aside, {force: true})
}

function readOwner(lock: string): Owner | undefined {
  try {
    const value = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Owner>
    if (Number.isSafeInteger(value.pid) && typeof value.host === 'string') return {pid: value.pid!, host: value.host}
  } catch {}
  // Unreadable or half-written (a run killed while writing it): nobody can hold it.
  return undefined
}

function isAlive(owner: Owner): boolean {
  // A process on another machine (a shared folder) cannot be checked: assume it runs.
  if (owner.host !== hostname()) return true
  // Our own id, but not in `held`: left by an earlier process that had the
  // same id (containers reuse low ids), so it is stale.
  if (owner.pid === process.pid) return false
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function busy(dir: string, lock: string, owner: Owner | undefined): UserError {
  const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another run'
  return new UserError(
    `${dir}: Unexpected assembly already writing this folder (${who} holds ${lock}), expected one run at a time; run again when it has finished (if no iop is running, remove ${path.basename(lock)})`
  )
}
