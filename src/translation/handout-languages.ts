/**
 * Which languages a module's handouts exist in, as the curriculum loader
 * found them beside it. The facilitator guide lists them, so staff know a
 * Spanish handout is there to print.
 */
import type {SessionModule} from '../module/parse-module.js'

const languages = new WeakMap<SessionModule, string[]>()

const names: Record<string, string> = {en: 'English', es: 'Spanish (español)'}

/**
 * Record the languages a module has translations in (the loader does this).
 *
 * @param module An English module.
 * @param langs Language codes of its translations.
 */
export function setHandoutLanguages(module: SessionModule, langs: readonly string[]): void {
  languages.set(module, [...new Set(langs)].sort())
}

/**
 * The languages of a module's handouts: English, then its translations.
 *
 * @param module An English module.
 * @returns Language codes, `en` first.
 */
export function handoutLanguages(module: SessionModule): string[] {
  return ['en', ...(languages.get(module) ?? []).filter((lang) => lang !== 'en')]
}

/**
 * A language's name for a guide.
 *
 * @param lang A language code.
 * @returns Its name, or the code.
 */
export function languageName(lang: string): string {
  return names[lang] ?? lang
}
