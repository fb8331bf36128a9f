/** `iop lint`: run the authoring rules and report, optionally fixing Words Matter terms. */
import {existsSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {findModuleFiles, readModuleFile} from '../curriculum/load-curriculum.js'
import {formatCompact, formatJson} from '../lint/format.js'
import {lintModules} from '../lint/lint.js'
import {fixWordsMatter} from '../lint/rules/words-matter.js'
import type {SessionModule} from '../module/parse-module.js'
import {writeFileAtomic} from '../util/write-file.js'
import {UserError} from '../util/user-error.js'
import type {Io} from '../util/io.js'
import {curriculumFor} from './curriculum-option.js'

/** Options of `iop lint`. */
export interface LintOptions {
  curriculum?: string[]
  format?: string
  fix?: boolean
  maxWarnings?: string
}

/**
 * Lint modules; exit code 1 on any error, or on more warnings than allowed.
 *
 * @returns The exit code.
 */
export function lintCommand(io: Io, paths: string[], options: LintOptions): number {
  if (options.format && options.format !== 'json' && options.format !== 'text') {
    throw new UserError(`Unexpected --format ${options.format}, expected \`text\` or \`json\``)
  }
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings)
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UserError(`Unexpected --max-warnings ${options.maxWarnings}, expected a whole number of 0 or more`)
  }

  let curriculum = curriculumFor(io, options.curriculum)
  let targets = selectTargets(io, curriculum.modules, paths)

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
      targets = selectTargets(io, curriculum.modules, paths)
    }
  }

  const all = [...curriculum.modules, ...targets.extra]
  const summary = lintModules(all, curriculum.config, new Set(targets.list))
  const files = targets.list.map((m) => m.file)
  io.stdout(options.format === 'json' ? formatJson(files) : formatCompact(files))

  if (summary.errors > 0) return 1
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.stderr(`iop: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return 0
}

/** Modules named by paths: curriculum modules under them, plus files outside it. */
function selectTargets(io: Io, modules: SessionModule[], paths: string[]) {
  if (paths.length === 0) return {list: modules, extra: [] as SessionModule[]}
  const byPath = new Map(modules.map((m) => [m.file.path, m]))
  const list: SessionModule[] = []
  const extra: SessionModule[] = []
  const seen = new Set<string>()
  for (const given of paths) {
    const resolved = path.resolve(io.cwd, given)
    if (!existsSync(resolved)) throw new UserError(`${given}: Unexpected missing path, expected a module file or folder`)
    const full = realpathSync(resolved)
    const files = statSync(full).isDirectory() ? findModuleFiles(full, false) : [full]
    for (const file of files) {
      if (seen.has(file)) continue
      seen.add(file)
      const known = byPath.get(file)
      if (known) list.push(known)
      else {
        const module = readModuleFile(file)
        list.push(module)
        extra.push(module)
      }
    }
  }
  return {list, extra}
}
