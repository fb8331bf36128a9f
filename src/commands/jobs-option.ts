/** The shared `--jobs N` option: how many worker threads a command may use. */
import {availableParallelism} from 'node:os'
import {UserError} from '../util/user-error.js'

/**
 * Read `--jobs`.
 *
 * @param value The option's text, if given.
 * @returns A whole number from 1 (default: the machine's available parallelism).
 * @throws {UserError} For anything but a whole number from 1 to 256.
 */
export function jobsOption(value: string | undefined): number {
  if (value === undefined) return availableParallelism()
  const jobs = Number(value)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UserError(`Unexpected --jobs ${value}, expected a whole number from 1 to 256 (1: no worker threads)`)
  return jobs
}
