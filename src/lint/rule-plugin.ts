/**
 * Wraps each rule as a `unified-lint-rule` plugin: the one way any rule runs,
 * in `iop lint`, in remark-cli and in an editor. The plugin takes remark-lint
 * settings (`'warn'`, `['error', {…}]`); without one, the curriculum's
 * `iop.config.yaml` decides. Client-safety rules always run as `error`.
 */
import type {Root} from 'mdast'
import type {Plugin, Transformer} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {RuleSetting, Severity} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import {lintContextFor} from './lint-context.js'
import type {Level, Place, Rule} from './rule.js'
import {ruleUrl} from './rule-url.js'
import {translationFromParse} from '../translation/parse-translation.js'
import {isTranslationPath} from '../translation/translation-path.js'

/** A setting as remark-lint takes it: a label, a number, or one with options. */
export type PluginSetting = Severity | 'on' | 0 | 1 | 2 | boolean | [Severity | 'on' | 0 | 1 | 2 | boolean, Record<string, unknown>?]

/** Markdown files in a curriculum folder that are not modules (as in load-curriculum.ts). */
const notModule = /^(?:readme|license|contributing|changelog)\.md$/i

/** Messages a rule lowered to a warning inside a rule set to `error`. */
const lowered = new WeakSet<VFileMessage>()

interface Report {
  module: SessionModule
  reason: string
  place: Place
  level: Level
}

/** Curriculum-wide findings, computed once per curriculum index and rule. */
const curriculumFindings = new WeakMap<readonly SessionModule[], Map<string, Report[]>>()

/**
 * The unified plugin of one rule.
 *
 * @param rule A rule.
 * @returns A unified-lint-rule plugin whose messages carry `iop:<id>` and the docs URL.
 */
export function rulePlugin(rule: Rule): Plugin<[PluginSetting?], Root> {
  const inner = lintRule<Root, Record<string, unknown>>({origin: `iop:${rule.id}`, url: ruleUrl(rule.id)}, (tree, file, options) => {
    const context = lintContextFor(tree, file)
    const module = context.module
    // A module refused before parsing has one message that says why; its
    // empty tree would only make rules echo it.
    if (!module.parsed) return
    const emit = (reason: string, place: Place, level: Level = 'error') => {
      const message = file.message(reason, {place: place ?? {line: 1, column: 1}})
      if (level === 'warn') lowered.add(message)
    }
    if (rule.scope === 'translation') {
      const translation = translationFromParse(module)
      const english = context.modules.find((m) => m.meta?.id === translation.name.id)
      rule.check({translation, module: english, config: context.config, options: options ?? {}, report: emit})
      return
    }
    if (rule.scope === 'module') {
      rule.check({module, config: context.config, options: options ?? {}, report: emit})
      return
    }
    if (rule.perModule) {
      rule.check({modules: context.modules, only: module, config: context.config, options: options ?? {}, report: (m, reason, place, level = 'error') => m === module && emit(reason, place, level)})
      return
    }
    let byRule = curriculumFindings.get(context.modules)
    if (!byRule) curriculumFindings.set(context.modules, (byRule = new Map()))
    let reports = byRule.get(rule.id)
    if (!reports) {
      const found: Report[] = []
      rule.check({modules: context.modules, config: context.config, options: options ?? {}, report: (m, reason, place, level = 'error') => found.push({module: m, reason, place, level})})
      byRule.set(rule.id, (reports = found))
    }
    for (const report of reports) if (report.module === module) emit(report.reason, report.place, report.level)
  })

  const plugin: Plugin<[PluginSetting?], Root> = function (setting) {
    const transform = (tree: Root, file: VFile, next: (error?: Error) => void) => {
      // remark-cli walks every .md; like the curriculum loader, leave these be.
      if (file.path && notModule.test(file.basename ?? '')) return next()
      // Translations (`<id>.<lang>.md`) get the translation rules, modules the rest.
      if ((rule.scope === 'translation') !== Boolean(file.path && isTranslationPath(file.path))) return next()
      const context = lintContextFor(tree, file)
      const [severity, options] = resolveSetting(rule, setting === undefined ? context.config.rules[rule.id] : toRuleSetting(setting))
      if (severity === 'off') return next()
      const run = inner([severity, options]) as (tree: Root, file: VFile, next: (error?: Error) => void) => void
      const from = file.messages.length
      run(tree, file, (error) => {
        for (const message of file.messages.slice(from)) if (lowered.has(message)) message.fatal = false
        next(error)
      })
    }
    return transform as Transformer<Root>
  }
  Object.defineProperty(plugin, 'name', {value: `iop:${rule.id}`})
  return plugin
}

/**
 * The severity and options a rule runs with: client-safety rules are
 * always `error` (a config or `.remarkrc` that lowers them is ignored here
 * and refused by `loadConfig`); otherwise the setting, or the rule's default.
 *
 * @param rule A rule.
 * @param setting The configured setting, if any.
 * @returns Severity and options merged over the rule's defaults.
 */
export function resolveSetting(rule: Rule, setting: RuleSetting | undefined): [Severity, Record<string, unknown>] {
  const defaults = rule.defaults ?? {}
  if (rule.clientSafety) return ['error', defaults]
  if (setting === undefined) return [rule.severity, defaults]
  if (typeof setting === 'string') return [setting, defaults]
  return [setting[0], {...defaults, ...setting[1]}]
}

function toRuleSetting(setting: PluginSetting): RuleSetting {
  const [level, options] = Array.isArray(setting) ? setting : [setting, undefined]
  const severity: Severity = level === false || level === 0 || level === 'off' ? 'off' : level === 2 || level === 'error' ? 'error' : 'warn'
  return options ? [severity, options] : severity
}
