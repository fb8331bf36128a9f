/**
 * The lint engine: runs every rule plugin (lint/plugins.ts, the ones the
 * remark preset names) on each module's one tree, with the curriculum index
 * loaded once per run; messages land on each module's vfile.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import {provideLintContext} from './lint-context.js'
import {rulePlugins} from './plugins.js'

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

/**
 * Lint modules. Messages land on each `module.file.messages`, sorted by place.
 *
 * @param modules Parsed modules (the whole curriculum for curriculum rules).
 * @param config Curriculum configuration (severities and options).
 * @param only Lint only these modules' messages (optional; default all).
 * @returns Counts of errors and warnings.
 */
export function lintModules(
  modules: readonly SessionModule[],
  config: CurriculumConfig,
  only?: ReadonlySet<SessionModule>
): LintSummary {
  // The same plugins the remark preset names: no rule has a second copy.
  const processor = unified()
  for (const plugin of rulePlugins.values()) processor.use(plugin)
  processor.freeze()
  // A fresh index per run: curriculum-wide findings are cached by its identity.
  const index = [...modules]
  for (const module of modules) {
    if (only && !only.has(module)) continue
    provideLintContext({module, modules: index, config})
    processor.runSync(module.tree as Root, module.file)
  }

  const summary: LintSummary = {errors: 0, warnings: 0}
  for (const module of modules) {
    if (only && !only.has(module)) continue
    linted.add(module)
    module.file.messages.sort(compareMessages)
    for (const message of module.file.messages) {
      if (message.fatal) summary.errors++
      else if (message.fatal === false) summary.warnings++
    }
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
