/**
 * Assembly: places modules into every slot. Each group type is a track that
 * runs its ordered pool as an open group, cycling when the pool runs out;
 * a slot takes as many whole modules as fit, never more than its length.
 */
import {groupTitle} from '../config/curriculum-config.js'
import type {Curriculum} from '../curriculum/load-curriculum.js'
import {UserError} from '../util/user-error.js'
import type {SessionModule} from '../module/parse-module.js'
import {layOutSlots, type Slot} from './calendar.js'
import {orderModules} from './order-modules.js'
import {programTooLarge} from './program-limits.js'
import type {Program} from './program-schema.js'

/** A scheduled session: one group's meeting on a date, with its modules. */
export interface Session extends Slot {
  /** 1-based number in the binder. */
  number: number
  modules: SessionModule[]
  /** Minutes of the slot no module filled. */
  leftover: number
}

/** An assembled schedule. */
export interface Schedule {
  program: Program
  sessions: Session[]
  /** Each track's pool in run order. */
  tracks: Map<string, SessionModule[]>
  /** How many times each module runs. */
  runs: Map<string, number>
  /** Display name of each group in the schedule (from the curriculum's group types). */
  groupTitles: Map<string, string>
}

/**
 * Assemble a program from a curriculum.
 *
 * @param program A validated program.
 * @param curriculum The module library (valid modules only are used).
 * @returns The schedule.
 */
export function assemble(program: Program, curriculum: Curriculum): Schedule {
  // readProgram refuses these with a place; this guards programs built in code.
  const tooLarge = programTooLarge(program)
  if (tooLarge) throw new UserError(tooLarge)
  const slots = layOutSlots(program)
  const groups = [...new Set(slots.map((s) => s.group))].sort()
  const groupTitles = new Map(groups.map((g) => [g, curriculum.config.groups.find((known) => known.id === g)?.title ?? groupTitle(g)]))
  const tracks = new Map<string, SessionModule[]>()
  for (const group of groups) {
    const pool = [...curriculum.byId.values()].filter((m) => m.meta!.group === group && audienceFits(m, program.population))
    // Modules written for this population alone (a teen set) run before those
    // written for everyone, so an adolescent program starts with its own.
    const own = pool.filter((m) => writtenFor(m, program.population))
    tracks.set(group, [...orderModules(own), ...orderModules(pool.filter((m) => !own.includes(m)))])
  }

  // A track with more modules than a stay has room for is cut: its `core`
  // modules are kept first, the others fill what is left, and what runs keeps
  // the run order. Without core modules the cut falls at the end, as before.
  const first = fillSlots(slots, tracks)
  for (const group of groups) {
    const track = tracks.get(group)!
    const room = track.filter((m) => first.runs.has(m.meta!.id)).length
    // Modules written for the population alone count as core for it.
    const kept = (m: SessionModule) => m.meta!.core === true || writtenFor(m, program.population)
    if (room >= track.length || !track.some(kept)) continue
    const core = track.filter(kept).slice(0, room)
    const fill = track.filter((m) => !kept(m)).slice(0, Math.max(0, room - core.length))
    const chosen = track.filter((m) => core.includes(m) || fill.includes(m))
    tracks.set(group, [...chosen, ...track.filter((m) => !chosen.includes(m))])
  }
  const {sessions, runs} = fillSlots(slots, tracks)

  return {program, sessions, tracks, runs, groupTitles}
}

// Each track is a rotating list in run order. A slot takes the first module
// that fits and sends it to the back, so a module too long for this slot
// keeps its place for a longer one instead of stalling the track.
function fillSlots(slots: ReturnType<typeof layOutSlots>, tracks: ReadonlyMap<string, SessionModule[]>): {sessions: Session[]; runs: Map<string, number>} {
  const queues = new Map<string, SessionModule[]>([...tracks].map(([g, track]) => [g, [...track]]))
  const runs = new Map<string, number>()
  const sessions: Session[] = slots.map((slot, index) => {
    const queue = queues.get(slot.group) ?? []
    const modules: SessionModule[] = []
    let remaining = slot.minutes
    for (;;) {
      const at = queue.findIndex((m) => m.meta!.minutes <= remaining && !modules.includes(m))
      if (at === -1) break
      const [next] = queue.splice(at, 1)
      queue.push(next)
      modules.push(next)
      remaining -= next.meta!.minutes
      runs.set(next.meta!.id, (runs.get(next.meta!.id) ?? 0) + 1)
    }
    return {...slot, number: index + 1, modules, leftover: remaining}
  })
  return {sessions, runs}
}

function writtenFor(module: SessionModule, population: string): boolean {
  const audience = module.meta!.audience
  return population !== 'adult' && audience.includes(population as 'adolescent') && !audience.includes('adult')
}

function audienceFits(module: SessionModule, population: string): boolean {
  const audience = module.meta!.audience
  // Family sessions serve clients with their families, adults and adolescents alike.
  return audience.includes(population as 'adult') || audience.includes('family')
}
