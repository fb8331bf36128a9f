/**
 * The translated handouts `iop handout --lang <code>` prints: finds the
 * module's translation and its language's crisis text, or says what is
 * missing; a translation with lint errors is printed with them and not built.
 */
import path from 'node:path'
import type {Curriculum} from '../curriculum/load-curriculum.js'
import {formatCompact} from '../lint/format.js'
import {lintTranslations, translationHasErrors} from '../lint/lint-translations.js'
import type {SessionModule} from '../module/parse-module.js'
import type {BuildOptions} from '../render/build.js'
import {buildTranslatedHandout} from '../render/translated-handout.js'
import {findTranslation} from '../translation/translation-status.js'
import type {Io} from '../util/io.js'
import {UserError} from '../util/user-error.js'

/**
 * Build one module's handouts in a language.
 *
 * @param io Streams (errors of the translation go to stderr).
 * @param curriculum The loaded curriculum (translations and config).
 * @param module The English module, linted.
 * @param lang A language code other than `en`.
 * @param options Format and paper.
 * @returns HTML or Markdown, or `undefined` after printing the translation's errors (exit 1).
 * @throws {UserError} When the language, translation or crisis text is missing.
 */
export function translatedHandoutText(io: Io, curriculum: Curriculum, module: SessionModule, lang: string, options: BuildOptions): string | undefined {
  if (!/^[a-z]{2}$/.test(lang)) throw new UserError(`Unexpected --lang ${lang}, expected a two-letter language code such as \`es\``)
  const id = module.meta!.id
  const translation = findTranslation(curriculum, id, lang)
  if (!translation) {
    throw new UserError(`Missing ${lang} translation of \`${id}\`, expected ${path.join(path.dirname(module.file.path), `${id}.${lang}.md`)} (docs/translations.md; \`iop translate --status\` lists what exists)`)
  }
  const crisis = curriculum.config.crisisByLanguage[lang]
  if (!crisis) throw new UserError(`Missing crisis text for \`${lang}\`, expected \`crisis: {en: ..., ${lang}: ...}\` in iop.config.yaml (every client page carries one)`)
  lintTranslations([translation], curriculum.modules, curriculum.config)
  if (translationHasErrors(translation)) {
    io.stderr(formatCompact([translation.parse.file]))
    io.stderr(`iop: not building handout for ${translation.parse.file.path}: fix the errors above first\n`)
    return undefined
  }
  return buildTranslatedHandout([{module, translation}], {...options, crisis, config: curriculum.config})
}
