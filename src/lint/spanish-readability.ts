/**
 * Readability of Spanish client text: the Fernández-Huerta reading ease
 * (1959), in the corrected form that uses words per sentence (Law, 2011), on
 * syllables counted by Spanish vowel nuclei. Sentences are cut per block
 * (paragraph, table cell), as the English measure cuts them.
 *
 * Why a counter of our own: npm has no maintained Spanish syllabifier.
 * `silabea` (1.0.0) ships its test tools as runtime dependencies and has no
 * types; `hyphen`'s TeX Spanish patterns give hyphenation points, which skip
 * one-letter edges and most hiatus ("agua", "ideas", "poeta" come out with one
 * point too few), so they undercount syllables. Spanish syllables follow from
 * the vowels alone: a run of vowels is one syllable unless two strong vowels
 * (a, e, o, or an accented í/ú) meet, which is a hiatus.
 */
import {maxSegmentText} from './readability.js'

/** One Spanish sentence and its ease. */
export interface SpanishSentence {
  text: string
  words: number
  syllables: number
  /** Fernández-Huerta ease of this sentence alone (higher is easier). */
  ease: number
}

/** Fernández-Huerta ease of a text. */
export interface SpanishReadability {
  /** 0-100+ (higher is easier); see {@link easeToGrade}. */
  ease: number
  words: number
  syllables: number
  sentences: SpanishSentence[]
}

const sentenceSegmenter = new Intl.Segmenter('es', {granularity: 'sentence'})
const wordSegmenter = new Intl.Segmenter('es', {granularity: 'word'})
const strong = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú'])
const vowels = new Set([...strong, 'i', 'u', 'ü'])

/**
 * Syllables in one Spanish word.
 *
 * @param word A word (letters; digits count two syllables each, at most six).
 * @returns At least 1.
 */
export function spanishSyllables(word: string): number {
  if (/^\d+$/.test(word)) return Math.min(6, word.length * 2)
  let letters = word.toLowerCase().normalize('NFC').replace(/[^a-záéíóúüñ]/g, '')
  // The `u` of gue, gui, que, qui is silent; `y` ending a word is the vowel i (hoy, muy).
  letters = letters.replace(/([gq])u([eiéí])/g, '$1$2').replace(/y$/, 'i')
  if (letters === 'y') return 1
  let count = 0
  let previous = ''
  for (const letter of letters) {
    if (!vowels.has(letter)) {
      previous = ''
      continue
    }
    // A new nucleus: the first vowel of a run, or two strong vowels side by side (hiatus).
    if (previous === '' || (strong.has(previous) && strong.has(letter))) count++
    previous = letter
  }
  return Math.max(1, count)
}

/**
 * Fernández-Huerta ease from counts: 206.84 − 0.60 × syllables per 100 words
 * − 1.02 × words per sentence.
 *
 * @returns The ease (higher is easier).
 */
export function fernandezHuerta(words: number, syllables: number, sentences: number): number {
  if (words === 0 || sentences === 0) return 100
  return 206.84 - 0.6 * ((syllables / words) * 100) - 1.02 * (words / sentences)
}

/**
 * The school grade Fernández-Huerta's table gives an ease: 90+ grade 4,
 * 80-90 grade 5, 70-80 grade 6, 60-70 grades 7-8, 50-60 high school.
 *
 * @param ease A Fernández-Huerta ease.
 * @returns The grade (8 stands for "7 or 8").
 */
export function easeToGrade(ease: number): number {
  if (ease >= 90) return 4
  if (ease >= 80) return 5
  if (ease >= 70) return 6
  if (ease >= 60) return 8
  if (ease >= 50) return 10
  if (ease >= 30) return 13
  return 16
}

/**
 * Readability of Spanish text blocks.
 *
 * @param blocks Plain text of paragraphs and table cells.
 * @returns Ease, counts and per-sentence scores.
 */
export function spanishReadability(blocks: readonly string[]): SpanishReadability {
  const sentences: SpanishSentence[] = []
  for (const raw of blocks) {
    // A line break inside a paragraph is not a sentence end.
    const block = raw.replace(/\s+/g, ' ')
    for (let from = 0; from < block.length; from += maxSegmentText) {
      for (const {segment} of sentenceSegmenter.segment(block.slice(from, from + maxSegmentText))) {
        const words = [...wordSegmenter.segment(segment)].filter((w) => w.isWordLike).map((w) => w.segment)
        if (words.length === 0) continue
        const syllables = words.reduce((sum, word) => sum + spanishSyllables(word), 0)
        sentences.push({text: segment.trim(), words: words.length, syllables, ease: fernandezHuerta(words.length, syllables, 1)})
      }
    }
  }
  const words = sentences.reduce((sum, s) => sum + s.words, 0)
  const syllables = sentences.reduce((sum, s) => sum + s.syllables, 0)
  return {ease: fernandezHuerta(words, syllables, sentences.length), words, syllables, sentences}
}
