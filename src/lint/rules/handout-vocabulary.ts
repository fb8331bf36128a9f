/**
 * `handout-vocabulary`: each handout's words are ones its clients know. New
 * Dale-Chall (lint/vocabulary.ts) counts words not on a list of familiar
 * words; a score of 6 means grades 7-8, 7 means grades 9-10. Warns at `warn`,
 * errors at `error`, and names the hardest words to replace.
 */
import {clientView} from '../../module/facilitator.js'
import {readability, textBlocks} from '../readability.js'
import type {ModuleRule} from '../rule.js'
import {vocabulary} from '../vocabulary.js'

export const handoutVocabulary: ModuleRule = {
  id: 'handout-vocabulary',
  scope: 'module',
  severity: 'error',
  description: 'Each handout scores under 6 on New Dale-Chall (grade 6 or below; warn), under 7 at most (error)',
  defaults: {warn: 6, error: 7, minWords: 40},
  check({module, options, report}) {
    const warn = Number(options.warn)
    const error = Number(options.error)
    for (const part of module.sections.byKind.handouts?.parts ?? []) {
      // Inline HTML tags are markup, not words a client reads.
      const text = readability(textBlocks(clientView(part.children), {includeHtml: false}))
      // A few labels give a meaningless score.
      if (text.words < Number(options.minWords)) continue
      const result = vocabulary(text.sentences)
      if (result.score < warn) continue
      const grades = result.grades[1] === Infinity ? `grade ${result.grades[0]} and up` : `grades ${result.grades[0]}-${result.grades[1]}`
      const hardest = result.unfamiliar.slice(0, 5).map((word) => '`' + word + '`').join(', ')
      const reason = `Unexpected New Dale-Chall score ${result.score.toFixed(1)} (${grades}) in handout \`${part.title}\`, expected under ${warn} (grade 6 or below); use everyday words for ${hardest}`
      if (result.score >= error) report(`${reason}; a score of ${error} or more is too hard for a handout`, part.heading.position)
      else report(reason, part.heading.position, 'warn')
    }
  }
}
