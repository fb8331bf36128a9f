/**
 * Rolling-admission coverage. Each track is an open group whose ordered pool
 * cycles without end; a client who joins at any point receives the next N
 * modules of that cycle, where N is what a full stay delivers. So coverage
 * depends only on where in the cycle a client joins.
 */
import type {Schedule} from './assemble.js'

/** Coverage of one track. */
export interface TrackCoverage {
  group: string
  pool: number
  /** Modules of this track a full stay delivers. */
  perStay: number
  /** Fewest distinct modules any joiner receives. */
  worstReceived: number
  /** Program week in which the worst-placed joiner starts this track, if it falls in the schedule. */
  worstEntryWeek: number | undefined
  /** Every module some joiner can miss, sorted. */
  canMiss: string[]
}

/**
 * Coverage per track.
 *
 * @param schedule The schedule.
 * @returns One entry per track, by group id.
 */
export function coverage(schedule: Schedule): TrackCoverage[] {
  const result: TrackCoverage[] = []
  for (const [group, pool] of [...schedule.tracks].sort(([a], [b]) => a.localeCompare(b))) {
    const deliveries = schedule.sessions.filter((s) => s.group === group).flatMap((s) => s.modules.map(() => s.week))
    const perStay = deliveries.length
    const ids = pool.map((m) => m.meta!.id)
    const canMiss = new Set<string>()
    let worstReceived = pool.length
    let worstOffset = 0
    for (let offset = 0; offset < pool.length; offset++) {
      const received = new Set<string>()
      for (let k = 0; k < Math.min(perStay, pool.length); k++) received.add(ids[(offset + k) % ids.length])
      for (const id of ids) if (!received.has(id)) canMiss.add(id)
      if (received.size < worstReceived) {
        worstReceived = received.size
        worstOffset = offset
      }
    }
    if (pool.length === 0) worstReceived = 0
    result.push({
      group,
      pool: pool.length,
      perStay,
      worstReceived,
      worstEntryWeek: worstReceived < pool.length ? deliveries[worstOffset] : undefined,
      canMiss: [...canMiss].sort()
    })
  }
  return result
}
