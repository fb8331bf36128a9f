/**
 * `translation-client-safety`: a translation is client text only. The guard
 * in module/facilitator.ts reports what could carry facilitator text (stray
 * fences, unknown directives, hiding HTML), and any `:::facilitator` block at
 * all is an error here: facilitator notes stay in the English module. A
 * client-safety rule: config cannot set it below `error`.
 */
import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {clientSafetyProblems} from '../../module/facilitator.js'
import type {TranslationRule} from '../rule.js'

export const translationClientSafety: TranslationRule = {
  id: 'translation-client-safety',
  scope: 'translation',
  severity: 'error',
  clientSafety: true,
  description: 'A translation holds no facilitator block, no directive other than `::lines` and `::scale`, and no hiding HTML',
  check({translation, report}) {
    for (const problem of clientSafetyProblems(translation.parse)) report(`${problem.reason} (${problem.ruleId})`, problem.place)
    visit(translation.parse.tree, 'containerDirective', (node: Nodes) => {
      if (node.type === 'containerDirective' && node.name === 'facilitator') {
        report('Unexpected `:::facilitator` block in a translation, expected client text only (facilitator notes stay in the English module)', node.position?.start)
      }
    })
  }
}
