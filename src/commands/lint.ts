/** `iop lint`: run the authoring rules and report, optionally fixing Words Matter terms. */
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {bundledCurriculumDir, findModuleFiles, findTranslationFiles, readModuleFile} from '../curriculum/load-curriculum.js'
import {formatCompact, formatJson, formatReport, useColor} from '../lint/format.js'
import {lintModules} from '../lint/lint.js'
import {lintTranslations} from '../lint/lint-translations.js'
import {readTranslationFile, type Translation} from '../translation/parse-translation.js'
import {isTranslationPath} from '../translation/translation-path.js'
import {fixWordsMatter} from '../lint/rules/words-matter.js'
import {parseModule, releaseTree, type SessionModule} from '../module/parse-module.js'
import {writeFileAtomic} from '../util/write-file.js'
import {UserError} from '../util/user-error.js'
import type {Io} from '../util/io.js'
import {curriculumFor} from './curriculum-option.js'
import {jobsOption} from './jobs-option.js'
import {minParallelModules, prelint} from '../parallel/prelint.js'
import {progressLine} from '../print/progress-line.js'

/** Options of `iop lint`. */
export interface LintOptions {
  curriculum?: string[]
  format?: string
  fix?: boolean
  maxWarnings?: string
  /** Errors only. */
  quiet?: boolean
  /** `--color` / `--no-color`; undefined decides from NO_COLOR and the terminal. */
  color?: boolean
  /** Show each message's documentation URL. */
  verbose?: boolean
  /** Lint the module on stdin. */
  stdin?: boolean
  /** Path the stdin module stands for (its messages and the id check use it). */
  stdinFilename?: string
  /** Worker threads (default: the machine's available parallelism). */
  jobs?: string
}

const formats = ['text', 'compact', 'json']

/**
 * Lint modules; exit code 1 on any error, or on more warnings than allowed.
 *
 * @returns The exit code.
 */
