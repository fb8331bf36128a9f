/** `iop preview`: serve the site of the working curriculum on 127.0.0.1 and reload pages as modules are saved. */
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {startPreview} from '../site/preview.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumDirsFor, projectConfigFile} from './curriculum-option.js'

/** Options of `iop preview`. */
export interface PreviewCommandOptions {
  curriculum?: string[]
  port?: string
}

/**
 * Run the preview until Ctrl-C (SIGINT) or SIGTERM.
 *
 * @param io Streams and working folder.
 * @param paths Curriculum folders (default: as `--curriculum`).
 * @param options Port and curriculum folders.
 * @param stop Resolves when the preview should stop (default: SIGINT or SIGTERM).
 * @returns 0 once stopped.
 * @throws {UserError} For a bad or taken port, or a missing folder.
 */
export async function previewCommand(io: Io, paths: string[], options: PreviewCommandOptions, stop: Promise<unknown> = signal()): Promise<number> {
  const port = options.port ?? '4321'
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw new UserError(`Unexpected --port ${port}, expected a whole number from 0 to 65535`)
  const dirs = paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : curriculumDirsFor(io, options.curriculum)
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${dir}: Unexpected missing curriculum folder, expected a folder of modules (curriculum/<group>/<id>.md)`)
  }
  const preview = await startPreview({
    // Real paths: the watcher reports real paths, and modules are matched by path.
    dirs: [...new Set(dirs.map((dir) => realpathSync(dir)))],
    configFile: projectConfigFile(io),
    cwd: io.cwd,
    port: Number(port),
    onRebuild: (pages, error) => {
      if (error) io.stderr(`iop: rebuild failed: ${error.message}\n`)
      else io.stderr(`iop: rebuilt ${pages.length} page${pages.length === 1 ? '' : 's'}\n`)
    }
  })
  await preview.ready
  io.stdout(`Serving ${preview.url} (the curriculum in ${dirs.map((dir) => path.relative(io.cwd, dir) || '.').join(', ')}); Ctrl-C stops\n`)
  await stop
  await preview.close()
  io.stderr('iop: preview stopped\n')
  return 0
}

function signal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (name: string) => {
      process.off('SIGINT', done)
      process.off('SIGTERM', done)
      resolve(name)
    }
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
}
