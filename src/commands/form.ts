/** `iop fidelity`, `iop note` and `iop sign-in`: one blank form for one module, as a page, text or PDF. */
import path from 'node:path'
import {buildForm, type FormKind} from '../forms/build-forms.js'
import {countOption, maxNoteMembers, maxSignInRows, noteFormatOption, type FormOptions} from '../forms/form-options.js'
import {printPdfs} from '../print/pdf-renderer.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {curriculumFor} from './curriculum-option.js'
import {lintedModule} from './module-argument.js'
import {outputTarget, writeOutput} from './output-target.js'

const byExtension: Record<string, string> = {'.pdf': 'pdf', '.md': 'md', '.txt': 'text', '.html': 'html', '.htm': 'html'}
const formTitles: Record<FormKind, string> = {fidelity: 'Fidelity checklist', note: 'Group note', 'sign-in': 'Sign-in sheet'}

/** Options of the form commands. */
export interface FormCommandOptions {
  curriculum?: string[]
  output?: string
  format?: string
  noteFormat?: string
  members?: string
  rows?: string
  force?: boolean
}

/**
 * Build one form for a module id or file.
 *
 * @returns The exit code: 0, or 1 when the module has lint errors.
 * @throws {UserError} For bad options or a refused output path.
 */
export async function formCommand(io: Io, kind: FormKind, reference: string, options: FormCommandOptions): Promise<number> {
  const formats: readonly string[] = {fidelity: ['html', 'md', 'pdf'], note: ['html', 'text', 'pdf'], 'sign-in': ['html', 'pdf']}[kind]
  // Without --format, the -o extension decides (`note.pdf`, `note.txt`), as for guides.
  const inferred = options.output ? byExtension[path.extname(options.output).toLowerCase()] : undefined
  const format = options.format ?? (inferred && formats.includes(inferred) ? inferred : 'html')
  if (!formats.includes(format)) throw new UserError(`Unexpected --format ${format}, expected ${formats.map((f) => '`' + f + '`').join(', ')}`)
  if (format === 'pdf' && !options.output) throw new UserError('Unexpected PDF output to the terminal, expected -o FILE.pdf')
  const curriculum = curriculumFor(io, options.curriculum)
  const module = lintedModule(io, curriculum, reference, `the ${kind} form`)
  if (!module) return 1
  const settings: FormOptions = {
    ...curriculum.config.forms,
    // A PDF is printed from the page.
    format: (format === 'pdf' ? 'html' : format) as FormOptions['format'],
    groupTitle: curriculum.config.groups.find((g) => g.id === module.meta!.group)?.title,
    ...(options.noteFormat && {noteFormat: noteFormatOption(options.noteFormat)}),
    ...(options.members && {noteMembers: countOption(options.members, '--members', maxNoteMembers)}),
    ...(options.rows && {signInRows: countOption(options.rows, '--rows', maxSignInRows)})
  }
  const output = buildForm(kind, module, settings)
  if (options.output) {
    const target = outputTarget(io, options.output, options.force)
    // Forms run over pages: number them under the form's own title.
    const bytes = format === 'pdf' ? (await printPdfs([{name: options.output, html: output, header: `${formTitles[kind]}: ${module.meta!.title}`, pageNumbers: true}]))[0] : output
    writeOutput(io, target, bytes, options.force)
  } else io.stdout(output)
  return 0
}
