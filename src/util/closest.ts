/**
 * "Did you mean" suggestions by edit distance, for unknown ids and names.
 */
import leven from 'leven'

/**
 * The closest candidates to a value.
 *
 * @param value What the user typed.
 * @param candidates Known values.
 * @param count How many to return (default 3).
 * @returns Up to `count` candidates, nearest first, ties by name.
 */
export function closest(value: string, candidates: readonly string[], count = 3): string[] {
  return candidates
    .map((candidate) => ({candidate, distance: leven(value, candidate) - (candidate.includes(value) || value.includes(candidate) ? value.length / 2 : 0)}))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate)
}

/**
 * The one candidate close enough to be a likely typo: within an edit distance
 * of a third of the value's length (at least 1, at most 3), as "did you mean".
 *
 * @param value What the user typed.
 * @param candidates Known values.
 * @returns The nearest candidate, or `undefined` when none is that close.
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(value.length / 3)))
  const [best] = candidates
    .map((candidate) => ({candidate, distance: leven(value.toLowerCase(), candidate.toLowerCase())}))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
  return best?.candidate
}
