/**
 * The `::scale` leaf directive, a "circle one" rating scale such as
 * `::scale{from=0 to=10 low="none" high="strongest"}`, or one of words,
 * `::scale{choices="Not at all|A little|Some|A lot"}`: what its attributes
 * mean, what is wrong with them (for lint), and the safe reading every
 * renderer uses. Labels are author text and are only ever used as text.
 */

/** A rating scale as renderers draw it. */
export interface Scale {
  /** First number, 0 to 9. */
  from: number
  /** Last number, from + 1 to 10. */
  to: number
  /** Words for the low end (may be empty). */
  low: string
  /** Words for the high end (may be empty). */
  high: string
  /** Words to circle instead of numbers (`choices="A|B|C"`); empty for a number scale. */
  choices: string[]
}

/** Longest end label, in characters: a few plain words fit beside a box. */
export const scaleLabelMax = 30

/** Longest word choice, in characters. */
export const scaleChoiceMax = 20

const known = new Set(['from', 'to', 'low', 'high'])
const whole = /^(?:\d|10)$/

type Attributes = Record<string, string | null | undefined> | null | undefined

/**
 * What is wrong with a `::scale` directive's attributes, as messages.
 *
 * @param attributes The directive's attributes.
 * @returns Problems; empty when the scale is well formed.
 */
export function scaleProblems(attributes: Attributes): string[] {
  const problems: string[] = []
  const attrs = attributes ?? {}
  if (attrs.choices !== undefined && attrs.choices !== null) return choiceProblems(attrs)
  for (const name of Object.keys(attrs)) {
    if (!known.has(name)) problems.push(`Unexpected attribute \`${name}\` in \`::scale\`, expected only \`from\`, \`to\`, \`low\` and \`high\` (or \`choices\` alone)`)
  }
  for (const name of ['from', 'to'] as const) {
    const value = attrs[name]
    if (value !== undefined && value !== null && !whole.test(value)) problems.push(`Unexpected \`${name}=${value}\` in \`::scale\`, expected a whole number from 0 to 10`)
  }
  const from = attrs.from ?? '0'
  const to = attrs.to ?? '10'
  if (whole.test(from) && whole.test(to) && Number(from) >= Number(to)) {
    problems.push(`Unexpected \`from=${from} to=${to}\` in \`::scale\`, expected \`from\` smaller than \`to\` (at least two boxes, at most 0 to 10)`)
  }
  for (const name of ['low', 'high'] as const) {
    const value = attrs[name]
    if (value === undefined || value === null || value.trim() === '') {
      problems.push(`Missing \`${name}="…"\` in \`::scale\`, expected words for the ${name} end, e.g. \`${name}="${name === 'low' ? 'none' : 'strongest'}"\``)
    } else if (value.length > scaleLabelMax || /[\r\n]/.test(value)) {
      problems.push(`Unexpected ${value.length}-character \`${name}\` label in \`::scale\`, expected short text (at most ${scaleLabelMax} characters on one line)`)
    }
  }
  return problems
}

/** Problems of a scale of words: 2 to 6 short choices, and no other attribute. */
function choiceProblems(attrs: Record<string, string | null | undefined>): string[] {
  const problems: string[] = []
  for (const name of Object.keys(attrs)) {
    if (name !== 'choices') problems.push(`Unexpected attribute \`${name}\` in \`::scale{choices=…}\`, expected \`choices\` alone (the words are the labels)`)
  }
  const choices = (attrs.choices ?? '').split('|').map((choice) => choice.trim())
  if (choices.length < 2 || choices.length > 6 || choices.some((choice) => choice === '')) {
    problems.push(`Unexpected \`choices="${(attrs.choices ?? '').slice(0, 60)}"\` in \`::scale\`, expected 2 to 6 words or short phrases separated by \`|\`, e.g. \`choices="Not at all|A little|A lot"\``)
  }
  for (const choice of choices) {
    if (choice.length > scaleChoiceMax || /[\r\n]/.test(choice)) problems.push(`Unexpected ${choice.length}-character choice in \`::scale\`, expected short text (at most ${scaleChoiceMax} characters on one line)`)
  }
  return problems
}

/**
 * The scale a renderer draws, whatever the attributes say: numbers clamped
 * to 0-10 with at least two boxes, labels trimmed to one short line.
 *
 * @param attributes The directive's attributes.
 * @returns A drawable scale.
 */
export function readScale(attributes: Attributes): Scale {
  const attrs = attributes ?? {}
  const number = (value: string | null | undefined, fallback: number) => {
    const n = Number.parseInt(value ?? '', 10)
    return Number.isFinite(n) ? Math.min(10, Math.max(0, n)) : fallback
  }
  let from = number(attrs.from, 0)
  let to = number(attrs.to, 10)
  if (from >= to) [from, to] = [0, 10]
  const label = (value: string | null | undefined, max = scaleLabelMax) => (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max)
  const choices = (attrs.choices ?? '').split('|').map((choice) => label(choice, scaleChoiceMax)).filter(Boolean).slice(0, 6)
  return {from, to, low: label(attrs.low), high: label(attrs.high), choices: choices.length >= 2 ? choices : []}
}

/**
 * What is written in the boxes of a scale, in order.
 *
 * @param scale A drawable scale.
 * @returns The choices, or the numbers `from` to `to`.
 */
export function scaleBoxes(scale: Scale): string[] {
  if (scale.choices.length > 0) return scale.choices
  return Array.from({length: scale.to - scale.from + 1}, (_, index) => String(scale.from + index))
}

/**
 * A scale as one plain line, for Markdown and plain text:
 * `0  1  2 … 10   (0 = none, 10 = strongest)`, or `Not at all  /  A little  /  A lot`.
 *
 * @param scale A drawable scale.
 * @returns The line.
 */
export function scaleLine(scale: Scale): string {
  if (scale.choices.length > 0) return scale.choices.join('  /  ')
  const ends = [scale.low && `${scale.from} = ${scale.low}`, scale.high && `${scale.to} = ${scale.high}`].filter(Boolean)
  return scaleBoxes(scale).join('  ') + (ends.length > 0 ? `   (${ends.join(', ')})` : '')
}