export async function lintCommand(io: Io, paths: string[], options: LintOptions): Promise<number> {
  if (options.format && !formats.includes(options.format)) {
    throw new UserError(`Unexpected --format ${options.format}, expected \`text\`, \`compact\` or \`json\``)
  }
  if (options.stdin && (paths.length > 0 || options.fix)) {
    throw new UserError(`Unexpected ${options.fix ? '--fix' : 'paths'} with --stdin, expected only the module on stdin (and --stdin-filename)`)
  }
  if (options.stdinFilename !== undefined && !options.stdin) {
    throw new UserError('Unexpected --stdin-filename without --stdin, expected both or neither')
  }
  const jobs = jobsOption(options.jobs)
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings)
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UserError(`Unexpected --max-warnings ${options.maxWarnings}, expected a whole number of 0 or more`)
  }

  let curriculum = curriculumFor(io, options.curriculum)
  let targets = options.stdin ? stdinTarget(io, curriculum.modules, options.stdinFilename) : selectTargets(io, curriculum.modules, paths, curriculum.translations)

  if (options.fix) {
    let changed = false
    for (const module of targets.list) {
      const {value, fixed} = fixWordsMatter(module)
      if (fixed > 0 && module.file.path) {
        writeFileAtomic(module.file.path, value, {force: true})
        changed = true
      }
    }
    // Re-read what was fixed, so the report describes the files as they now are.
    if (changed) {
      curriculum = curriculumFor(io, options.curriculum)
      targets = selectTargets(io, curriculum.modules, paths, curriculum.translations)
    }
  }

  const all = [...curriculum.modules.filter((m) => !targets.replaced.has(m)), ...targets.extra]
  const progress = progressLine(process.stderr, 'modules linted', {quiet: options.quiet})
  let summary
  try {
    // Modules the cache does not answer are linted on worker threads first.
    await prelint(targets.list, curriculum.config, jobs, progress.update, options.jobs === undefined ? minParallelModules.default : minParallelModules.explicit)
    let done = 0
    // Trees go once linted, except those the translations are checked against next.
    const translated = new Set(targets.translations.map((t) => t.name.id))
    summary = lintModules(all, curriculum.config, new Set(targets.list), {
      each: (module) => {
        progress.update(++done, targets.list.length)
        if (!translated.has(module.meta?.id ?? '')) releaseTree(module)
      }
    })
  } finally {
    progress.stop()
  }
  // Translations are checked against the same modules (their English sources).
  const translated = lintTranslations(targets.translations, all, curriculum.config)
  summary.errors += translated.errors
  summary.warnings += translated.warnings
  const files = [...targets.list.map((m) => m.file), ...targets.translations.map((t) => t.parse.file)]
  // --quiet drops warnings from what is shown; --max-warnings still counts them.
  if (options.quiet) for (const file of files) file.messages = file.messages.filter((m) => m.fatal)
  io.stdout(
    options.format === 'json'
      ? formatJson(files)
      : options.format === 'compact'
        ? formatCompact(files)
        : formatReport(files, {color: useColor(options.color, io.env, io.isTTY), verbose: options.verbose})
  )

  if (summary.errors > 0) return 1
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.stderr(`iop: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return 0
}

/** What to lint: `list`; `extra` joins the curriculum index, `replaced` leaves it. */
interface Targets {
  list: SessionModule[]
  extra: SessionModule[]
  replaced: Set<SessionModule>
  /** Translation files to lint. */
  translations: Translation[]
}

/** The module on stdin, standing in for the file it names (an editor's unsaved buffer). */
function stdinTarget(io: Io, modules: SessionModule[], filename: string | undefined): Targets {
  if (!io.readStdin) throw new UserError('Unexpected --stdin here, expected a terminal or pipe to read from')
  const file = filename === undefined ? '<stdin>' : path.resolve(io.cwd, filename)
  const known = existsSync(file) ? modules.find((m) => m.file.path === realpathSync(file)) : undefined
  const module = parseModule({path: known?.file.path ?? file, value: io.readStdin()})
  return {list: [module], extra: [module], replaced: new Set(known ? [known] : []), translations: []}
}

/** Modules named by paths: curriculum modules under them, plus files outside it. */
function selectTargets(io: Io, modules: SessionModule[], paths: string[], translations: readonly Translation[] = []): Targets {
  if (paths.length === 0) {
    // A project's own modules, as ESLint lints a project's files: the bundled
    // library they add to is context (ids, requires), and is linted only when
    // it is all there is (or is named).
    const library = realpathSync(bundledCurriculumDir) + path.sep
    const own = modules.filter((m) => !m.file.path.startsWith(library))
    const ownTranslations = translations.filter((t) => !t.parse.file.path.startsWith(library))
    return {list: own.length > 0 ? own : modules, extra: [], replaced: new Set(), translations: own.length > 0 ? ownTranslations : [...translations]}
  }
  const byPath = new Map(modules.map((m) => [m.file.path, m]))
  const list: SessionModule[] = []
  const extra: SessionModule[] = []
  const chosen: Translation[] = []
  const knownTranslations = new Map(translations.map((t) => [t.parse.file.path, t]))
  const seen = new Set<string>()
  for (const given of paths) {
    const resolved = path.resolve(io.cwd, given)
    if (!existsSync(resolved)) throw new UserError(`${given}: Unexpected missing path, expected a module file or folder`)
    const full = realpathSync(resolved)
    const directory = statSync(full).isDirectory()
    if (!directory && !/\.(?:md|markdown)$/i.test(full)) {
      io.stderr(`iop: ${given}: skipped, not a Markdown module (program files are checked by \`iop assemble --program\`)\n`)
      continue
    }
    const files = directory ? findModuleFiles(full, false) : [full]
    for (const file of directory ? findTranslationFiles(full, false) : []) {
      if (seen.has(file)) continue
      seen.add(file)
      chosen.push(knownTranslations.get(file) ?? readTranslationFile(file))
    }
    for (const file of files) {
      if (seen.has(file)) continue
      seen.add(file)
      if (isTranslationPath(file)) {
        chosen.push(knownTranslations.get(file) ?? readTranslationFile(file))
        continue
      }
      const known = byPath.get(file)
      if (known) list.push(known)
      else {
        const module = readModuleFile(file)
        list.push(module)
        extra.push(module)
      }
    }
  }
  return {list, extra, replaced: new Set(), translations: chosen}
}
