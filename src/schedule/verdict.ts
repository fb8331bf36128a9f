/**
 * The one verdict on a schedule: does it meet its ASAM level, and which
 * findings say why or why not. Computed once per assembly from the hours and
 * findings; stdout, index.html and curriculum.json all print this object and
 * never judge again, so they cannot disagree.
 */
import {defaultHourBands, type HourBands} from '../config/defaults.js'
import type {Schedule} from './assemble.js'
import {levelRange, type Finding, type WeekHours} from './checks.js'

/** The verdict on a schedule. */
export interface Verdict {
  /** ASAM level checked against. */
  level: string
  population: string
  /** Weekly hours of the level: from `min` to under `max` (`null`: no upper bound). */
  band: {min: number; max: number | null}
  /** True only when no finding is an error. */
  meets: boolean
  /** The verdict in one sentence, the same in every output. */
  headline: string
  /** Hours of every program week, partial weeks marked. */
  weeks: WeekHours[]
  /** Every finding: errors, then warnings, then notes. */
  findings: Finding[]
  errors: number
  warnings: number
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The verdict on a schedule. Pure: the same inputs give the same verdict.
 *
 * @param schedule The schedule (for its program's level and population).
 * @param hours Hours per week (checks.ts `weeklyHours`).
 * @param findings Findings (checks.ts `checkSchedule`).
 * @param bands ASAM hour bands (default: domain defaults).
 * @returns The verdict.
 */
export function verdict(schedule: Schedule, hours: WeekHours[], findings: Finding[], bands: HourBands = defaultHourBands): Verdict {
  const {level, population} = schedule.program
  const [min, max] = levelRange(level, population, bands)
  const errors = findings.filter((f) => f.severity === 'error')
  const meets = errors.length === 0
  const who = `ASAM ${level} for ${population}s`
  let headline: string
  if (meets) {
    const full = hours.filter((w) => !w.partial).length
    const partial = hours.filter((w) => w.partial).map((w) => w.week)
    const range = max === Infinity ? `${min} h or more` : min === 0 ? `under ${max} h` : `${min} to under ${max} h`
    headline = `Meets ${who}: ${range} in ${full === 1 ? 'its 1 full week' : `each of the ${full} full weeks`}${partial.length > 0 ? ` (partial ${partial.length === 1 ? 'week' : 'weeks'} ${partial.join(', ')} not judged)` : ''}.`
  } else {
    headline = `Does not meet ${who}: ${errors.map((f) => reason(f, min, max)).join('; ')}.`
  }
  return {
    level,
    population,
    band: {min, max: max === Infinity ? null : max},
    meets,
    headline,
    weeks: hours,
    findings,
    errors: errors.length,
    warnings: findings.filter((f) => f.severity === 'warning').length
  }
}

/** A few words for an error in the headline; the finding itself has the detail. */
function reason(finding: Finding, min: number, max: number): string {
  const weeks = finding.weeks.length
  switch (finding.code) {
    case 'hours-under': {
      return `${plural(weeks, 'full week')} under ${min} h`
    }

    case 'hours-over': {
      return `${plural(weeks, 'week')} at or over ${max} h`
    }

    case 'empty-session': {
      return `${plural(finding.sessions?.length ?? 0, 'session')} with no module`
    }

    case 'no-full-week': {
      return 'no full week to check'
    }

    default: {
      return finding.message
    }
  }
}
