/**
 * The order a group's modules run in: `requires` first (a topological
 * sort), earlier phases first, and tags spread so that neighbours differ.
 */
import {phaseRank} from '../config/defaults.js'
import type {SessionModule} from '../module/parse-module.js'

/**
 * Order a pool of modules.
 *
 * @param pool Valid modules of one group type.
 * @param delivered Ids already delivered before this pool starts (optional).
 * @returns The modules in run order. Modules in a `requires` cycle come last, by id.
 */
export function orderModules(pool: readonly SessionModule[], delivered: ReadonlySet<string> = new Set()): SessionModule[] {
  const byId = new Map(pool.map((m) => [m.meta!.id, m]))
  const done = new Set<string>()
  const order: SessionModule[] = []
  let previousTags = new Set<string>()

  const ready = (m: SessionModule) =>
    m.meta!.requires.every((id) => done.has(id) || delivered.has(id) || !byId.has(id))

  while (order.length < pool.length) {
    const candidates = pool.filter((m) => !done.has(m.meta!.id) && ready(m))
    if (candidates.length === 0) {
      // A cycle (reported by lint): append the rest deterministically.
      for (const m of [...pool].sort((a, b) => a.meta!.id.localeCompare(b.meta!.id))) if (!done.has(m.meta!.id)) order.push(m)
      break
    }
    const rank = Math.min(...candidates.map((m) => phaseRank(m.meta!.phase)))
    const best = candidates
      .filter((m) => phaseRank(m.meta!.phase) === rank)
      .map((m) => ({m, overlap: m.meta!.tags.filter((t) => previousTags.has(t)).length}))
      .sort((a, b) => a.overlap - b.overlap || a.m.meta!.id.localeCompare(b.m.meta!.id))[0].m
    order.push(best)
    done.add(best.meta!.id)
    previousTags = new Set(best.meta!.tags)
  }
  return order
}
