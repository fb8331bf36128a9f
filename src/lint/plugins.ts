/** Every built-in rule as a unified-lint-rule plugin, in docs/rules.md order. */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {rulePlugin, type PluginSetting} from './rule-plugin.js'
import {rules} from './rules/index.js'

/** Plugins by rule id (`iop:<id>` is each plugin's name). */
export const rulePlugins: ReadonlyMap<string, Plugin<[PluginSetting?], Root>> = new Map(rules.map((rule) => [rule.id, rulePlugin(rule)]))
