/**
 * The streams and working directory a command uses, injectable so tests can
 * run the CLI in-process.
 */
import {readFileSync} from 'node:fs'

/** What a command reads and writes. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  /** Whether stdout is a terminal (colour by default); tests leave it out. */
  isTTY?: boolean
  /** Environment, for `NO_COLOR` and `FORCE_COLOR` (default: none set). */
  env?: Record<string, string | undefined>
  /** `--config FILE`: the project's config file, instead of searching upward. */
  config?: string
  /** Read all of stdin (`iop lint --stdin`). */
  readStdin?: () => string
}

/** The real process streams. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  readStdin: () => readFileSync(0, 'utf8')
}
