/**
 * `sentence-length`: each sentence a client reads (handouts, title,
 * objectives) is short enough to read in one go, and not far above the
 * handout's grade. One message per sentence, at its line, so the author
 * knows which sentence to split; `handout-reading-level` judges the whole.
 */
import {clientSentences} from '../client-sentences.js'
import type {ModuleRule} from '../rule.js'

export const sentenceLength: ModuleRule = {
  id: 'sentence-length',
  scope: 'module',
  severity: 'warn',
  description: 'Each client sentence has at most 20 words and a grade of at most 12',
  defaults: {max: 20, grade: 12, minWords: 8},
  check({module, options, report}) {
    const max = Number(options.max)
    const grade = Number(options.grade)
    for (const sentence of clientSentences(module)) {
      const quote = `“${sentence.text.length > 60 ? sentence.text.slice(0, 59) + '…' : sentence.text}”`
      if (sentence.words > max) {
        report(`Unexpected ${sentence.words}-word sentence in ${sentence.where}, expected at most ${max} words (split it): ${quote}`, sentence.place)
      } else if (sentence.words >= Number(options.minWords) && sentence.grade > grade) {
        // Short labels give meaningless grades, hence `minWords`.
        report(`Unexpected grade ${sentence.grade.toFixed(1)} sentence in ${sentence.where}, expected grade ${grade} or below (use shorter words): ${quote}`, sentence.place)
      }
    }
  }
}
