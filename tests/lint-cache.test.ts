/**
 * The lint cache (issue 11): a warm run gives the same messages without
 * linting again, and no change can hide behind it: one edited byte, another
 * setting, another build of iop or a damaged cache file all give the true result.
 */
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadCurriculum} from '../src/curriculum/load-curriculum.js'
import {lintModules} from '../src/lint/lint.js'
import {formatJson} from '../src/lint/format.js'
import {openLintCache, type LintCache} from '../src/lint/lint-cache.js'
import {lintCacheDir} from '../src/lint/lint-cache.js'
import {useLintCache} from '../src/lint/default-cache.js'
import {run} from './helpers/run-cli.js'

const root = path.resolve(import.meta.dirname, '..')
const work = mkdtempSync(path.join(tmpdir(), 'iop-cache-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** A small curriculum: a bundled group copied, so edits touch no real module. */
function curriculum(name: string): string {
  const dir = path.join(work, name, 'curriculum')
  for (const group of ['support']) cpSync(path.join(root, 'curriculum', group), path.join(dir, group), {recursive: true})
  return dir
}

/** A cache that counts the entries it hands back. */
function counting(inner: LintCache) {
  const counts = {hits: 0}
  const cache: LintCache = {
    get(key) {
      const entry = inner.get(key)
      if (entry) counts.hits++
      return entry
    },
    set: (key, entry) => inner.set(key, entry),
    save: () => inner.save()
  }
  return {cache, counts}
}

function lintJson(dir: string, cache: LintCache | false) {
  const loaded = loadCurriculum([dir])
  const summary = lintModules(loaded.modules, loaded.config, undefined, {cache})
  return {summary, json: formatJson(loaded.modules.map((m) => m.file)), count: loaded.modules.length}
}

describe('lint cache', () => {
  it('a warm run reuses every result and reports the same bytes; after one edited byte only that module is linted again, and its new message shows', () => {
    const dir = curriculum('warm')
    const cacheDir = path.join(work, 'warm-cache')
    const fresh = lintJson(dir, false)
    const cold = counting(openLintCache(cacheDir))
    expect(lintJson(dir, cold.cache).json).toBe(fresh.json)
    expect(cold.counts.hits).toBe(0)
    cold.cache.save()

    const warm = counting(openLintCache(cacheDir))
    const again = lintJson(dir, warm.cache)
    expect(again.json).toBe(fresh.json)
    expect(warm.counts.hits).toBe(fresh.count)

    // One byte: "the person" becomes "the addict" (a Words Matter term) in one module's body.
    const file = path.join(dir, 'support', 'joining-the-group.md')
    const text = readFileSync(file, 'utf8')
    const at = text.lastIndexOf('\n\n') + 2
    writeFileSync(file, text.slice(0, at) + 'Call no one an addict.\n\n' + text.slice(at))
    const edited = counting(openLintCache(cacheDir))
    const after = lintJson(dir, edited.cache)
    expect(edited.counts.hits).toBe(fresh.count - 1)
    expect(after.json).toBe(lintJson(dir, false).json)
    expect(after.json).toMatch(/joining-the-group\.md[^]*words-matter/)
    expect(after.json).not.toBe(fresh.json)
  })

  it('another rule setting is another key: turning a rule off in iop.config.yaml is seen at once', () => {
    const dir = curriculum('config')
    const cacheDir = path.join(work, 'config-cache')
    const file = path.join(dir, 'support', 'joining-the-group.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n## Handouts/, '\nAn addict is a person.\n\n## Handouts'))
    const first = openLintCache(cacheDir)
    expect(lintJson(dir, first).json).toContain('words-matter')
    first.save()
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'rules:\n  words-matter: off\n')
    const second = counting(openLintCache(cacheDir))
    const json = lintJson(dir, second.cache).json
    expect(json).not.toContain('words-matter')
    expect(second.counts.hits).toBe(0)
  })

  it('a cache written by another build of iop, or a damaged one, is never trusted', () => {
    const dir = curriculum('foreign')
    const cacheDir = path.join(work, 'foreign-cache')
    const truth = lintJson(dir, false).json
    const first = openLintCache(cacheDir)
    lintJson(dir, first)
    first.save()
    const cacheFile = path.join(cacheDir, 'lint.json')
    // Poison every entry, then claim another build wrote them.
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as {tool: string; entries: Record<string, {messages: unknown[]}>}
    for (const entry of Object.values(data.entries)) entry.messages = [{reason: 'poisoned', fatal: true, ruleId: 'poison'}]
    writeFileSync(cacheFile, JSON.stringify({...data, tool: 'another-build'}))
    const foreign = counting(openLintCache(cacheDir))
    expect(lintJson(dir, foreign.cache).json).toBe(truth)
    expect(foreign.counts.hits).toBe(0)
    // The same poison under this build's fingerprint would be used: the check above is what keeps it out.
    writeFileSync(cacheFile, JSON.stringify(data))
    expect(lintJson(dir, openLintCache(cacheDir)).json).toContain('poisoned')
    writeFileSync(cacheFile, '{"tool": ')
    expect(lintJson(dir, openLintCache(cacheDir)).json).toBe(truth)
  })

  it('the CLI keeps its cache in IOP_CACHE_DIR, gives the same report warm, and --no-cache neither reads nor writes it', async () => {
    const dir = curriculum('cli')
    const cacheDir = path.join(work, 'cli-cache')
    const before = process.env.IOP_CACHE_DIR
    process.env.IOP_CACHE_DIR = cacheDir
    try {
      const none = await run(['--no-cache', 'lint', '--curriculum', dir, '--format', 'json'], path.join(work, 'cli'))
      expect(() => readFileSync(path.join(cacheDir, 'lint.json'))).toThrow()
      const cold = await run(['lint', '--curriculum', dir, '--format', 'json'], path.join(work, 'cli'))
      const warm = await run(['lint', '--curriculum', dir, '--format', 'json'], path.join(work, 'cli'))
      expect(readFileSync(path.join(cacheDir, 'lint.json'), 'utf8')).toContain('"entries"')
      expect([cold.code, warm.code]).toEqual([none.code, none.code])
      expect(cold.out).toBe(none.out)
      expect(warm.out).toBe(none.out)
    } finally {
      if (before === undefined) delete process.env.IOP_CACHE_DIR
      else process.env.IOP_CACHE_DIR = before
    }
  })

  it('a warm load takes the metadata of each module and translation from the cache, equal to a fresh read, and an edited frontmatter is read afresh', () => {
    const dir = curriculum('index')
    const cacheDir = path.join(work, 'index-cache')
    const fresh = loadCurriculum([dir])
    const cold = openLintCache(cacheDir)
    useLintCache(cold)
    try {
      loadCurriculum([dir])
      cold.save()
      const warm = openLintCache(cacheDir)
      let reads = 0
      let misses = 0
      const index = warm.index!
      useLintCache({...warm, index: {get: (p, h) => {
        reads++
        const entry = index.get(p, h)
        if (!entry) misses++
        return entry
      }, set: index.set}})
      const again = loadCurriculum([dir])
      expect(again.modules.map((m) => [m.meta, m.schemaIssues])).toEqual(fresh.modules.map((m) => [m.meta, m.schemaIssues]))
      expect(again.translations.map((t) => [t.meta, t.schemaIssues])).toEqual(fresh.translations.map((t) => [t.meta, t.schemaIssues]))
      expect(again.translations.length).toBeGreaterThan(0)
      expect(reads).toBeGreaterThanOrEqual(fresh.modules.length + fresh.translations.length)
      expect(misses).toBe(0)
      // The positions rules report at are read on demand, the same as a fresh read's.
      expect(again.modules[0].frontmatter?.place(['title'])).toEqual(fresh.modules[0].frontmatter?.place(['title']))
      const file = path.join(dir, 'support', 'joining-the-group.md')
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A new title'))
      const edited = loadCurriculum([dir]).modules.find((m) => m.file.path.endsWith('joining-the-group.md'))
      expect(edited?.meta?.title).toBe('A new title')
    } finally {
      useLintCache(undefined)
    }
  })

  it('a lint.json that is not an iop cache is never overwritten, and results stay true', () => {
    const dir = curriculum('foreign-file')
    const cacheDir = path.join(work, 'someone-else')
    mkdirSync(cacheDir)
    const theirs = '{"rules": {"semi": "error"}}\n'
    writeFileSync(path.join(cacheDir, 'lint.json'), theirs)
    const cache = openLintCache(cacheDir)
    expect(lintJson(dir, cache).json).toBe(lintJson(dir, false).json)
    cache.save()
    expect(readFileSync(path.join(cacheDir, 'lint.json'), 'utf8')).toBe(theirs)
    expect(readdirSync(cacheDir)).toEqual(['lint.json'])
  })

  it('a cache folder that cannot be made (a file in its path) costs the cache, never the run', async () => {
    const blocker = path.join(work, 'a-file')
    writeFileSync(blocker, 'x')
    const cache = openLintCache(path.join(blocker, 'cache'))
    lintJson(curriculum('blocked'), cache)
    expect(() => cache.save()).not.toThrow()
    const before = process.env.IOP_CACHE_DIR
    process.env.IOP_CACHE_DIR = path.join(blocker, 'cache')
    try {
      const result = await run(['lint', '--curriculum', curriculum('blocked-cli'), '--format', 'json'], work)
      expect(result.code).toBe(0)
      expect(result.err).toBe('')
    } finally {
      if (before === undefined) delete process.env.IOP_CACHE_DIR
      else process.env.IOP_CACHE_DIR = before
    }
  })

  it('the cache folder is IOP_CACHE_DIR, else node_modules/.cache/iop up from the working folder, else the user cache folder', () => {
    expect(lintCacheDir('/x', {IOP_CACHE_DIR: 'c'})).toBe(path.resolve('/x', 'c'))
    expect(lintCacheDir(path.join(root, 'tests'), {})).toBe(path.join(root, 'node_modules', '.cache', 'iop'))
    expect(lintCacheDir(work, {XDG_CACHE_HOME: '/home/u/.cache'})).toBe(path.join('/home/u/.cache', 'iop'))
  })
})
