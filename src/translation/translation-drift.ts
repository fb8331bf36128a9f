/**
 * Whether a translation has fallen behind its English module: the recorded
 * source hashes compared with the English text as it is now.
 */
import type {SessionModule} from '../module/parse-module.js'
import type {Translation} from './parse-translation.js'
import {sourceHashes} from './source-hashes.js'

/** How a translation stands against its English module. */
export interface Drift {
  /** False when the translation has no `source` yet (never marked). */
  marked: boolean
  /** Whether the English objectives changed since the mark. */
  objectives: boolean
  /** English titles of handouts that changed, were added or renamed since the mark. */
  handouts: string[]
}

/**
 * Compare a translation's recorded source with the English module.
 *
 * @param translation A translation with valid frontmatter.
 * @param module Its valid English module.
 * @returns What drifted; nothing when up to date.
 */
export function translationDrift(translation: Translation, module: SessionModule): Drift {
  const recorded = translation.meta?.source
  if (!recorded) return {marked: false, objectives: false, handouts: []}
  const now = sourceHashes(module)
  return {
    marked: true,
    objectives: now.objectives !== recorded.objectives,
    handouts: Object.entries(now.handouts)
      .filter(([title, hash]) => recorded.handouts[title] !== hash)
      .map(([title]) => title)
  }
}

/**
 * Whether a drift report says "up to date".
 *
 * @param drift A drift report.
 * @returns True when marked and nothing changed.
 */
export function isUpToDate(drift: Drift): boolean {
  return drift.marked && !drift.objectives && drift.handouts.length === 0
}
