/**
 * Rolling-admission coverage. Each track is an open group whose ordered pool
 * cycles without end; a client who joins at any point receives the next N
 * modules of that cycle, where N is what a full stay delivers. Where they
 * join decides which modules they miss (when N is short of the pool) and
 * which modules reach them before the modules those require.
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
  /** Program week of the worst-placed entry (most missed, then most out of order); undefined when every entry is equal. */
  worstEntryWeek: number | undefined
  /** Every module some joiner can miss, sorted. */
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
    const sessions = schedule.sessions.filter((s) => s.group === group)
    // The order modules actually run in, and the week each delivery falls in.
    const delivered = sessions.flatMap((s) => s.modules.map((m) => ({id: m.meta!.id, week: s.week})))
    const perStay = delivered.length
    const cycle = delivered.slice(0, pool.length).map((d) => d.id)
    const requires = new Map(pool.map((m) => [m.meta!.id, m.meta!.requires]))
    const canMiss = new Set<string>()
    let worst = {received: pool.length, broken: [] as string[], offset: -1}
    const period = Math.max(cycle.length, 1)
    const scores = new Set<string>()

    for (let offset = 0; offset < cycle.length; offset++) {
      const window = Array.from({length: Math.min(perStay, period)}, (_, k) => cycle[(offset + k) % period])
      const received = new Set(window)
      for (const module of pool) if (!received.has(module.meta!.id)) canMiss.add(module.meta!.id)
      const seen = new Set<string>()
      const broken: string[] = []
      for (const id of window) {
        for (const required of requires.get(id) ?? []) {
          const pair = `${id}<${required}`
          if (requires.has(required) && !seen.has(required) && !broken.includes(pair)) broken.push(pair)
        }
        seen.add(id)
      }
      scores.add(`${received.size}/${broken.length}`)
      if (received.size < worst.received || (received.size === worst.received && broken.length > worst.broken.length)) {
        worst = {received: received.size, broken, offset}
      }
    }
    if (cycle.length === 0) worst.received = 0

    result.push({
      group,
      pool: pool.length,
      perStay,
      worstReceived: worst.received,
      worstEntryWeek: worst.offset >= 0 && scores.size > 1 ? delivered[worst.offset].week : undefined,
      canMiss: [...canMiss].sort(),
      outOfOrder: worst.broken
    })
  }
  return result
}
