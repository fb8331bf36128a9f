/**
 * Vocabulary load of client text: the New Dale-Chall (1995) score, from the
 * share of words not on its list of about 3,000 words most fourth-graders
 * know (`dale-chall`, `dale-chall-formula`). It measures what
 * Flesch-Kincaid misses on worksheets: short labels made of hard words.
 */
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import type {SentenceScore} from './readability.js'

const familiar = new Set(daleChall)

/**
 * Words an IOP teaches in its first sessions and uses in every group, so its
 * clients know them whatever a fourth-grade list says. Kept short on purpose:
 * drug and medicine names are not here, and still count as hard.
 */
export const programWords: readonly string[] = [
  'recovery', 'counselor', 'craving', 'support', 'trigger', 'sponsor', 'therapy', 'program', 'group', 'urge',
  'relapse', 'sober', 'coping', 'cope', 'skill', 'practice', 'feeling', 'alcohol', 'drug', 'peer', 'staff', 'crisis',
  'iop', 'aa', 'na', 'okay', 'ok', 'stress', 'calm', 'plan'
]
const programSet: ReadonlySet<string> = new Set(programWords)
const wordSegmenter = new Intl.Segmenter('en', {granularity: 'word'})

/**
 * Whether a word counts as familiar: on the list, or a regular form of a
 * listed word (the formula's own counting rules: plurals, -ed, -ing, -er,
 * -est, -ly), a number, or a word the program teaches (`extra`).
 *
 * @param word A word as written.
 * @param extra More familiar words (lower case).
 * @returns True when familiar.
 */
export function isFamiliar(word: string, extra: ReadonlySet<string> = programSet): boolean {
  // Kept per word list: the same words come back in every handout.
  let known = familiarity.get(extra)
  if (!known) familiarity.set(extra, (known = new Map()))
  let answer = known.get(word)
  if (answer === undefined) {
    if (known.size >= 50_000) known.clear()
    known.set(word, (answer = checkFamiliar(word, extra)))
  }
  return answer
}

const familiarity = new WeakMap<ReadonlySet<string>, Map<string, boolean>>()

function checkFamiliar(word: string, extra: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '').replace(/’/g, "'")
  if (/\d/.test(lower) || familiar.has(lower) || extra.has(lower)) return true
  // Names count as familiar under the formula's rules (a capital not at a sentence start).
  if (/^[A-Z]/.test(word)) return true
  const stems = [
    lower.replace(/ies$/, 'y'), lower.replace(/ied$/, 'y'), lower.replace(/es$/, ''), lower.replace(/s$/, ''),
    lower.replace(/ed$/, ''), lower.replace(/d$/, ''), lower.replace(/ing$/, ''), lower.replace(/ing$/, 'e'),
    lower.replace(/(.)\1ing$/, '$1'), lower.replace(/(.)\1ed$/, '$1'), lower.replace(/er$/, ''), lower.replace(/est$/, ''),
    lower.replace(/ly$/, ''), lower.replace(/ily$/, 'y'), lower.replace(/ier$/, 'y'), lower.replace(/iest$/, 'y')
  ]
  const known = (stem: string) => stem !== lower && stem.length > 1 && (familiar.has(stem) || extra.has(stem))
  // Two steps at most: `feelings` is `feeling` is `feel`.
  return stems.some((stem) => known(stem) || (stem !== lower && isFamiliarStem(stem, extra)))
}

function isFamiliarStem(stem: string, extra: ReadonlySet<string>): boolean {
  return [stem.replace(/ing$/, ''), stem.replace(/ing$/, 'e'), stem.replace(/er$/, ''), stem.replace(/ful$/, '')].some((s) => s !== stem && s.length > 1 && (familiar.has(s) || extra.has(s)))
}

/** Vocabulary of a text. */
export interface Vocabulary {
  words: number
  sentences: number
  /** Unique unfamiliar words, most frequent first. */
  unfamiliar: string[]
  /** New Dale-Chall score (under 5: grade 4 and below; under 6: grades 5-6; under 7: grades 7-8). */
  score: number
  /** The grade range of the score, e.g. `[5, 6]`. */
  grades: [number, number]
}

/**
 * Score sentences with New Dale-Chall.
 *
 * @param sentences Sentences from {@link readability}.
 * @param extra More familiar words (lower case).
 * @returns Counts, the unfamiliar words and the score.
 */
export function vocabulary(sentences: readonly SentenceScore[], extra: ReadonlySet<string> = programSet): Vocabulary {
  const counts = new Map<string, number>()
  let words = 0
  for (const sentence of sentences) {
    for (const {segment, isWordLike} of wordSegmenter.segment(sentence.text)) {
      if (!isWordLike) continue
      words++
      // A capital at a sentence start is not a name.
      const word = segment === sentence.text.slice(0, segment.length) ? segment.toLowerCase() : segment
      if (!isFamiliar(word, extra)) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1)
    }
  }
  const unfamiliar = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0])).map(([word]) => word)
  const score = words === 0 ? 0 : daleChallFormula({word: words, sentence: Math.max(1, sentences.length), difficultWord: unfamiliar.length})
  return {words, sentences: sentences.length, unfamiliar, score: Math.round(score * 10) / 10, grades: daleChallGradeLevel(score) as [number, number]}
}
