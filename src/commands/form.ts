/** `iop fidelity`, `iop note` and `iop sign-in`: one blank form for one module, as a page, text or PDF. */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {resolveModule} from '../curriculum/resolve-module.js'
import {buildForm, type FormKind} from '../forms/build-forms.js'
import {countOption, maxNoteMembers, maxSignInRows, noteFormatOption, type FormOptions} from '../forms/form-options.js'
import {formatCompact} from '../lint/format.js'
import {printPdfs} from '../print/pdf-renderer.js'
import {hasErrors, lintModules} from '../lint/lint.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {isModuleFile} from '../util/module-file.js'
import {writeFileAtomic} from '../util/write-file.js'
import {curriculumFor} from './curriculum-option.js'

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
  const module = resolveModule(curriculum, path.isAbsolute(reference) || !reference.includes('/') ? reference : path.resolve(io.cwd, reference))
  const all = curriculum.modules.includes(module) ? curriculum.modules : [...curriculum.modules.filter((m) => m.meta?.id !== module.meta?.id), module]
  lintModules(all, curriculum.config, new Set([module]))
  if (hasErrors(module)) {
    io.stderr(formatCompact([module.file]))
    io.stderr(`iop: not building the ${kind} form for ${module.file.path}: fix the errors above first\n`)
    return 1
  }
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
    const target = path.resolve(io.cwd, options.output)
    if (options.force && isModuleFile(target)) throw new UserError(`${options.output}: Unexpected module file as -o, expected a new path or an earlier output (iop never replaces a module, even with --force)`)
    // Refuse before printing (a browser start costs seconds); writeFileAtomic checks again.
    if (format === 'pdf' && !options.force && existsSync(target) && !statSync(target).isDirectory()) throw new UserError(`${target}: Unexpected existing file, expected a new path (use --force to overwrite)`)
    // Forms run over pages: number them under the form's own title.
    const bytes = format === 'pdf' ? (await printPdfs([{name: options.output, html: output, header: `${formTitles[kind]}: ${module.meta!.title}`, pageNumbers: true}]))[0] : output
    writeFileAtomic(target, bytes, {force: options.force})
    io.stderr(`iop: wrote ${path.relative(io.cwd, target) || target}\n`)
  } else io.stdout(output)
  return 0
}
