/**
 * Checks on an assembled schedule: weekly hours against the ASAM level,
 * program length, empty sessions, unfilled minutes, `requires` order and
 * pool size. Each finding names, in full, the weeks it concerns. The one
 * verdict drawn from them is in verdict.ts.
 */
import {defaultHourBands, type HourBands} from '../config/defaults.js'
import type {Schedule} from './assemble.js'

/** One finding. */
export interface Finding {
  /** `error` makes the verdict negative; `note` only explains the report. */
  severity: 'error' | 'warning' | 'note'
  code: 'hours-under' | 'hours-over' | 'no-full-week' | 'partial-week' | 'length' | 'empty-session' | 'requires-order' | 'pool-small' | 'never-scheduled' | 'leftover' | 'holiday-outside'
  message: string
  weeks: number[]
  /** Session numbers concerned, for findings about sessions. */
  sessions?: number[]
}

/** Hours in one program week. */
export interface WeekHours {
  week: number
  /** Days of the program period in this week: 7, or fewer for a short last week. */
  days: number
  hours: number
  /** Fewer than 7 days: shown, and not judged against the weekly minimum. */
  partial: boolean
  /** `partial`: a partial week under the band's top, not judged. */
  status: 'ok' | 'under' | 'over' | 'partial'
}

/**
 * Hours per program week, from scheduled slot minutes. A partial week (fewer
 * than 7 days of the program period) cannot be held to a weekly minimum, so
 * it is only judged against the band's top: hours at or over it in fewer
 * days are over whatever the length of the week.
 *
 * @param schedule The schedule.
 * @param bands ASAM hour bands (default: domain defaults).
 * @returns One row per week of the program period.
 */
export function weeklyHours(schedule: Schedule, bands: HourBands = defaultHourBands): WeekHours[] {
  const {program} = schedule
  const weeks = Math.ceil(program.days / 7)
  const minutes = new Array<number>(weeks).fill(0)
  for (const session of schedule.sessions) minutes[session.week - 1] += session.minutes
  const [min, max] = levelRange(program.level, program.population, bands)
  return minutes.map((m, index) => {
    const hours = Math.round((m / 60) * 100) / 100
    const days = Math.min(7, program.days - index * 7)
    const partial = days < 7
    const status = hours >= max ? 'over' : partial ? 'partial' : hours < min ? 'under' : 'ok'
    return {week: index + 1, days, hours, partial, status}
  })
}

/**
 * Weekly hour range [min, max) of an ASAM level.
 *
 * @returns Minimum and the bound where the next level starts.
 */
export function levelRange(level: string, population: string, bands: HourBands = defaultHourBands): [number, number] {
  const intensive = population === 'adolescent' ? bands.adolescentMin : bands.adultMin
  if (level === '1') return [0, intensive]
  if (level === '2.5') return [bands.partialHospitalization, Infinity]
  return [intensive, bands.partialHospitalization]
}

// Every week named: a reviewer must not have to guess what "…" hid.
const weekList = (weeks: number[]): string => (weeks.length === 1 ? `week ${weeks[0]}` : `weeks ${weeks.join(', ')}`)

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * Run every check.
 *
 * @param schedule The schedule.
 * @param bands ASAM hour bands (optional).
 * @param hours Hours per week, when already computed (default: from the schedule).
 * @returns Findings: errors, then warnings, then notes.
 */
