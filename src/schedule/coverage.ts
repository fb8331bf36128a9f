/**
 * Rolling-admission coverage. A track is an open group: its deliveries over
 * the program period repeat while the program runs, and a client who joins
 * at any session stays the program's length, so they receive one full
 * period, starting wherever they joined. Where they join cannot change which
 * modules they get (only modules the period never delivers are missed), but
 * it changes the order: a joiner can meet a module before the modules it
 * requires. The worst entry is the one with the most such pairs.
 */
import type {Schedule} from './assemble.js'

/** Coverage of one track. */
export interface TrackCoverage {
  group: string
  pool: number
  /** Modules of this track a full stay delivers. */
  perStay: number
  /** Distinct modules every joiner receives. */
  worstReceived: number
  /** Program week of the worst entry (most out-of-order pairs); undefined when every entry is equal. */
  worstEntryWeek: number | undefined
  /** Modules no joiner receives (the period never delivers them), sorted. */
  canMiss: string[]
  /** For the worst entry: modules received before a module they require (`module<required`). */
  outOfOrder: string[]
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
    const delivered = schedule.sessions.filter((s) => s.group === group).flatMap((s) => s.modules.map((m) => ({id: m.meta!.id, week: s.week})))
    const ids = delivered.map((d) => d.id)
    const received = new Set(ids)
    const requires = new Map(pool.map((m) => [m.meta!.id, m.meta!.requires.filter((r) => received.has(r))]))
    let worst = {broken: [] as string[], offset: -1}
    const counts = new Set<number>()

    // Each entry point sees the period rotated to start there.
    for (let offset = 0; offset < ids.length; offset++) {
      const seen = new Set<string>()
      const broken: string[] = []
      for (let k = 0; k < ids.length; k++) {
        const id = ids[(offset + k) % ids.length]
        if (!seen.has(id)) {
          for (const required of requires.get(id) ?? []) if (!seen.has(required)) broken.push(`${id}<${required}`)
          seen.add(id)
        }
      }
      counts.add(broken.length)
      if (broken.length > worst.broken.length) worst = {broken, offset}
    }

    result.push({
      group,
      pool: pool.length,
      perStay: ids.length,
      worstReceived: received.size,
      worstEntryWeek: counts.size > 1 && worst.offset >= 0 ? delivered[worst.offset].week : undefined,
      canMiss: pool.map((m) => m.meta!.id).filter((id) => !received.has(id)).sort(),
      outOfOrder: counts.size > 1 ? worst.broken : [...new Set(worst.broken)]
    })
  }
  return result
}
