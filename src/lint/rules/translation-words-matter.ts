/**
 * `translation-words-matter`: person-first language in a Spanish translation
 * (the table in docs/rules.md, lint/spanish-terms.ts): an error anywhere in
 * it, since all of it is client text. Quoted terms, used to teach about the
 * word, pass.
 */
import type {Text} from 'mdast'
import {visit} from 'unist-util-visit'
import {spanishTerms} from '../spanish-terms.js'
import type {TranslationRule} from '../rule.js'
import {scan, type WordsMatterHit} from './words-matter.js'

export const translationWordsMatter: TranslationRule = {
  id: 'translation-words-matter',
  scope: 'translation',
  severity: 'error',
  description: 'No stigmatizing Spanish terms in a Spanish translation (the table in docs/rules.md)',
  check({translation, report}) {
    if (translation.name.lang !== 'es') return
    const {parse, meta} = translation
    const hits: WordsMatterHit[] = []
    visit(parse.tree, 'text', (node: Text) => {
      scan(node.value, node.position?.start, node.position?.start.offset, true, parse.source, hits, spanishTerms)
    })
    if (meta && parse.frontmatter) {
      scan(meta.title, parse.frontmatter.place(['title']).start, undefined, true, parse.source, hits, spanishTerms)
      meta.objectives.forEach((objective, index) => scan(objective, parse.frontmatter!.place(['objectives', index]).start, undefined, true, parse.source, hits, spanishTerms))
    }
    for (const hit of hits) report(`Unexpected \`${hit.text}\` in client text, expected person-first wording such as \`${hit.prefer}\``, hit.place)
  }
}
