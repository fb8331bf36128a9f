/**
 * Client handouts in another language, built from translation files: the
 * translated title, objectives and handouts, the language's crisis text and
 * `<html lang>`. Like English handouts they are built from the client view,
 * and a translation with any client-safety problem, any facilitator block or
 * any lint error is refused before anything is rendered.
 */
import type {Element} from 'hast'
import type {RootContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {defaultConfig, type CurriculumConfig} from '../config/curriculum-config.js'
import {lintTranslations, translationHasErrors} from '../lint/lint-translations.js'
import {clientSafetyProblems} from '../module/facilitator.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Translation} from '../translation/parse-translation.js'
import {clientWords} from '../translation/client-words.js'
import type {TranslationMeta} from '../translation/translation-schema.js'
import {UserError} from '../util/user-error.js'
import type {BuildOptions} from './build.js'
import {handoutPage, plainObjective} from './handout-html.js'
import {mdNodes, stringify} from './markdown.js'
import {renderPage} from './page.js'

/** A translation and the English module it translates. */
export interface TranslatedModule {
  module: SessionModule
  translation: Translation
}

/**
 * Refuse translations that must not be built: a client-safety problem, a
 * facilitator block, or any lint error (unlinted ones are linted here).
 *
 * @param items Translations with their modules.
 * @param config Configuration for the lint run (default: the defaults).
 * @throws {UserError} When one must not be built.
 */
export function checkTranslationBuildable(items: readonly TranslatedModule[], config: CurriculumConfig = defaultConfig()): void {
  if (items.length === 0) throw new UserError('Unexpected empty list of translations, expected at least one')
  for (const {module, translation} of items) {
    const file = translation.parse.file
    const unsafe = clientSafetyProblems(translation.parse)[0]
    if (unsafe) throw new UserError(`${file.path}:${unsafe.place.line}:${unsafe.place.column}: ${unsafe.reason} (${unsafe.ruleId}); a translation with errors is not built`)
    let block: RootContent | undefined
    visit(translation.parse.tree, 'containerDirective', (node) => {
      block ??= node as RootContent
    })
    if (block) throw new UserError(`${file.path}:${block.position?.start.line ?? 1}:${block.position?.start.column ?? 1}: Unexpected \`:::\` block in a translation, expected client text only; a translation with errors is not built`)
    lintTranslations([translation], [module], config)
    if (!translation.meta || translationHasErrors(translation)) {
      throw new UserError(`${file.path}: Unexpected translation with lint errors, expected a valid translation (run \`iop lint ${file.path}\`)`)
    }
  }
}

/**
 * The handout pages of one translation.
 *
 * @param translation A valid translation.
 * @param crisis The language's crisis text.
 * @param options `largePrint`: mark each page for large print.
 * @returns One `section.handout` per handout.
 */
export function translatedHandoutSections(translation: Translation, crisis: string, options: {largePrint?: boolean} = {}): Element[] {
  const meta = translation.meta as TranslationMeta
  const words = clientWords(translation.name.lang)
  return translation.handouts.map((part) =>
    handoutPage({title: meta.title, intro: words.objectivesIntro, objectives: meta.objectives, part, source: translation.parse.source, crisis, largePrint: options.largePrint, lang: translation.name.lang})
  )
}

/**
 * Build translated handouts (all in one language).
 *
 * @param items Translations with their modules, in session order.
 * @param options Format, title, paper, and `crisis`: the language's crisis text (required in practice; see config `crisis`).
 * @returns The handouts as HTML or Markdown.
 */
export function buildTranslatedHandout(items: readonly TranslatedModule[], options: BuildOptions & {crisis: string; config?: CurriculumConfig}): string {
  checkTranslationBuildable(items, options.config)
  const lang = items[0].translation.name.lang
  const crisis = options.crisis
  if (options.format === 'md') {
    const words = clientWords(lang)
    const out: RootContent[] = []
    for (const {translation} of items) {
      const meta = translation.meta as TranslationMeta
      for (const part of translation.handouts) {
        if (out.length > 0) out.push({type: 'thematicBreak'})
        out.push(
          ...mdNodes([{...part.heading, depth: 1}], 'client', translation.parse.source),
          {type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: meta.title}]}]},
          {type: 'paragraph', children: [{type: 'text', value: words.objectivesIntro}]},
          {type: 'list', ordered: false, spread: false, children: meta.objectives.map((o) => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children: [{type: 'text', value: plainObjective(o)}]}]}))},
          ...mdNodes(part.children, 'client', translation.parse.source),
          {type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: crisis}]}]}]}
        )
      }
    }
    return stringify(out)
  }
  const title = options.title ?? items.map((item) => item.translation.meta!.title).join(' + ')
  return renderPage({title: `${clientWords(lang).handouts}: ${title}`, kind: 'handout', body: items.flatMap((item) => translatedHandoutSections(item.translation, crisis, {largePrint: options.largePrint})), paper: options.paper, lang})
}
