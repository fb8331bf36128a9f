/**
 * Finds the Chromium that prints PDFs: `IOP_CHROMIUM`, else `chromium`,
 * `chromium-browser` or `google-chrome` on PATH. iop never downloads a
 * browser; without one, the user is told how to install it.
 */
import {accessSync, constants, statSync} from 'node:fs'
import path from 'node:path'
import {UserError} from '../util/user-error.js'

/** Browser names looked for on PATH, in order. */
export const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome'] as const

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * The Chromium executable to print with, or undefined when there is none.
 *
 * @param env Environment (default `process.env`): `IOP_CHROMIUM` and `PATH`.
 * @returns An absolute path, or undefined.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.IOP_CHROMIUM) return executable(env.IOP_CHROMIUM) ? path.resolve(env.IOP_CHROMIUM) : undefined
  for (const name of chromiumNames) {
    for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
      const file = path.join(dir, name)
      if (executable(file)) return file
    }
  }
  return undefined
}

/**
 * The Chromium executable, or a user error saying how to get one.
 *
 * @param env Environment (default `process.env`).
 * @returns An absolute path.
 * @throws {UserError} When no browser is found (exit 2).
 */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env)
  if (found) return found
  if (env.IOP_CHROMIUM) throw new UserError(`Unexpected IOP_CHROMIUM=${env.IOP_CHROMIUM}: not an executable file, expected the path of a Chromium or Chrome browser`)
  throw new UserError('Unexpected missing browser for PDF output, expected `chromium`, `chromium-browser` or `google-chrome` on PATH, or IOP_CHROMIUM=/path/to/chromium (install one with `sudo apt-get install chromium`, or write HTML and print it from a browser)')
}
