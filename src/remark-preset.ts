/**
 * The remark preset (`iop-curriculum/remark-preset`): the syntax a module
 * uses (YAML frontmatter, GFM, directives) and every iop rule, so remark-cli,
 * vscode-remark and remark-language-server report what `iop lint` reports.
 * Name it in a `.remarkrc`: `{"plugins": ["iop-curriculum/remark-preset"]}`.
 */
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type {Preset} from 'unified'
import {rulePlugins} from './lint/plugins.js'

/** The preset: parse plugins, then each rule at its configured severity. */
const preset: Preset = {
  plugins: [[remarkFrontmatter, ['yaml']], remarkGfm, remarkDirective, ...rulePlugins.values()]
}

export default preset
