/**
 * `translation-reading-level`: each Spanish handout reads at about grade 6 by
 * the Fernández-Huerta ease (70 or more; 60-70 is grades 7-8 in its table, so
 * below 60 is above grade 8). Names the sentences that pull the ease down.
 * Other languages have no measure yet and pass.
 */
import {clientView} from '../../module/facilitator.js'
import {textBlocks} from '../readability.js'
import {spanishReadability} from '../spanish-readability.js'
import type {TranslationRule} from '../rule.js'

export const translationReadingLevel: TranslationRule = {
  id: 'translation-reading-level',
  scope: 'translation',
  severity: 'error',
  description: 'Each Spanish handout has a Fernández-Huerta ease of 70 or more (grade 6; warn), 60 at least (grade 8; error)',
  defaults: {warn: 70, error: 60, minWords: 20},
  check({translation, options, report}) {
    if (translation.name.lang !== 'es') return
    const warn = Number(options.warn)
    const error = Number(options.error)
    for (const part of translation.handouts) {
      const score = spanishReadability(textBlocks(clientView(part.children)))
      if (score.words < Number(options.minWords) || score.ease >= warn) continue
      const hardest = score.sentences
        .filter((s) => s.ease < warn && s.words >= 5)
        .sort((a, b) => a.ease - b.ease || b.words - a.words)
        .slice(0, 3)
        .map((s) => `“${s.text.length > 80 ? s.text.slice(0, 79) + '…' : s.text}” (${s.words} palabras)`)
        .join('; ')
      const reason = `Unexpected Fernández-Huerta ease ${score.ease.toFixed(1)} in handout \`${part.title}\`, expected ${warn} or more (grade 6)${hardest ? `; shorten: ${hardest}` : '; use shorter words'}`
      if (score.ease < error) report(`${reason}; ${error} (grade 8) is the least a handout may have`, part.heading.position)
      else report(reason, part.heading.position, 'warn')
    }
  }
}
