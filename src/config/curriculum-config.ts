/**
 * The curriculum's own configuration, `iop.config.yaml`: extra group types,
 * crisis text and rule severities. Unusable configuration is a user error
 * reported with its file, line and column.
 */
import {readFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {z} from 'zod'
import {canonicalGroups, defaultCrisisText, defaultCrisisTexts} from './defaults.js'
import {defaultFormSettings, maxNoteMembers, maxSignInRows, noteFormats, type FormSettings} from '../forms/form-options.js'
import {suchAs} from '../util/closest.js'
import {readYaml} from '../util/read-yaml.js'
import {UserError} from '../util/user-error.js'
import {expectation} from '../util/zod-expectation.js'

export type Severity = 'off' | 'warn' | 'error'

/** A rule setting: a severity, or a severity with rule options. */
export type RuleSetting = Severity | [Severity, Record<string, unknown>]

/** Resolved curriculum configuration. */
export interface CurriculumConfig {
  /** Group ids allowed: canonical plus declared ones. */
  groups: Array<{id: string; title: string}>
  /** Crisis resources text for every client page. */
  crisis: string
  /** Crisis text for pages in other languages, by language code (`es`); see docs/translations.md. */
  crisisByLanguage: Record<string, string>
  /** Per-rule severity and options. */
  rules: Record<string, RuleSetting>
  /** Group-note template format, blank member blocks per note, rows per sign-in sheet (src/forms/form-options.ts). */
  forms: FormSettings
  /** Paper for PDFs and printed pages when `--paper` is not given (optional; Letter). */
  paper?: 'letter' | 'a4'
}

const severity = z.enum(['off', 'warn', 'error'])
const configSchema = z
  .object({
    groups: z.array(z.object({id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), title: z.string().min(1)}).strict()).default([]),
    // One text (English pages), or one per language: {en: ..., es: ...}.
    crisis: z.union([z.string().min(1), z.record(z.string().regex(/^[a-z]{2}$/), z.string().min(1))]).optional(),
    paper: z.enum(['letter', 'a4']).optional(),
    rules: z.record(z.string(), z.union([severity, z.tuple([severity, z.record(z.string(), z.unknown())])])).default({}),
    noteFormat: z.enum(noteFormats).optional(),
    noteMembers: z.number().int().min(1).max(maxNoteMembers).optional(),
    signInRows: z.number().int().min(1).max(maxSignInRows).optional(),
    // Read by find-config.ts; only the project's config (not a curriculum folder's) uses it.
    curriculum: z.array(z.string().min(1)).min(1).optional()
  })
  .strict()

/** File name of the curriculum configuration. */
export const configFileName = 'iop.config.yaml'

/** Title case for a kebab-case group id. */
export function groupTitle(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ')
}

/**
 * The default configuration: canonical groups, US crisis text, default severities.
 *
 * @returns A fresh configuration object.
 */
export function defaultConfig(): CurriculumConfig {
  return {
    groups: canonicalGroups.map((id) => ({id, title: groupTitle(id)})),
    crisis: defaultCrisisText,
    crisisByLanguage: {...defaultCrisisTexts},
    rules: {},
    forms: {...defaultFormSettings}
  }
}

/**
 * Load and merge `iop.config.yaml` from each curriculum folder (later folders
 * win), then the project's config file, which wins over them all.
 *
 * @param dirs Curriculum folders.
 * @param knownRules Rules to check `rules:` entries against (optional).
 * @param projectFile The project's config file (found upward or given with `--config`), optional.
 * @returns The merged configuration.
 * @throws {UserError} When a config file is not valid.
 */
export function loadConfig(dirs: readonly string[], knownRules?: ReadonlyArray<{id: string; defaults?: Record<string, unknown>; clientSafety?: boolean}>, projectFile?: string): CurriculumConfig {
  const config = defaultConfig()
  const files = dirs.map((dir) => path.join(dir, configFileName))
  if (projectFile) files.push(projectFile)
  for (const file of [...new Set(files)]) {
    if (!existsSync(file)) continue
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new UserError(`${file}:1:1: Unexpected unreadable config (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a YAML file`)
    }
    const yaml = readYaml(text)
    const error = yaml.errors[0]
    if (error) throw new UserError(`${file}:${error.place.line}:${error.place.column}: ${error.reason}`)
    const result = configSchema.safeParse(yaml.data ?? {})
    if (!result.success) {
      const issue = result.error.issues[0]
      const at = yaml.place(issue.path).start
      const expected = issue.path[0] === 'rules' ? '`off`, `warn` or `error`, or [severity, {options}]' : expectation(issue.message)
      throw new UserError(`${file}:${at.line}:${at.column}: Unexpected value at \`${issue.path.join('.') || '(root)'}\`, expected ${expected}`)
    }
    // Rule ids and option names are checked here; the rule list is passed in
    // to keep config free of the lint engine.
    for (const [id, setting] of Object.entries(result.data.rules)) {
      const rule = knownRules?.find((r) => r.id === id)
      const at = yaml.place(['rules', id]).start
      if (knownRules && !rule) {
        throw new UserError(`${file}:${at.line}:${at.column}: Unexpected rule \`${id}\`, expected a rule id${suchAs(id, knownRules.map((r) => r.id))} (see docs/rules.md)`)
      }
      const level = Array.isArray(setting) ? setting[0] : setting
      if (rule?.clientSafety && level !== 'error') {
        throw new UserError(`${file}:${at.line}:${at.column}: Unexpected \`${level}\` for \`${id}\`, expected \`error\`: it is a client-safety rule, and lowering it would let facilitator-only text print on client handouts (remove the line)`)
      }
      if (rule && Array.isArray(setting)) {
        for (const [name, value] of Object.entries(setting[1])) {
          const defaults = rule.defaults ?? {}
          if (!(name in defaults)) {
            throw new UserError(`${file}:${at.line}:${at.column}: Unexpected option \`${name}\` for \`${id}\`, expected ${Object.keys(defaults).length > 0 ? Object.keys(defaults).map((k) => '`' + k + '`').join(', ') : 'no options'}`)
          }
          if (typeof value !== typeof defaults[name]) {
            throw new UserError(`${file}:${at.line}:${at.column}: Unexpected ${typeof value} for option \`${name}\` of \`${id}\`, expected a ${typeof defaults[name]}`)
          }
        }
      }
    }
    for (const group of result.data.groups) {
      if (!config.groups.some((g) => g.id === group.id)) config.groups.push(group)
    }
    const crisis = result.data.crisis
    if (typeof crisis === 'string') config.crisis = crisis
    else if (crisis) {
      const {en, ...others} = crisis
      if (en) config.crisis = en
      Object.assign(config.crisisByLanguage, others)
    }
    if (result.data.paper) config.paper = result.data.paper
    Object.assign(config.rules, result.data.rules)
    const {noteFormat, noteMembers, signInRows} = result.data
    config.forms = {...config.forms, ...(noteFormat && {noteFormat}), ...(noteMembers && {noteMembers}), ...(signInRows && {signInRows})}
  }
  return config
}
