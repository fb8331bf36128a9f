/**
 * Safe file output: never overwrite without `force`, and write atomically
 * (a temporary file in the same folder, then a rename), so a crash never
 * leaves half a file where a good one stood.
 */
import {existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
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
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UserError(`${file}: Unexpected folder, expected a file path to write to`)
  }
  if (!options.force && existsSync(file)) {
    throw new UserError(`${file}: Unexpected existing file, expected a new path (use --force to overwrite)`)
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(temporary, value)
    renameSync(temporary, file)
  } catch (error) {
    // Cleanup can fail for the same reason the write did; report the write.
    try {
      rmSync(temporary, {force: true})
    } catch {}
    throw fileError(file, error)
  }
}

/**
 * A file-system failure as a user error: the path, the system's reason and
 * what would work. Anything that is not a file-system error is returned as is.
 *
 * @param file The path being written.
 * @param error What was thrown.
 * @returns An error to throw.
 */
export function fileError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error
  return new UserError(`${file}: Unexpected ${code} while writing (${(error as Error).message.split(',')[0].replace(`${code}: `, '')}), expected a writable path`)
}
