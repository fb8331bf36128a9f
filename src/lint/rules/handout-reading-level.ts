/**
 * `handout-reading-level`: each handout's client text reads at about grade 6
 * (AMA, NIH). Warns above `warn`, errors above `error`, and names the
 * sentences that pull the grade up.
 */
import {clientView} from '../../module/facilitator.js'
import {readability, textBlocks} from '../readability.js'
import type {ModuleRule} from '../rule.js'

export const handoutReadingLevel: ModuleRule = {
  id: 'handout-reading-level',
  scope: 'module',
  severity: 'error',
  description: 'Each handout reads at grade 6 or below (warn), grade 8 at most (error)',
  defaults: {warn: 6, error: 8, minWords: 20},
  check({module, options, report}) {
    const warn = Number(options.warn)
    const error = Number(options.error)
    for (const part of module.sections.byKind.handouts?.parts ?? []) {
      const score = readability(textBlocks(clientView(part.children)))
      // Very short handouts (a few labels) give meaningless grades.
      if (score.words < Number(options.minWords) || score.grade <= warn) continue
      const hardest = score.sentences
        // Labels and table cells of a word or two are not sentences to shorten.
        .filter((s) => s.grade > warn && s.words >= 5)
        .sort((a, b) => b.grade - a.grade || b.words - a.words)
        .slice(0, 3)
        .map((s) => `“${s.text.length > 80 ? s.text.slice(0, 79) + '…' : s.text}” (${s.words} words)`)
        .join('; ')
      const reason = `Unexpected grade ${score.grade.toFixed(1)} reading level in handout \`${part.title}\`, expected grade ${warn} or below${hardest ? `; shorten: ${hardest}` : '; use shorter words'}`
      const place = part.heading.position
      if (score.grade > error) report(`${reason}; grade ${error} is the most a handout may need`, place)
      else report(reason, place, 'warn')
    }
  }
}
