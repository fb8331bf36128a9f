/**
 * The lint cache a run uses when a caller names none: the CLI opens one per
 * command (unless `--no-cache`) and saves it when the command ends; a program
 * using the library gets none unless it opens one (openLintCache).
 */
import type {LintCache} from './lint-cache.js'

let current: LintCache | undefined

/**
 * Use a cache for lint runs that name none, or none again.
 *
 * @param cache The cache, or `undefined`.
 */
export function useLintCache(cache: LintCache | undefined): void {
  current = cache
}

/**
 * The cache lint runs use by default.
 *
 * @returns The cache, or `undefined`.
 */
export function defaultLintCache(): LintCache | undefined {
  return current
}
