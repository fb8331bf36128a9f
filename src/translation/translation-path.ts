/**
 * The file-name pattern of translations: `<id>.<lang>.md` beside the English
 * module `<id>.md` (docs/translations.md). Module ids are kebab-case and never
 * hold a dot, so the pattern cannot take a module for a translation.
 */
import path from 'node:path'

const pattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2})\.md$/

/** The module id and language a translation's file name stands for. */
export interface TranslationName {
  id: string
  lang: string
}

/**
 * Read a translation's id and language from its file name.
 *
 * @param file A path or file name.
 * @returns `{id, lang}`, or `undefined` when the name is not `<id>.<lang>.md`.
 */
export function translationName(file: string): TranslationName | undefined {
  const match = pattern.exec(path.basename(file))
  return match ? {id: match[1], lang: match[2]} : undefined
}

/**
 * Whether a path names a translation file rather than a module.
 *
 * @param file A path or file name.
 * @returns True for `<id>.<lang>.md`.
 */
export function isTranslationPath(file: string): boolean {
  return translationName(file) !== undefined
}

/** English language code: the language modules are written in. */
export const sourceLanguage = 'en'
