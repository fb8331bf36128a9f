/**
 * The computed agenda of a session: each timed part with its start offset,
 * in order (check-in, topic, each exercise, check-out).
 */
import type {ModuleSections} from './sections.js'

/** One line of the agenda. */
export interface AgendaItem {
  label: string
  /** Minutes from the start of the session. */
  start: number
  minutes: number
}

/**
 * The timed parts in order: check-in, topic, each exercise, check-out.
 *
 * @param sections Split sections.
 * @returns Agenda items with start offsets.
 */
export function agenda(sections: ModuleSections): AgendaItem[] {
  const items: AgendaItem[] = []
  let start = 0
  const add = (label: string, minutes: number | undefined) => {
    if (minutes === undefined) return
    items.push({label, start, minutes})
    start += minutes
  }

  add('Check-in', sections.byKind['check-in']?.minutes)
  add('Topic', sections.byKind.topic?.minutes)
  for (const exercise of sections.byKind.exercises?.parts ?? []) add(exercise.title, exercise.minutes)
  add('Check-out', sections.byKind['check-out']?.minutes)
  return items
}

/**
 * Minutes from a session's start at which each of its modules begins: they
 * run back to back, so a guide's or packet's clock continues across them.
 *
 * @param modules Valid modules, in session order.
 * @returns One offset per module, the first 0.
 */
export function moduleStarts(modules: ReadonlyArray<{meta?: {minutes: number}}>): number[] {
  let offset = 0
  return modules.map((module) => {
    const start = offset
    offset += module.meta!.minutes
    return start
  })
}
