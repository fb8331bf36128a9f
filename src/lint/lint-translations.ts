/**
 * Lints translation files with the same rule plugins as modules (only the
 * translation rules act on them), each against the curriculum's modules.
 */
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {CurriculumConfig} from '../config/curriculum-config.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Translation} from '../translation/parse-translation.js'
import type {LintSummary} from './lint.js'
import {provideLintContext} from './lint-context.js'
import {rulePlugins} from './plugins.js'
import {cacheKey, configKey, restoreMessages, storeMessages, type LintCache} from './lint-cache.js'
import {defaultLintCache} from './default-cache.js'

/**
 * Lint translations. Messages land on each `translation.parse.file`.
 *
 * @param translations The translations to lint.
 * @param modules The curriculum's modules (their English sources).
 * @param config Curriculum configuration.
 * @param options `cache`: a lint cache (default: the CLI's, if any), or `false`.
 * @returns Counts of errors and warnings.
 */
export function lintTranslations(translations: readonly Translation[], modules: readonly SessionModule[], config: CurriculumConfig, options: {cache?: LintCache | false} = {}): LintSummary {
  const cache = options.cache === false ? undefined : options.cache ?? defaultLintCache()
  const configPart = cache ? configKey(config) : ''
  const processor = unified()
  for (const plugin of rulePlugins.values()) processor.use(plugin)
  processor.freeze()
  const index = [...modules]
  const summary: LintSummary = {errors: 0, warnings: 0}
  for (const translation of translations) {
    const {file} = translation.parse
    // Linting twice would repeat every message.
    if (linted.has(translation)) continue
    linted.add(translation)
    // A translation's findings depend on its bytes and on its English module's.
    const english = index.find((m) => m.meta?.id === translation.name.id)
    const key = cache ? cacheKey(configPart, file.path, translation.parse.hash, english?.file.path ?? '', english?.hash ?? '') : ''
    const hit = cache?.get(key)
    if (hit) restoreMessages(file, hit.messages)
    else {
      provideLintContext({module: translation.parse, modules: index, config})
      processor.runSync(translation.parse.tree as Root, file)
      cache?.set(key, {parsed: true, links: [], messages: storeMessages(file)})
    }
    file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)))
  }
  for (const translation of translations) {
    for (const message of translation.parse.file.messages) {
      if (message.fatal) summary.errors++
      else if (message.fatal === false) summary.warnings++
    }
  }
  return summary
}

const linted = new WeakSet<Translation>()

/**
 * Whether a translation has error-level messages (it must not be built).
 *
 * @param translation A linted translation.
 * @returns True when at least one message is fatal.
 */
export function translationHasErrors(translation: Translation): boolean {
  return translation.parse.file.messages.some((message) => message.fatal === true)
}