export function checkSchedule(schedule: Schedule, bands: HourBands = defaultHourBands, hours: WeekHours[] = weeklyHours(schedule, bands)): Finding[] {
  const findings: Finding[] = []
  const {program} = schedule
  const [min, max] = levelRange(program.level, program.population, bands)

  const byHours = (w: WeekHours) => `week ${w.week}: ${w.hours} h`
  const under = hours.filter((w) => w.status === 'under')
  if (under.length > 0) {
    findings.push({
      severity: 'error',
      code: 'hours-under',
      message: `${weekList(under.map((w) => w.week))} under the ASAM ${program.level} minimum of ${min} h/week for ${program.population}s (${under.map(byHours).join('; ')})`,
      weeks: under.map((w) => w.week)
    })
  }
  const over = hours.filter((w) => w.status === 'over')
  if (over.length > 0) {
    findings.push({
      severity: 'error',
      code: 'hours-over',
      message: `${weekList(over.map((w) => w.week))} at or over ${max} h/week, the range of ${program.level === '1' ? 'level 2.1' : 'level 2.5 (partial hospitalization)'} (${over.map(byHours).join('; ')})`,
      weeks: over.map((w) => w.week)
    })
  }
  // A program shorter than a week has no week to hold to the minimum: that
  // is not a pass.
  if (hours.every((w) => w.partial)) {
    findings.push({severity: 'error', code: 'no-full-week', message: `no full week to check against the ASAM ${program.level} minimum of ${min} h/week: the program is ${plural(program.days, 'day')}`, weeks: hours.map((w) => w.week)})
  }
  const partial = hours.filter((w) => w.partial)
  if (partial.length > 0) {
    findings.push({
      severity: 'note',
      code: 'partial-week',
      message: `${partial.map((w) => `week ${w.week} is partial (${w.days} of 7 days, ${w.hours} h)`).join('; ')}: shown, not judged against the ${min > 0 ? `${min} h/week ` : 'weekly '}minimum`,
      weeks: partial.map((w) => w.week)
    })
  }

  if (program.days < bands.minDays) {
    findings.push({severity: 'warning', code: 'length', message: `program of ${program.days} days, shorter than the ${bands.minDays}-day minimum stay (NIDA)`, weeks: []})
  }

  const empty = schedule.sessions.filter((s) => s.modules.length === 0)
  if (empty.length > 0) {
    const weeks = [...new Set(empty.map((s) => s.week))]
    findings.push({
      severity: 'error',
      code: 'empty-session',
      message: `${plural(empty.length, 'session')} with no module (${[...new Set(empty.map((s) => `${s.group} ${s.minutes} min`))].join('; ')}): no module of that group fits the slot, in ${weekList(weeks)}`,
      weeks,
      sessions: empty.map((s) => s.number)
    })
  }

  const delivered = new Set<string>()
  const missing = new Map<string, {weeks: Set<number>; requires: Set<string>}>()
  for (const session of schedule.sessions) {
    for (const module of session.modules) {
      const meta = module.meta!
      for (const id of meta.requires) {
        if (delivered.has(id)) continue
        const entry = missing.get(meta.id) ?? {weeks: new Set(), requires: new Set()}
        entry.weeks.add(session.week)
        entry.requires.add(id)
        missing.set(meta.id, entry)
      }
      delivered.add(meta.id)
    }
  }
  for (const [id, entry] of [...missing].sort(([a], [b]) => a.localeCompare(b))) {
    const weeks = [...entry.weeks].sort((a, b) => a - b)
    findings.push({severity: 'warning', code: 'requires-order', message: `\`${id}\` runs in ${weekList(weeks)} before its required ${[...entry.requires].map((r) => '`' + r + '`').join(', ')} has been scheduled`, weeks})
  }

  for (const [group, pool] of schedule.tracks) {
    const slots = schedule.sessions.filter((s) => s.group === group).reduce((sum, s) => sum + s.modules.length, 0)
    if (pool.length === 0) continue
    if (pool.length < slots) {
      findings.push({severity: 'warning', code: 'pool-small', message: `${group}: ${pool.length} module${pool.length === 1 ? '' : 's'} for ${slots} module slots in a stay, so modules repeat (each about ${(slots / pool.length).toFixed(1)} times); add modules for more variety`, weeks: []})
    }
  }

  for (const [group, pool] of schedule.tracks) {
    const sessions = schedule.sessions.filter((s) => s.group === group)
    const longest = Math.max(0, ...sessions.map((s) => s.minutes))
    const delivered = sessions.reduce((sum, s) => sum + s.modules.length, 0)
    const never = pool.filter((m) => !schedule.runs.has(m.meta!.id)).sort((a, b) => a.meta!.id.localeCompare(b.meta!.id))
    for (const module of never) {
      const why = module.meta!.minutes > longest ? `longer than every ${group} slot (${longest} min at most)` : delivered < pool.length ? `the ${group} track runs only ${delivered} module${delivered === 1 ? '' : 's'} for a pool of ${pool.length}` : 'no slot had room for it'
      findings.push({severity: 'warning', code: 'never-scheduled', message: `\`${module.meta!.id}\` (${module.meta!.minutes} min) never runs: ${why}`, weeks: []})
    }
  }

  const leftover = schedule.sessions.filter((s) => s.leftover > 0 && s.modules.length > 0)
  if (leftover.length > 0) {
    const weeks = [...new Set(leftover.map((s) => s.week))]
    findings.push({
      severity: 'warning',
      code: 'leftover',
      message: `${plural(leftover.length, 'session')} with unfilled minutes (${[...new Set(leftover.map((s) => `${s.group}: ${s.leftover} of ${s.minutes} min`))].join('; ')}), in ${weekList(weeks)}`,
      weeks,
      sessions: leftover.map((s) => s.number)
    })
  }

  const rank = {error: 0, warning: 1, note: 2}
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity])
}
