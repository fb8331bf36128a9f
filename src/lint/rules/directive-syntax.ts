/**
 * `directive-syntax`: `::lines` and `::scale` are well formed, and a colon before a word is
 * not taken for a text directive by mistake. Unlike `facilitator-directive`
 * this is about tidy output, not client safety, so it may be lowered.
 */
import {visit} from 'unist-util-visit'
import {looksLikeFacilitator} from '../../module/facilitator.js'
import {scaleProblems} from '../../module/scale.js'
import type {ModuleRule} from '../rule.js'

export const directiveSyntax: ModuleRule = {
  id: 'directive-syntax',
  scope: 'module',
  severity: 'error',
  description: '`::lines{n=N}` has N from 1 to 12; `::scale{from=A to=B low="…" high="…"}` has 0 <= A < B <= 10 and short end labels; no accidental `:word` text directives',
  check({module, report}) {
    visit(module.tree, (node) => {
      if (node.type === 'leafDirective' && node.name === 'lines') {
        const n = node.attributes?.n
        if (n !== undefined && n !== null && !/^(?:[1-9]|1[0-2])$/.test(n)) {
          report(`Unexpected \`n=${n}\` in \`::lines\`, expected a whole number from 1 to 12`, node.position?.start)
        }
      } else if (node.type === 'leafDirective' && node.name === 'scale') {
        for (const problem of scaleProblems(node.attributes)) report(problem, node.position?.start)
      } else if (node.type === 'textDirective' && !looksLikeFacilitator(node.name) && !/^\d/.test(node.name)) {
        // `10:30` and `1:2` are times and ratios, not directives.
        // Facilitator-like names are `facilitator-directive` errors already.
        report(`Unexpected text directive \`:${node.name}\`, expected plain text (put a space after the colon)`, node.position?.start)
      }
    })
  }
}
