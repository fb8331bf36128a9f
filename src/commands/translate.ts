/**
 * `iop translate`: `--mark <id> <lang>` records the English a translation
 * follows (docs/translations.md); `--status` lists every module and language
 * as up to date, drifted, not marked, invalid or missing.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {formatCompact} from '../lint/format.js'
import {lintModules} from '../lint/lint.js'
import {lintTranslations, translationHasErrors} from '../lint/lint-translations.js'
import {markedText} from '../translation/mark-translation.js'
import {sourceHashes} from '../translation/source-hashes.js'
import {findTranslation, translationLanguages, translationStatus} from '../translation/translation-status.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'
import {writeFileAtomic} from '../util/write-file.js'
import {curriculumFor} from './curriculum-option.js'

/** Options of `iop translate`. */
export interface TranslateOptions {
  curriculum?: string[]
  mark?: boolean
  status?: boolean
  json?: boolean
}

const language = /^[a-z]{2}$/

/**
 * Mark a translation, or print the status of every translation.
 *
 * @returns The exit code: 0; 1 when the translation to mark has errors.
 */
export function translateCommand(io: Io, args: string[], options: TranslateOptions): number {
  if (Boolean(options.mark) === Boolean(options.status)) throw new UserError('Unexpected ' + (options.mark ? '--mark with --status' : 'no action') + ', expected `--mark <id> <lang>` or `--status [lang]`')
  const curriculum = curriculumFor(io, options.curriculum)

  if (options.status) {
    if (args.length > 1 || (args[0] !== undefined && !language.test(args[0]))) throw new UserError(`Unexpected \`${args.join(' ')}\`, expected at most one language code such as \`es\` after --status`)
    const rows = translationStatus(curriculum, args[0] ? [args[0]] : translationLanguages(curriculum))
    if (options.json) {
      io.stdout(JSON.stringify(rows.map(({file, ...row}) => ({...row, ...(file && {file: path.relative(io.cwd, file).split(path.sep).join('/')})})), null, 2) + '\n')
      return 0
    }
    const width = Math.max(6, ...rows.map((r) => r.id.length))
    const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.lang}  ${r.state}${r.changed.length > 0 ? ': ' + r.changed.map((c) => (c === 'objectives' ? c : `\`${c}\``)).join(', ') : ''}`)
    const totals = [...new Set(rows.map((r) => r.lang))].map((lang) => {
      const mine = rows.filter((r) => r.lang === lang)
      const states = ['up to date', 'drifted', 'not marked', 'invalid', 'missing'] as const
      return `${lang}: ` + states.map((s) => `${mine.filter((r) => r.state === s).length} ${s}`).join(', ')
    })
    io.stdout([...lines, '', ...totals].join('\n') + '\n')
    return 0
  }

  const [id, lang, ...rest] = args
  if (!id || !lang || rest.length > 0 || !language.test(lang)) throw new UserError(`Unexpected \`${args.join(' ')}\`, expected \`--mark <module id> <language code>\`, e.g. \`--mark coping-with-cravings es\``)
  const module = curriculum.byId.get(id)
  if (!module?.meta) throw new UserError(`Unexpected module \`${id}\`, expected the id of a module in the curriculum (iop list)`)
  const translation = findTranslation(curriculum, id, lang)
  const expected = path.join(path.dirname(module.file.path), `${id}.${lang}.md`)
  if (!translation || !existsSync(translation.parse.file.path)) throw new UserError(`${path.relative(io.cwd, expected)}: Unexpected missing translation, expected the file beside its module (docs/translations.md)`)

  // Marking says "this translation is finished": one with errors is not.
  lintModules(curriculum.modules, curriculum.config, new Set([module]))
  lintTranslations([translation], curriculum.modules, curriculum.config)
  if (translationHasErrors(translation)) {
    io.stderr(formatCompact([translation.parse.file]))
    io.stderr(`iop: not marking ${translation.parse.file.path}: fix the errors above first\n`)
    return 1
  }
  const file = translation.parse.file.path
  const before = readFileSync(file, 'utf8')
  const after = markedText(before, sourceHashes(module), file)
  if (after !== before) writeFileAtomic(file, after, {force: true})
  const handouts = module.sections.byKind.handouts?.parts.length ?? 0
  io.stderr(`iop: ${after === before ? 'already marked' : 'marked'} ${path.relative(io.cwd, file)}: the objectives and ${handouts} handout${handouts === 1 ? '' : 's'} of ${id}\n`)
  return 0
}
