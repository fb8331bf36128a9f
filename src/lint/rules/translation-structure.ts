/**
 * `translation-structure`: a translation (`<id>.<lang>.md`) has valid
 * frontmatter, a module to translate, only `## Handouts`, one handout per
 * English handout, and the same fill-in lines, scales, checkboxes and table
 * shapes (translation/translation-structure.ts decides).
 */
import {translationStructureProblems} from '../../translation/translation-structure.js'
import type {TranslationRule} from '../rule.js'

export const translationStructure: TranslationRule = {
  id: 'translation-structure',
  scope: 'translation',
  severity: 'error',
  description: 'A translation has its module, only `## Handouts`, one handout per English handout, and the same fill-in lines, scales, checkboxes and tables',
  check({translation, module, report}) {
    for (const problem of translationStructureProblems(translation, module)) report(problem.reason, problem.place)
  }
}
