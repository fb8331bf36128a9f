/**
 * The lint cache, in the spirit of ESLint's `--cache`: what linting one
 * file found (its messages, whether it parses, its links), keyed by a hash
 * of the file's bytes and path, the configuration, the year (the `credits`
 * rule reads it) and a fingerprint of iop's own code. A changed byte, rule,
 * setting or iop build gives a new key, so a stale result is never used.
 * Curriculum-wide rules are not cached: they run on every lint, from
 * metadata. One JSON file per folder, written atomically; safe to delete;
 * it holds curriculum text findings only, never client data.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {homedir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import type {Position, Point} from 'unist'
import type {ModuleLink} from '../module/module-links.js'
import type {IndexEntry, ModuleIndex} from '../module/parse-module.js'

/** A message as the cache stores it. */
export interface CachedMessage {
  reason: string
  place?: Position | Point
  ruleId?: string
  source?: string
  fatal?: boolean | null
  url?: string
}

/** What linting one file found. */
export interface CacheEntry {
  parsed: boolean
  links: ModuleLink[]
  messages: CachedMessage[]
}

/** A cache of lint results, open for one run. */
export interface LintCache {
  get(key: string): CacheEntry | undefined
  set(key: string, entry: CacheEntry): void
  /** Module metadata by path and content hash: a warm load reads no YAML. */
  index?: ModuleIndex
  /** Write what this run added (atomically); never throws. */
  save(): void
}

/** Entries kept at most: the most recently used win. */
const maxEntries = 50_000

const cacheFile = 'lint.json'

/**
 * The cache folder: `IOP_CACHE_DIR`; else `node_modules/.cache/iop` of the
 * nearest folder up from `cwd` that has `node_modules` (where build tools keep
 * theirs); else `$XDG_CACHE_HOME/iop` or `~/.cache/iop`.
 *
 * @param cwd The working folder.
 * @param env The environment.
 * @returns An absolute folder path (it may not exist yet).
 */
export function lintCacheDir(cwd: string, env: Record<string, string | undefined> = process.env): string {
  if (env.IOP_CACHE_DIR) return path.resolve(cwd, env.IOP_CACHE_DIR)
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'iop')
    if (path.dirname(dir) === dir) break
  }
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'iop')
}

let fingerprint: string | undefined

/**
 * A hash of iop's code (every `.js` file under dist/, or `.ts` under src/
 * when run from source, as the tests do) and package.json: a rule changed in
 * development, or a new release, starts a fresh cache.
 *
 * @returns Hex digest.
 */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint
  const dist = fileURLToPath(new URL('..', import.meta.url))
  const hash = createHash('sha256')
  for (const name of readdirSync(dist, {recursive: true, encoding: 'utf8'}).filter((n) => /\.(?:js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort()) {
    hash.update(name).update('\0').update(readFileSync(path.join(dist, name))).update('\0')
  }
  hash.update(readFileSync(new URL('../../package.json', import.meta.url)))
  return (fingerprint = hash.digest('hex'))
}

const configKeys = new WeakMap<object, string>()

/**
 * The part of a key that stands for a configuration, worked out once per
 * configuration object (a lint run asks for it once per module).
 *
 * @param config A curriculum configuration.
 * @returns Its JSON.
 */
export function configKey(config: object): string {
  let key = configKeys.get(config)
  if (key === undefined) configKeys.set(config, (key = JSON.stringify(config)))
  return key
}

/**
 * The key of one file's lint result.
 *
 * @param parts What the result depends on beyond the tool: config, path, content hashes.
 * @returns Hex digest.
 */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256').update(toolFingerprint()).update('\0').update(String(new Date().getUTCFullYear()))
  for (const part of parts) hash.update('\0').update(part)
  return hash.digest('hex')
}

/**
 * Open the cache in a folder. An unreadable, malformed or other-version
 * cache is treated as empty; a folder that cannot be written is ignored.
 *
 * @param dir The cache folder.
 * @returns The cache.
 */
