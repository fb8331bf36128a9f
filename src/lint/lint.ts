/**
 * The lint engine: runs every rule plugin (lint/plugins.ts, the ones the
 * remark preset names) on each module's one tree, with the curriculum index
 * loaded once per run; messages land on each module's vfile. Modules are
 * done one at a time (their rules, then the curriculum-wide findings that
 * concern them), so a caller can use each module as soon as it is checked
 * and let its tree go. A lint cache (lint-cache.ts) stands in for the
 * per-module rules of a file whose bytes, config and iop are unchanged.
 */
import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import {moduleLinks, presetLinks} from '../module/module-links.js'
import {knowParsed, releaseTree, type SessionModule} from '../module/parse-module.js'
import {cacheKey, configKey, restoreMessages, storeMessages, type CacheEntry, type LintCache} from './lint-cache.js'
import {defaultLintCache} from './default-cache.js'
import {provideLintContext} from './lint-context.js'
import {rulePlugins} from './plugins.js'
import {rules} from './rules/index.js'

/** Modules that have been through a lint run: builds refuse to trust the rest. */
const linted = new WeakSet<SessionModule>()

/**
 * Whether a module has been linted.
 *
 * @param module A parsed module.
 * @returns True after {@link lintModules} has run on it.
 */
export function isLinted(module: SessionModule): boolean {
  return linted.has(module)
}

/** Summary counts of a lint run. */
export interface LintSummary {
  errors: number
  warnings: number
}

/** Options of a lint run. */
export interface LintOptions {
  /** A lint cache (default: the one the CLI opened, if any; see default-cache.ts). `false`: none. */
  cache?: LintCache | false
  /**
   * Called with each module once its messages are final, before the next
   * module is linted (a streaming build renders it here).
   */
  each?: (module: SessionModule) => void
  /** Let each module's tree go after `each` (a lazy module parses again if used later). */
  release?: boolean
  /**
   * The curriculum index to check against, when a caller lints a few modules
   * at a time from the same curriculum (default: `modules`). Curriculum-wide
   * findings are worked out once per index.
   */
  index?: readonly SessionModule[]
}

/** Per-module rule results worked out elsewhere (a worker thread), waiting for the lint run. */
const precomputed = new WeakMap<SessionModule, CacheEntry>()

/**
 * Hand a module's per-module rule results, worked out on another thread,
 * to the next lint run (used once, as a cache entry would be).
 *
 * @param module The module.
 * @param entry Messages, parse status and links, for the module's current bytes.
 */
export function presetModuleResult(module: SessionModule, entry: CacheEntry): void {
  precomputed.set(module, entry)
}

/**
 * Whether a lint run would find a module's per-module results ready (handed
 * over, or in the cache), so no thread need lint it again.
 *
 * @param module A module.
 * @param config Curriculum configuration.
 * @param cache The cache the run will use (default: the CLI's, if any).
 * @returns True when ready.
 */
export function hasReadyResult(module: SessionModule, config: CurriculumConfig, cache: LintCache | false | undefined = defaultLintCache()): boolean {
  if (precomputed.has(module)) return true
  return cache ? cache.get(cacheKey(configKey(config), module.file.path, module.hash)) !== undefined : false
}

/**
 * Run the per-module rules alone (a worker thread's part; curriculum-wide
 * rules need the index and run where it is). Marks the module linted.
 *
 * @param module A parsed module.
 * @param config Curriculum configuration.
 */
export function lintModuleRules(module: SessionModule, config: CurriculumConfig): void {
  provideLintContext({module, modules: [module], config})
  processors().module.runSync(module.tree as Root, module.file)
  linted.add(module)
}

/** The rule plugins of one scope, as a frozen processor. */
function processorOf(scope: 'module' | 'curriculum'): Processor<Root> {
  const processor = unified()
  for (const rule of rules) if (rule.scope === scope) processor.use(rulePlugins.get(rule.id)!)
  return processor.freeze() as unknown as Processor<Root>
}

let built: {module: Processor<Root>; curriculum: Processor<Root>} | undefined

/** The two processors, made on first use. */
function processors(): {module: Processor<Root>; curriculum: Processor<Root>} {
  return (built ??= {module: processorOf('module'), curriculum: processorOf('curriculum')})
}

/**
 * Lint modules. Messages land on each `module.file.messages`, sorted by place.
 *
 * @param modules Parsed modules (the whole curriculum for curriculum rules).
 * @param config Curriculum configuration (severities and options).
 * @param only Lint only these modules' messages (optional; default all).
 * @param options Cache, a callback per module, and tree release.
 * @returns Counts of errors and warnings.
 */
export function lintModules(
  modules: readonly SessionModule[],
  config: CurriculumConfig,
  only?: ReadonlySet<SessionModule>,
  options: LintOptions = {}
): LintSummary {
  const cache = options.cache === false ? undefined : options.cache ?? defaultLintCache()
  const configPart = cache ? configKey(config) : ''
  // A fresh index per run: curriculum-wide findings are cached by its identity.
  const index = options.index ?? [...modules]
  // Curriculum rules read only metadata and each module's links: no tree.
  const empty: Root = {type: 'root', children: []}
  const summary: LintSummary = {errors: 0, warnings: 0}
  for (const module of modules) {
    if (only && !only.has(module)) continue
    provideLintContext({module, modules: index, config})
    const key = cache ? cacheKey(configPart, module.file.path, module.hash) : ''
    const ready = precomputed.get(module)
    precomputed.delete(module)
    if (ready) cache?.set(key, ready)
    const hit = ready ?? cache?.get(key)
    if (hit) {
      restoreMessages(module.file, hit.messages)
      knowParsed(module, hit.parsed)
      presetLinks(module, hit.links)
    } else {
      processors().module.runSync(module.tree as Root, module.file)
      cache?.set(key, {parsed: module.parsed, links: module.parsed ? moduleLinks(module) : [], messages: storeMessages(module.file)})
    }
    processors().curriculum.runSync(empty, module.file)
    linted.add(module)
    module.file.messages.sort(compareMessages)
    for (const message of module.file.messages) {
      if (message.fatal) summary.errors++
      else if (message.fatal === false) summary.warnings++
    }
    options.each?.(module)
    if (options.release) releaseTree(module)
  }
  return summary
}

function compareMessages(a: {line?: number; column?: number; ruleId?: string; reason: string}, b: typeof a): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId).localeCompare(String(b.ruleId)) ||
    a.reason.localeCompare(b.reason)
  )
}

/**
 * Whether a module has any error-level message (it must not be built).
 *
 * @param module A linted module.
 * @returns True when at least one message is fatal.
 */
export function hasErrors(module: SessionModule): boolean {
  return module.file.messages.some((message) => message.fatal === true)
}
