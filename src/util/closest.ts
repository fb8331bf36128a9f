/**
 * "Did you mean" suggestions by edit distance, for unknown ids and names.
 */
import leven from 'leven'

/**
 * The closest candidates to a value, only those near enough to be what the
 * user meant: within an edit distance of 40% of the longer of the two (at
 * least 2), or containing one another. A far-off name helps nobody, so the
 * list may be empty; callers then say what kind of value is expected.
 *
 * @param value What the user typed.
 * @param candidates Known values.
 * @param count How many to return at most (default 3).
 * @returns Up to `count` near candidates, nearest first, ties by name.
 */
export function closest(value: string, candidates: readonly string[], count = 3): string[] {
  const lower = value.toLowerCase()
  return candidates
    .map((candidate) => {
      const other = candidate.toLowerCase()
      const contains = lower.length >= 3 && (other.includes(lower) || lower.includes(other))
      const distance = leven(lower, other)
      return {candidate, distance: distance - (contains ? value.length / 2 : 0), near: contains || distance <= Math.max(2, Math.ceil(Math.max(lower.length, other.length) * 0.4))}
    })
    .filter((entry) => entry.near)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate)
}

/**
 * ` such as \`a\`, \`b\`` for the near candidates, or nothing.
 *
 * @param value What the user typed.
 * @param candidates Known values.
 * @param joiner Between names (default `, `).
 * @returns The phrase, with a leading space, or an empty string.
 */
export function suchAs(value: string, candidates: readonly string[], joiner = ', '): string {
  const near = closest(value, candidates)
  return near.length > 0 ? ' such as ' + near.map((name) => '`' + name + '`').join(joiner) : ''
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
