/**
 * The streams and working directory a command uses, injectable so tests can
 * run the CLI in-process.
 */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

/** The real process streams. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
}
