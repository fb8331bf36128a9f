/** `iop guide` and `iop handout`: build one module's guide or handouts. */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {resolveModule} from '../curriculum/resolve-module.js'
import {formatCompact} from '../lint/format.js'
import {hasErrors, lintModules} from '../lint/lint.js'
import {buildGuide, buildHandout} from '../render/build.js'
import {printPdfs} from '../print/pdf-renderer.js'
import type {PrintJob} from '../print/print-job.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {isModuleFile} from '../util/module-file.js'
import {writeFileAtomic} from '../util/write-file.js'
import {curriculumFor} from './curriculum-option.js'
import {outputFormat, paperOption} from './output-format.js'

/** Options of `iop guide` and `iop handout`. */
export interface BuildCommandOptions {
  curriculum?: string[]
  output?: string
  format?: string
  paper?: string
  force?: boolean
}

/**
 * Build a guide or handouts for a module id or file.
 *
 * @returns The exit code.
 */
export async function buildCommand(io: Io, kind: 'guide' | 'handout', reference: string, options: BuildCommandOptions): Promise<number> {
  const format = outputFormat(options.format, options.output, ['html', 'md', 'pdf'])
  paperOption(options.paper)
  const curriculum = curriculumFor(io, options.curriculum)
  const paper = paperOption(options.paper, curriculum.config.paper)
  const module = resolveModule(curriculum, path.isAbsolute(reference) || !reference.includes('/') ? reference : path.resolve(io.cwd, reference))
  // A file outside the curriculum (a draft, a copy) is checked against the
  // library for `requires`, but a module with its own id does not clash with itself.
  const all = curriculum.modules.includes(module) ? curriculum.modules : [...curriculum.modules.filter((m) => m.meta?.id !== module.meta?.id), module]
  lintModules(all, curriculum.config, new Set([module]))

  if (hasErrors(module)) {
    io.stderr(formatCompact([module.file]))
    io.stderr(`iop: not building ${kind} for ${module.file.path}: fix the errors above first\n`)
    return 1
  }

  const build = kind === 'guide' ? buildGuide : buildHandout
  const text = build([module], {format: format === 'md' ? 'md' : 'html', crisis: curriculum.config.crisis, paper})
  if (options.output) {
    const target = path.resolve(io.cwd, options.output)
    // --force replaces an earlier output, never an author's module.
    if (options.force && isModuleFile(target)) throw new UserError(`${options.output}: Unexpected module file as -o, expected a new path or an earlier output (iop never replaces a module, even with --force)`)
    if (!options.force && existsSync(target)) throw new UserError(`${target}: Unexpected existing file, expected a new path (use --force to overwrite)`)
    // A guide is numbered "page N of M" under its title; handouts carry only their own page.
    const job: PrintJob = kind === 'guide' ? {name: options.output, html: text, header: `Facilitator guide: ${module.meta!.title}`, pageNumbers: true} : {name: options.output, html: text}
    const output = format === 'pdf' ? (await printPdfs([job]))[0] : text
    writeFileAtomic(target, output, {force: options.force})
    io.stderr(`iop: wrote ${path.relative(io.cwd, target) || target}\n`)
  } else io.stdout(text)
  return 0
}
