/**
 * Handouts in the program's other languages (`languages: [en, es]`): one
 * `handout.<lang>.html` per session whose modules have a usable translation,
 * and a report of what is translated (with its Spanish readability) and what
 * is missing, for the binder's index, curriculum.json and the summary.
 */
import type {Element} from 'hast'
import {h} from 'hastscript'
import {clientView} from '../module/facilitator.js'
import {textBlocks} from '../lint/readability.js'
import {spanishReadability} from '../lint/spanish-readability.js'
import {buildTranslatedHandout, type TranslatedModule} from '../render/translated-handout.js'
import type {Translation} from '../translation/parse-translation.js'
import {languageName} from '../translation/handout-languages.js'
import type {Schedule} from './assemble.js'

/** Where one language stands in a binder. */
export interface LanguageReport {
  lang: string
  /** Scheduled modules with a usable translation, with the Fernández-Huerta ease of their handouts (Spanish only). */
  translated: Array<{id: string; title: string; ease?: number}>
  /** Scheduled modules without one, and the sessions they are in. */
  missing: Array<{id: string; sessions: number[]}>
}

/** What the binder needs to build translated handouts. */
export interface BinderTranslations {
  /** Translations without lint errors (the others count as missing). */
  usable: readonly Translation[]
  /** Crisis text by language. */
  crisisByLanguage: Readonly<Record<string, string>>
}

/** The other languages a program asks for, each with its usable translations by module id. */
function languagesOf(schedule: Schedule, translations: BinderTranslations): Array<{lang: string; crisis: string | undefined; byId: Map<string, Translation>}> {
  return (schedule.program.languages ?? [])
    .filter((lang) => lang !== 'en')
    .map((lang) => {
      const crisis = translations.crisisByLanguage[lang]
      // Without a crisis text no page in the language can be built: every module counts as missing.
      const byId = new Map(crisis ? translations.usable.filter((t) => t.name.lang === lang).map((t) => [t.name.id, t]) : [])
      return {lang, crisis, byId}
    })
}

/**
 * What each of the program's other languages covers: translated modules
 * (with the Fernández-Huerta ease of their Spanish handouts) and missing ones.
 *
 * @param schedule The schedule (its program names the languages).
 * @param translations Usable translations and crisis texts.
 * @returns One report per language other than English.
 */
export function languageReports(schedule: Schedule, translations: BinderTranslations): LanguageReport[] {
  return languagesOf(schedule, translations).map(({lang, byId}) => {
    const translated = new Map<string, LanguageReport['translated'][number]>()
    const missing = new Map<string, number[]>()
    for (const session of schedule.sessions) {
      for (const module of session.modules) {
        const id = module.meta!.id
        const translation = byId.get(id)
        if (!translation) missing.set(id, [...(missing.get(id) ?? []), session.number])
        else if (!translated.has(id)) translated.set(id, {id, title: translation.meta!.title, ...(lang === 'es' && {ease: ease(translation)})})
      }
    }
    return {
      lang,
      translated: [...translated.values()].sort((a, b) => a.id.localeCompare(b.id)),
      missing: [...missing].map(([id, sessions]) => ({id, sessions})).sort((a, b) => a.id.localeCompare(b.id))
    }
  })
}

/**
 * The translated handout files of a binder: `handout.<lang>.html` in each
 * session folder where at least one of its modules is translated.
 *
 * @param schedule The schedule (its program names the languages).
 * @param translations Usable translations and crisis texts.
 * @param sessionDir A session's folder.
 * @param paper Paper of the pages.
 * @returns Files by relative path.
 */
export function translatedHandoutFiles(schedule: Schedule, translations: BinderTranslations, sessionDir: (n: number) => string, paper?: 'letter' | 'a4'): Map<string, string> {
  const files = new Map<string, string>()
  for (const {lang, crisis, byId} of languagesOf(schedule, translations)) {
    const built = new Map<string, string>()
    for (const session of schedule.sessions) {
      const items: TranslatedModule[] = session.modules.flatMap((module) => {
        const translation = byId.get(module.meta!.id)
        return translation ? [{module, translation}] : []
      })
      if (items.length === 0) continue
      const key = items.map((item) => item.module.meta!.id).join(' ')
      if (!built.has(key)) built.set(key, buildTranslatedHandout(items, {crisis: crisis!, paper}))
      files.set(`${sessionDir(session.number)}/handout.${lang}.html`, built.get(key)!)
    }
  }
  return files
}

/** Fernández-Huerta ease of all a translation's handouts together, to one decimal. */
function ease(translation: Translation): number {
  const score = spanishReadability(translation.handouts.flatMap((part) => textBlocks(clientView(part.children))))
  return Math.round(score.ease * 10) / 10
}

/**
 * The binder index's closing section on handout languages.
 *
 * @param reports One per language other than English.
 * @returns Elements (none when the program has no other language).
 */
export function languagesSection(reports: readonly LanguageReport[]): Element[] {
  return reports.flatMap((report) => [
    h('h2', `Handouts in ${languageName(report.lang)}`),
    h('p', `${report.translated.length} scheduled module${report.translated.length === 1 ? '' : 's'} with ${languageName(report.lang)} handouts (handout.${report.lang}.html in the session folder)${report.lang === 'es' ? '; Fernández-Huerta reading ease, 70 or more is about grade 6' : ''}. Each translation must be reviewed by a clinician who speaks the language before use with clients.`),
    h('ul', report.translated.map((t) => h('li', `${t.title} (${t.id})${t.ease === undefined ? '' : `: ease ${t.ease.toFixed(1)}`}`))),
    ...(report.missing.length > 0
      ? [h('p', `Missing: no ${languageName(report.lang)} handouts for ${report.missing.length} scheduled module${report.missing.length === 1 ? '' : 's'}; clients get the English handouts in those sessions.`), h('ul', report.missing.map((m) => h('li', `${m.id} (session${m.sessions.length === 1 ? '' : 's'} ${m.sessions.join(', ')})`)))]
      : [])
  ])
}

/**
 * Summary lines for stdout.
 *
 * @param reports Language reports.
 * @returns For each language: what is translated, and how many are missing.
 */
export function languageSummary(reports: readonly LanguageReport[]): string[] {
  return reports.flatMap((r) => [
    `handouts in ${r.lang}: ${r.translated.length} of ${r.translated.length + r.missing.length} scheduled modules (${r.translated.map((t) => t.id).join(', ') || 'none'})`,
    ...(r.missing.length > 0 ? [`missing ${r.lang} handouts: ${r.missing.length} modules, English only in those sessions (listed in index.html and curriculum.json)`] : [])
  ])
}
