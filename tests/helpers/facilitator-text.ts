/** Facilitator-only sentences of a module, to look for in client output (as tests/client-safety.test.ts collects them). */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {SessionModule} from '../../src/module/parse-module.js'

/**
 * Sentences of facilitator-only text, long enough to be distinctive.
 *
 * @param module A parsed module.
 * @returns Sentences of 40 characters or more, whitespace folded.
 */
export function facilitatorSentences(module: SessionModule): string[] {
  const texts: string[] = []
  visit(module.tree, 'containerDirective', (node: Nodes) => {
    texts.push(toString(node))
  })
  for (const node of module.sections.byKind['facilitator-notes']?.intro ?? []) texts.push(toString(node))
  return texts
    .flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter((s) => s.length >= 40)
}
