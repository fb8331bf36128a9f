/** `handout-present`: clients get at least one handout, and none is empty. */
import {toString} from 'mdast-util-to-string'
import {clientView} from '../../module/facilitator.js'
import type {ModuleRule} from '../rule.js'

export const handoutPresent: ModuleRule = {
  id: 'handout-present',
  scope: 'module',
  severity: 'error',
  description: 'The `Handouts` section has at least one handout, each with client content',
  check({module, report}) {
    const section = module.sections.byKind.handouts
    if (!section) return
    if (section.parts.length === 0) {
      report('Missing handout, expected at least one `### Handout title` under `Handouts`', section.heading.position)
      return
    }
    if (section.intro.length > 0) {
      report('Unexpected content under `Handouts` before the first handout, expected it inside a `### Handout title` (clients receive only handouts)', section.intro[0].position)
    }
    for (const part of section.parts) {
      const visible = clientView(part.children)
      const hasContent = visible.some((node) => node.type === 'leafDirective' || toString(node).trim() !== '')
      if (!hasContent) {
        report(`Unexpected empty handout \`${part.title}\`, expected client content under it`, part.heading.position)
      }
    }
  }
}
