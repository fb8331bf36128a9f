/**
 * Flesch-Kincaid grade of client text. Sentences come from Intl.Segmenter
 * run on each block (paragraph, table cell) separately, so a list item or a
 * cell without a full stop still counts as its own sentence.
 */
import {fleschKincaid} from 'flesch-kincaid'
import type {Nodes, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {syllable} from 'syllable'
import {visit} from 'unist-util-visit'

/** One sentence and its difficulty. */
export interface SentenceScore {
  text: string
  words: number
  syllables: number
  /** Flesch-Kincaid grade of this sentence alone. */
  grade: number
}

/** Readability of a text. */
export interface Readability {
  grade: number
  words: number
  sentences: SentenceScore[]
}

/**
 * Longest text handed to Intl.Segmenter at once. Iterating its segments costs
 * time that grows with the square of the string's length (60 KB takes 17 s),
 * so longer blocks are cut first, at a sentence end or a space when one is near.
 */
export const maxSegmentText = 2_000

const sentenceSegmenter = new Intl.Segmenter('en', {granularity: 'sentence'})
const wordSegmenter = new Intl.Segmenter('en', {granularity: 'word'})

/**
 * Text blocks of some mdast nodes: paragraphs and table cells.
 *
 * @param nodes Client-visible nodes.
 * @param options `includeHtml: false` leaves inline HTML tags out of the text.
 * @returns Plain text of each block.
 */
export function textBlocks(nodes: readonly RootContent[], options: {includeHtml?: boolean} = {}): string[] {
  const blocks: string[] = []
  for (const node of nodes) {
    visit(node as Nodes, (child: Nodes) => {
      if (child.type === 'paragraph' || child.type === 'tableCell') {
        const text = toString(child, {includeHtml: options.includeHtml ?? true}).trim()
        if (text) blocks.push(text)
        return 'skip'
      }
      if (child.type === 'heading' || child.type === 'code' || child.type === 'html') return 'skip'
      return undefined
    })
  }
  return blocks
}

/**
 * Score blocks of text.
 *
 * @param blocks Plain text blocks.
 * @returns The overall grade and each sentence's score.
 */
export function readability(blocks: readonly string[]): Readability {
  const sentences: SentenceScore[] = []
  for (const block of blocks.flatMap((b) => cut(b))) sentences.push(...blockSentences(block))
  const words = sentences.reduce((sum, s) => sum + s.words, 0)
  const syllables = sentences.reduce((sum, s) => sum + s.syllables, 0)
  const grade = words === 0 ? 0 : fleschKincaid({sentence: sentences.length, word: words, syllable: syllables})
  return {grade: Math.round(grade * 10) / 10, words, sentences}
}

/**
 * Scores of the sentences of one block. Three rules score the same handout
 * text, so scores are kept per block (the work is pure: same text, same
 * scores), and syllables per word; both are cleared when they grow large.
 */
const scoredBlocks = new Map<string, SentenceScore[]>()
const syllableCounts = new Map<string, number>()
const maxKept = 20_000

function blockSentences(block: string): SentenceScore[] {
  const known = scoredBlocks.get(block)
  if (known) return known
  const sentences: SentenceScore[] = []
  for (const {segment} of sentenceSegmenter.segment(block)) {
    const words = [...wordSegmenter.segment(segment)].filter((w) => w.isWordLike).map((w) => w.segment)
    if (words.length === 0) continue
    const syllables = words.reduce((sum, word) => sum + Math.max(1, syllablesOf(word)), 0)
    sentences.push({
      text: segment.trim(),
      words: words.length,
      syllables,
      grade: fleschKincaid({sentence: 1, word: words.length, syllable: syllables})
    })
  }
  if (scoredBlocks.size >= maxKept) scoredBlocks.clear()
  scoredBlocks.set(block, sentences)
  return sentences
}

function syllablesOf(word: string): number {
  let count = syllableCounts.get(word)
  if (count === undefined) {
    if (syllableCounts.size >= maxKept) syllableCounts.clear()
    syllableCounts.set(word, (count = syllable(word)))
  }
  return count
}

/** A block in pieces of at most {@link maxSegmentText} characters. */
function cut(block: string): string[] {
  const pieces: string[] = []
  let rest = block
  while (rest.length > maxSegmentText) {
    const head = rest.slice(0, maxSegmentText)
    const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '))
    const space = head.lastIndexOf(' ')
    const at = sentenceEnd > maxSegmentText / 2 ? sentenceEnd + 2 : space > maxSegmentText / 2 ? space + 1 : maxSegmentText
    pieces.push(rest.slice(0, at))
    rest = rest.slice(at)
  }
  pieces.push(rest)
  return pieces
}
