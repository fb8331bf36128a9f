/** Runs the CLI in-process and collects what it prints, for tests. */
import path from 'node:path'
import {main} from '../../src/cli.js'
import type {Io} from '../../src/util/io.js'

/** The repository root, the default working directory. */
export const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * Run `iop` with arguments.
 *
 * @param args Arguments after `iop`.
 * @param cwd Working directory (default: the repository root).
 * @returns The exit code and the text written to stdout and stderr.
 */
export async function run(args: string[], cwd = root) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd}
  const code = await main(args, io)
  return {code, out: out.join(''), err: err.join('')}
}
