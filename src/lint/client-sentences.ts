/**
 * The sentences a client reads, each with where it starts: handout text
 * (facilitator blocks removed, as the handout prints it), the title and the
 * objectives that head every handout. Per-sentence rules read these.
 */
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import {clientView} from '../module/facilitator.js'
import type {SessionModule} from '../module/parse-module.js'
import {readability, type SentenceScore} from './readability.js'

/** One client sentence, scored, and where it is. */
export interface ClientSentence extends SentenceScore {
  place: Point | undefined
  /** `handout \`Title\``, `title` or `objective 2`: where a reader finds it. */
  where: string
}

const wordPattern = /\S/

/**
 * Every client-visible sentence of a module.
 *
 * @param module A parsed module.
 * @returns Sentences in file order, frontmatter first.
 */
export function clientSentences(module: SessionModule): ClientSentence[] {
  const found: ClientSentence[] = []
  const lines = module.source.split('\n')
  const add = (text: string, start: Point | undefined, where: string) => {
    let from = 0
    for (const sentence of readability([text]).sentences) {
      const at = text.indexOf(sentence.text, from)
      if (at >= 0) from = at + sentence.text.length
      found.push({...sentence, where, place: start && pointIn(text, Math.max(at, 0), start, lines)})
    }
  }
  if (module.meta && module.frontmatter) {
    add(module.meta.title, module.frontmatter.place(['title']).start, 'title')
    module.meta.objectives.forEach((objective, index) => add(objective, module.frontmatter!.place(['objectives', index]).start, `objective ${index + 1}`))
  }
  for (const part of module.sections.byKind.handouts?.parts ?? []) {
    for (const node of clientView(part.children)) {
      visit(node as Nodes, (child: Nodes) => {
        if (child.type === 'paragraph' || child.type === 'tableCell') {
          const text = toString(child, {includeHtml: false})
          if (wordPattern.test(text)) add(text, child.position?.start, `handout \`${part.title}\``)
          return 'skip'
        }
        if (child.type === 'heading' || child.type === 'code' || child.type === 'html') return 'skip'
        return undefined
      })
    }
  }
  return found
}

/** The point of `index` in a block's text that starts at `start` (lines kept by toString). */
function pointIn(text: string, index: number, start: Point, lines: readonly string[]): Point {
  const before = text.slice(0, index).split('\n')
  const skipped = /^\s*/.exec(text.slice(index))![0].split('\n').length - 1
  const line = start.line + before.length - 1 + skipped
  if (line === start.line) return {line, column: start.column + index}
  // A later line of a paragraph: its first character after indentation and quote marks.
  const source = lines[line - 1] ?? ''
  return {line, column: (/^[\s>]*/.exec(source)?.[0].length ?? 0) + 1}
}
