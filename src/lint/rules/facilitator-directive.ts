/**
 * `facilitator-directive`: facilitator blocks are closed and spelled right,
 * `::lines` is well formed, and no facilitator marker survives as plain text
 * (for example inside raw HTML or a table cell), where a client would see it.
 */
import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {facilitatorName} from '../../module/facilitator.js'
import {closest} from '../../util/closest.js'
import type {ModuleRule} from '../rule.js'

const leafNames = ['lines']
// Three or more colons and a name, anywhere: a directive fence that did not
// parse as one (indented, in code, in a table, in HTML, in alt text).
const strayMarker = /:{3,}\s*\{?\s*[a-z]/i

export const facilitatorDirective: ModuleRule = {
  id: 'facilitator-directive',
  scope: 'module',
  severity: 'error',
  description: 'Facilitator blocks are closed and spelled right; directives are known',
  check({module, report}) {
    const lines = module.source.split(/\r?\n/)

    visit(module.tree, (node: Nodes) => {
      if (node.type === 'containerDirective') {
        if (node.name !== facilitatorName) {
          report(`Unexpected directive \`:::${node.name}\`, expected \`:::${facilitatorName}\``, node.position?.start)
          return
        }
        const end = node.position?.end
        const last = end ? lines[end.line - 1] ?? '' : ''
        // A block left open swallows what follows; a later block's `:::` can
        // close it, so also look for what an open block would have swallowed.
        const swallowed = node.children.find((child) => child.type === 'heading' || (child.type === 'containerDirective' && child.name === facilitatorName))
        if (!/^[\s>*+\-\d.)]*:{3,}\s*$/.test(last) || swallowed) {
          report(`Unexpected unclosed \`:::facilitator\` block${swallowed ? ` (it runs on past line ${swallowed.position?.start.line})` : ''}, expected a closing \`:::\` line`, node.position?.start)
        }
        return
      }

      if (node.type === 'leafDirective') {
        if (!leafNames.includes(node.name)) {
          report(`Unexpected directive \`::${node.name}\`, expected \`::lines\`${node.name.length > 3 ? ` or \`:::${closest(node.name, [facilitatorName], 1)[0]}\`` : ''}`, node.position?.start)
          return
        }
        const n = node.attributes?.n
        if (n !== undefined && n !== null && !/^(?:[1-9]|1[0-2])$/.test(n)) {
          report(`Unexpected \`n=${n}\` in \`::lines\`, expected a whole number from 1 to 12`, node.position?.start)
        }
        return
      }

      if (node.type === 'textDirective') {
        report(`Unexpected text directive \`:${node.name}\`, expected plain text (put a space after the colon)`, node.position?.start)
        return
      }

      const values =
        node.type === 'text' || node.type === 'html' || node.type === 'code' || node.type === 'inlineCode'
          ? [node.value]
          : node.type === 'image' || node.type === 'imageReference'
            ? [node.alt ?? '', 'title' in node ? node.title ?? '' : '']
            : node.type === 'link'
              ? [node.title ?? '']
              : []
      if (values.length > 0) {
        if (values.some((value) => strayMarker.test(value))) {
          report('Unexpected facilitator marker in text, expected `:::facilitator` on its own line, not indented and outside code, HTML and tables, closed by `:::`', node.position?.start)
        }
      }
    })
  }
}
