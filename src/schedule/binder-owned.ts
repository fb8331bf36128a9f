/**
 * Which files in a folder iop wrote: those its `curriculum.json` lists.
 * Everything else is someone else's, and is found here so the writer can
 * keep it in place (or refuse) instead of deleting it.
 */
import {existsSync, lstatSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {manifestName} from './manifest.js'

/** Files a binder of manifest version 1 (which listed no files) could hold. */
const versionOneFile = /^(?:index\.html|schedule\.ics|schedule\.csv|curriculum\.json|sessions\/\d+-\d{4}-\d{2}-\d{2}\/(?:guide|handout)\.html)$/

/**
 * The files iop wrote into a folder, as `/`-separated relative paths.
 *
 * @param dir A folder (need not exist).
 * @returns The files its manifest lists; for a manifest without a list (version 1),
 *   the binder files that version wrote; nothing when there is no manifest of iop's.
 */
export function ownFiles(dir: string): Set<string> {
  const file = path.join(dir, manifestName)
  if (!existsSync(file) || !lstatSync(file).isFile()) return new Set()
  let manifest: {tool?: unknown; files?: unknown}
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest
  } catch {
    return new Set()
  }
  // Someone else's curriculum.json is not a claim on their files.
  if (manifest?.tool !== 'iop-curriculum') return new Set()
  const listed = manifest.files
  if (Array.isArray(listed)) return new Set(listed.filter((name): name is string => typeof name === 'string' && safeRelative(name)).concat(manifestName))
  const found = new Set<string>([manifestName])
  for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'})) {
    const relative = name.split(path.sep).join('/')
    if (versionOneFile.test(relative) && lstatSync(path.join(dir, name)).isFile()) found.add(relative)
  }
  return found
}

/** What is in a folder besides iop's files. */
export interface ForeignEntry {
  /** `/`-separated path relative to the folder. */
  path: string
  directory: boolean
  /** A file the new binder also writes, or needs as a folder: it cannot be kept in place. */
  collides: boolean
}

/**
 * The entries of `dir` that iop did not write, each as high up as possible
 * (a folder with nothing of iop's in it is one entry). A folder is entered
 * only when iop's old or new files lie below it; symbolic links are never
 * followed.
 *
 * @param dir The folder.
 * @param own Files iop wrote there ({@link ownFiles}).
 * @param incoming Files the new binder writes (optional).
 * @returns Sorted entries.
 */
export function foreignEntries(dir: string, own: ReadonlySet<string>, incoming: ReadonlySet<string> = new Set()): ForeignEntry[] {
  const below = (prefix: string, names: ReadonlySet<string>) => {
    for (const name of names) if (name.startsWith(prefix + '/')) return true
    return false
  }
  const result: ForeignEntry[] = []
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative)).sort()) {
      const entry = relative ? `${relative}/${name}` : name
      const stat = lstatSync(path.join(dir, entry))
      if (stat.isFile() && own.has(entry)) continue
      if (stat.isDirectory() && (below(entry, own) || below(entry, incoming))) {
        walk(entry)
        continue
      }
      result.push({path: entry, directory: stat.isDirectory(), collides: incoming.has(entry) || below(entry, incoming)})
    }
  }
  walk('')
  return result
}

function safeRelative(name: string): boolean {
  return name !== '' && !name.startsWith('/') && !name.split('/').some((part) => part === '..' || part === '.' || part === '')
}
