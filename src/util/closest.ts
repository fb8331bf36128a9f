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
