/**
 * Where `-o` writes: checked before anything is rendered or printed, so a
 * refused path costs nothing, and written atomically. `--force` replaces an
 * earlier output, never a folder or an author's module.
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Io} from '../util/io.js'
import {isModuleFile} from '../util/module-file.js'
import {UserError} from '../util/user-error.js'
import {writeFileAtomic} from '../util/write-file.js'

/**
 * Check the `-o` path.
 *
 * @param io Streams and working directory.
 * @param output The `-o` value.
 * @param force Whether an earlier output may be replaced (default false).
 * @returns The absolute path.
 * @throws {UserError} For a folder, a module file, or an existing file without `force`.
 */
export function outputTarget(io: Io, output: string, force = false): string {
  const target = path.resolve(io.cwd, output)
  if (existsSync(target) && statSync(target).isDirectory()) throw new UserError(`${target}: Unexpected folder, expected a file path to write to`)
  if (force && isModuleFile(target)) throw new UserError(`${output}: Unexpected module file as -o, expected a new path or an earlier output (iop never replaces a module, even with --force)`)
  if (!force && existsSync(target)) throw new UserError(`${target}: Unexpected existing file, expected a new path (use --force to overwrite)`)
  return target
}

/**
 * Write an output checked by {@link outputTarget} and say so on stderr.
 *
 * @param io Streams and working directory.
 * @param target The checked path.
 * @param value Text or bytes.
 * @param force Whether an earlier output may be replaced (default false).
 */
export function writeOutput(io: Io, target: string, value: string | Uint8Array, force = false): void {
  writeFileAtomic(target, value, {force})
  io.stderr(`iop: wrote ${path.relative(io.cwd, target) || target}\n`)
}
