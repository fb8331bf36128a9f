/**
 * Watches the preview's curriculum folders and config file with chokidar,
 * and reports the files that changed in one batch. chokidar rather than
 * `fs.watch`: editors save by writing a temporary file and renaming it over
 * the module, and Node 20's recursive `fs.watch` on Linux misses events
 * while it walks the tree (nodejs/node#48437); chokidar follows renames and
 * new folders, and `awaitWriteFinish`
 * waits until a save is complete before the module is re-read.
 */
import {watch, type FSWatcher} from 'chokidar'

/** A running watcher. */
export interface CurriculumWatcher {
  /** Resolves once the first scan is done, so later saves are seen. */
  ready: Promise<void>
  close(): Promise<void>
}

/**
 * Watch files and folders.
 *
 * @param paths Curriculum folders and config files.
 * @param onChange Called with the absolute paths that changed (added, changed or removed), a batch at a time.
 * @returns The watcher.
 */
export function watchCurriculum(paths: readonly string[], onChange: (files: string[]) => void): CurriculumWatcher {
  const watcher: FSWatcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (file) => /(^|[\\/])(\.git|node_modules)([\\/]|$)/.test(file),
    // A save is re-read once the file has stopped growing for 80 ms: well within the second a reload may take.
    awaitWriteFinish: {stabilityThreshold: 80, pollInterval: 20}
  })
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const queue = (file: string) => {
    pending.add(file)
    clearTimeout(timer)
    // Several files saved together (a rename, a search and replace) rebuild once.
    timer = setTimeout(() => {
      const files = [...pending]
      pending = new Set()
      onChange(files)
    }, 30)
  }
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, queue)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    close: async () => {
      clearTimeout(timer)
      await watcher.close()
    }
  }
}
