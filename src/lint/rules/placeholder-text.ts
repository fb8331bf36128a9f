/**
 * `placeholder-text`: text from the `iop new` template (templates/module.md)
 * or a to-do marker is still in the module. The untouched template must not
 * lint clean: its "Handout title" page would go to clients.
 */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import type {ModuleRule} from '../rule.js'

/** Lines of templates/module.md that stand for text the author must write. */
export const templatePhrases = [
  'Handout title',
  'First exercise',
  'Second exercise',
  'Short sentences, everyday words.',
  'Cautions and tips for the facilitator. Clients never see this block.',
  'your name',
  'Name two ...',
  'Practice one ...'
]

// `...` standing for text still to write: alone, alone in quotes (`Say:
// "..."`) or after a label (`Telehealth: ...`). A sentence stem for clients
// to finish ("I feel ... when ...") or a pause in a script is not a gap.
const gap = /^\s*(?:\.{3}|…)\s*$|["“](?:\.{3}|…)["”]|:\s*(?:\.{3}|…)\s*$/
const marker = /\b(TODO|TBD|FIXME|XXX)\b/

export const placeholderText: ModuleRule = {
  id: 'placeholder-text',
  scope: 'module',
  severity: 'error',
  description: 'No text left from the module template, no TODO markers and no `...` gaps',
  check({module, report}) {
    const check = (value: string, place: Point | undefined, what: string) => {
      // Template headings carry a time: `First exercise (20 min)`.
      const bare = value.replace(/\s*\(\d+\s*min\)\s*$/, '').trim().toLowerCase()
      const phrase = templatePhrases.find((p) => bare === p.toLowerCase())
      if (phrase) return report(`Unexpected template text “${phrase}” in ${what}, expected your own text`, place)
      const found = marker.exec(value)
      if (found) return report(`Unexpected placeholder \`${found[0]}\` in ${what}, expected finished text`, place)
      if (gap.test(value)) report(`Unexpected \`...\` gap in ${what} “${value.trim().length > 50 ? value.trim().slice(0, 49) + '…' : value.trim()}”, expected the text to fill it`, place)
    }
    const meta = module.meta
    const fm = module.frontmatter
    if (meta && fm) {
      check(meta.title, fm.place(['title']).start, '`title`')
      meta.objectives.forEach((objective, index) => check(objective, fm.place(['objectives', index]).start, '`objectives`'))
      meta.authors.forEach((author, index) => check(author, fm.place(['authors', index]).start, '`authors`'))
      meta.materials.forEach((material, index) => check(material, fm.place(['materials', index]).start, '`materials`'))
    }
    visit(module.tree, (node: Nodes) => {
      if (node.type === 'heading') {
        check(toString(node), node.position?.start, 'a heading')
        return 'skip'
      }
      if (node.type === 'paragraph' || node.type === 'tableCell') {
        check(toString(node), node.position?.start, node.type === 'paragraph' ? 'a paragraph' : 'a table cell')
        return 'skip'
      }
      return undefined
    })
  }
}
