/** `iop guide` and `iop handout`: build one module's guide or handouts. */
import {buildGuide, buildHandout} from '../render/build.js'
import {translatedHandoutText} from './translated-handout.js'
import {printPdfs} from '../print/pdf-renderer.js'
import type {PrintJob} from '../print/print-job.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumFor} from './curriculum-option.js'
import {lintedModule} from './module-argument.js'
import {outputTarget, writeOutput} from './output-target.js'
import {outputFormat, paperOption} from './output-format.js'

/** Options of `iop guide` and `iop handout`. */
export interface BuildCommandOptions {
  curriculum?: string[]
  output?: string
  format?: string
  paper?: string
  force?: boolean
  /** `iop handout --lang es`: the module's translation (docs/translations.md). */
  lang?: string
  /** Handouts only: large print (about 16 pt). */
  largePrint?: boolean
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
  const module = lintedModule(io, curriculum, reference, kind)
  if (!module) return 1

  const build = kind === 'guide' ? buildGuide : buildHandout
  const translated = options.lang !== undefined && options.lang !== 'en'
  if (translated && kind === 'guide') throw new UserError(`Unexpected --lang ${options.lang} for a guide, expected it only with \`iop handout\` (guides stay in English and list their handouts' languages)`)
  const text = translated
    ? translatedHandoutText(io, curriculum, module, options.lang!, {format: format === 'md' ? 'md' : 'html', paper, largePrint: options.largePrint})
    : build([module], {format: format === 'md' ? 'md' : 'html', crisis: curriculum.config.crisis, paper, largePrint: options.largePrint})
  if (text === undefined) return 1
  if (options.output) {
    const target = outputTarget(io, options.output, options.force)
    // A guide is numbered "page N of M" under its title; handouts carry only their own page.
    const job: PrintJob = kind === 'guide' ? {name: options.output, html: text, header: `Facilitator guide: ${module.meta!.title}`, pageNumbers: true} : {name: options.output, html: text}
    const output = format === 'pdf' ? (await printPdfs([job]))[0] : text
    writeOutput(io, target, output, options.force)
  } else io.stdout(text)
  return 0
}
