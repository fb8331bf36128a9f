/**
 * Where every module stands in each language: up to date, drifted (naming
 * what changed), not yet marked, invalid, or missing. Pure over a loaded
 * curriculum; `iop translate --status` prints it.
 */
import type {Curriculum} from '../curriculum/load-curriculum.js'
import type {Translation} from './parse-translation.js'
import {translationDrift} from './translation-drift.js'

/** One module in one language. */
export interface TranslationStatus {
  id: string
  lang: string
  state: 'up to date' | 'drifted' | 'not marked' | 'invalid' | 'missing'
  /** For `drifted`: `objectives` and the English titles of changed handouts. */
  changed: string[]
  /** The translation file, when there is one. */
  file?: string
}

/**
 * The languages a curriculum has translations in (at least `es`).
 *
 * @param curriculum A loaded curriculum.
 * @returns Sorted language codes.
 */
export function translationLanguages(curriculum: Curriculum): string[] {
  return [...new Set(['es', ...curriculum.translations.map((t) => t.name.lang)])].sort()
}

/**
 * The translation of a module into a language, if the curriculum has one.
 *
 * @param curriculum A loaded curriculum.
 * @param id A module id.
 * @param lang A language code.
 * @returns The translation, or `undefined`.
 */
export function findTranslation(curriculum: Curriculum, id: string, lang: string): Translation | undefined {
  return curriculum.translations.find((t) => t.name.id === id && t.name.lang === lang)
}

/**
 * Status rows, by module id then language.
 *
 * @param curriculum A loaded curriculum.
 * @param languages Languages to report (default: {@link translationLanguages}).
 * @returns One row per module and language.
 */
export function translationStatus(curriculum: Curriculum, languages = translationLanguages(curriculum)): TranslationStatus[] {
  const rows: TranslationStatus[] = []
  const ids = [...curriculum.byId.keys()].sort()
  for (const id of ids) {
    const module = curriculum.byId.get(id)!
    for (const lang of languages) {
      const translation = findTranslation(curriculum, id, lang)
      if (!translation) {
        rows.push({id, lang, state: 'missing', changed: []})
        continue
      }
      const file = translation.parse.file.path
      if (!translation.meta || !module.meta) {
        rows.push({id, lang, state: 'invalid', changed: [], file})
        continue
      }
      const drift = translationDrift(translation, module)
      const changed = [...(drift.objectives ? ['objectives'] : []), ...drift.handouts]
      rows.push({id, lang, state: !drift.marked ? 'not marked' : changed.length > 0 ? 'drifted' : 'up to date', changed, file})
    }
  }
  return rows
}
