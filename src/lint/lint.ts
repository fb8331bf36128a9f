/**
 * The lint engine: runs every rule at its configured severity and attaches
 * the results to each module's vfile as messages (remark-lint's model).
 */
import type {CurriculumConfig, RuleSetting} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Level, Place, Rule} from './rule.js'
import {rules as builtinRules} from './rules/index.js'

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
  for (const rule of builtinRules) {
    const [severity, options] = resolveSetting(rule, config.rules[rule.id])
    if (severity === 'off') continue

    const report = (module: SessionModule, reason: string, place: Place, level: Level = 'error') => {
      if (only && !only.has(module)) return
      const message = module.file.message(reason, {place: place ?? {line: 1, column: 1}, ruleId: rule.id, source: 'iop'})
      message.fatal = severity === 'error' && level === 'error'
    }

    if (rule.scope === 'module') {
      for (const module of modules) {
        if (only && !only.has(module)) continue
        // A module that could not be read or parsed has one message that
        // says why; its empty tree would only make rules echo it.
        if (!module.parsed) continue
        rule.check({module, config, options, report: (reason, place, level) => report(module, reason, place, level)})
      }
    } else {
      rule.check({modules, config, options, report})
    }
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

function resolveSetting(rule: Rule, setting: RuleSetting | undefined): [string, Record<string, unknown>] {
  const defaults = rule.defaults ?? {}
  // loadConfig refuses a lowered client-safety rule; a hand-made config
  // object passed to the API gets the same answer here.
  if (rule.clientSafety) return ['error', defaults]
  if (setting === undefined) return [rule.severity, defaults]
  if (typeof setting === 'string') return [setting, defaults]
  return [setting[0], {...defaults, ...setting[1]}]
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