export function openLintCache(dir: string): LintCache {
  const file = path.join(dir, cacheFile)
  // Read on first use: a command that lints nothing never opens the file.
  let stored: Stored | undefined
  const added: Stored = {entries: new Map(), index: new Map()}
  const read = () => (stored ??= readStored(file))
  return {
    get(key) {
      return added.entries.get(key) ?? read().entries.get(key)
    },
    set(key, entry) {
      added.entries.set(key, entry)
    },
    index: {
      get(path, hash) {
        const key = cacheKey('index', path, hash)
        return added.index.get(key) ?? read().index.get(key)
      },
      set(path, hash, entry) {
        added.index.set(cacheKey('index', path, hash), entry)
      }
    },
    save() {
      if (added.entries.size === 0 && added.index.size === 0) return
      // A lint.json that is not an iop cache (IOP_CACHE_DIR naming someone's folder) is left as it is.
      if (existsSync(file) && !isOurs(file)) return
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
      try {
        // Merge with what another run may have written meanwhile; newest last.
        const merged = readStored(file)
        const keep = <T>(into: Map<string, T>, from: Map<string, T>) => {
          for (const [key, entry] of from) {
            into.delete(key)
            into.set(key, entry)
          }
          return Object.fromEntries([...into].slice(-maxEntries))
        }
        const data = {tool: toolFingerprint(), entries: keep(merged.entries, added.entries), index: keep(merged.index, added.index)}
        mkdirSync(dir, {recursive: true})
        writeFileSync(temporary, JSON.stringify(data))
        renameSync(temporary, file)
        added.entries.clear()
        added.index.clear()
      } catch {
        // A cache that cannot be written costs speed, never a result; no half-written copy stays.
        try {
          rmSync(temporary, {force: true})
        } catch {
          // The folder itself is unusable (a file stands in its path): nothing was written.
        }
      }
    }
  }
}

/** What the cache file holds: lint results and module metadata. */
interface Stored {
  entries: Map<string, CacheEntry>
  index: Map<string, IndexEntry>
}

function readStored(file: string): Stored {
  try {
    if (!statSync(file).isFile()) return {entries: new Map(), index: new Map()}
    const data = JSON.parse(readFileSync(file, 'utf8')) as {tool?: unknown; entries?: unknown; index?: unknown}
    if (data.tool !== toolFingerprint()) return {entries: new Map(), index: new Map()}
    const entries = isRecord(data.entries) ? Object.entries(data.entries).filter((pair): pair is [string, CacheEntry] => isEntry(pair[1])) : []
    const index = isRecord(data.index) ? Object.entries(data.index).filter((pair): pair is [string, IndexEntry] => isIndexEntry(pair[1])) : []
    return {entries: new Map(entries), index: new Map(index)}
  } catch {
    return {entries: new Map(), index: new Map()}
  }
}

/** Whether a file is an iop lint cache (of any build): JSON with a `tool` fingerprint and `entries`. */
function isOurs(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return isRecord(data) && typeof data.tool === 'string' && isRecord(data.entries)
  } catch {
    return false
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isIndexEntry(value: unknown): value is IndexEntry {
  const entry = value as IndexEntry
  return isRecord(value) && (entry.meta === null || isRecord(entry.meta)) && Array.isArray(entry.schemaIssues)
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as CacheEntry
  return typeof entry === 'object' && entry !== null && typeof entry.parsed === 'boolean' && Array.isArray(entry.links) && Array.isArray(entry.messages)
}

/**
 * The messages of a file, as the cache stores them.
 *
 * @param file A linted file.
 * @returns Plain objects.
 */
export function storeMessages(file: VFile): CachedMessage[] {
  return file.messages.map((m) => ({reason: m.reason, place: m.place, ruleId: m.ruleId, source: m.source, fatal: m.fatal, url: m.url}))
}

/**
 * Put stored messages back on a file, in place of any it has.
 *
 * @param file The file.
 * @param messages Stored messages.
 */
export function restoreMessages(file: VFile, messages: readonly CachedMessage[]): void {
  file.messages = []
  for (const stored of messages) {
    const message = file.message(stored.reason, {place: stored.place, ruleId: stored.ruleId, source: stored.source})
    message.fatal = stored.fatal
    if (stored.url !== undefined) message.url = stored.url
  }
}
