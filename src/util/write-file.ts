/**
 * Safe file output: never overwrite without `force`, and write atomically
 * (a temporary file in the same folder, then a rename), so a crash never
 * leaves half a file where a good one stood.
 */
import {existsSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {UserError} from './user-error.js'

/**
 * Write a file atomically.
 *
 * @param file Destination path.
 * @param value Contents.
 * @param options `force` allows replacing an existing file (default false).
 * @throws {UserError} When the file exists and `force` is not set.
 */
export function writeFileAtomic(file: string, value: string | Uint8Array, options: {force?: boolean} = {}): void {
  if (!options.force && existsSync(file)) {
    throw new UserError(`${file}: Unexpected existing file, expected a new path (use --force to overwrite)`)
  }
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    writeFileSync(temporary, value)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}
