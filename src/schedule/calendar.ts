/**
 * Calendar arithmetic on plain dates (Temporal, via temporal-polyfill): no
 * time zones, no daylight-saving surprises. A program week is the 7 days
 * from the start date, not a calendar week.
 */
import {Temporal} from 'temporal-polyfill'
import {UserError} from '../util/user-error.js'
import type {Program, Weekday} from './program-schema.js'
import {weekdays} from './program-schema.js'

/** A group meeting on a date, before modules are placed. */
export interface Slot {
  date: string
  /** Program week, from 1. */
  week: number
  /** Start time `HH:MM`. */
  start: string
  group: string
  minutes: number
  /** Room, from the group entry or its block. */
  room?: string
  /** Facilitator (a staff role or name), from the group entry or its block. */
  facilitator?: string
}

/**
 * Parse a `YYYY-MM-DD` date, rejecting impossible ones such as 2027-02-30.
 *
 * @param value The date text.
 * @param what What it is, for the message.
 * @returns A plain date.
 */
export function plainDate(value: string, what = 'date'): Temporal.PlainDate {
  try {
    return Temporal.PlainDate.from(value, {overflow: 'reject'})
  } catch {
    throw new UserError(`Unexpected ${what} \`${value}\`, expected a real date as YYYY-MM-DD`)
  }
}

/**
 * Add minutes to a `HH:MM` time.
 *
 * @returns `HH:MM` (may pass 24:00 only within the same day's arithmetic).
 */
export function addMinutes(time: string, minutes: number): string {
  const t = Temporal.PlainTime.from(time).add({minutes})
  return t.toString().slice(0, 5)
}

/**
 * The last date of the program period.
 *
 * @param program A validated program.
 * @returns `YYYY-MM-DD`.
 */
export function lastDay(program: Program): string {
  return plainDate(program.start, 'start date').add({days: program.days - 1}).toString()
}

/**
 * The program's holidays, split into those inside its period (closed days)
 * and those outside it (which change nothing), each sorted without repeats.
 *
 * @param program A validated program.
 * @returns Closed days and holidays outside the period.
 */
export function splitHolidays(program: Program): {closed: string[]; outside: string[]} {
  const first = program.start
  const last = lastDay(program)
  const all = [...new Set(program.holidays.map((h) => plainDate(h, 'holiday').toString()))].sort()
  return {closed: all.filter((h) => h >= first && h <= last), outside: all.filter((h) => h < first || h > last)}
}

/**
 * How many slots {@link layOutSlots} would make, counted without making them,
 * so an oversized program is refused before any work.
 *
 * @param program A validated program.
 * @returns The number of sessions.
 */
export function countSlots(program: Program): number {
  const start = plainDate(program.start, 'start date')
  const holidays = new Set(program.holidays.map((h) => plainDate(h, 'holiday').toString()))
  let count = 0
  for (let offset = 0; offset < program.days; offset++) {
    const date = start.add({days: offset})
    if (holidays.has(date.toString())) continue
    const week = Math.floor(offset / 7) + 1
    const day: Weekday = weekdays[date.dayOfWeek - 1]
    for (const block of program.blocks) {
      if (week >= block.weeks[0] && week <= block.weeks[1] && block.meets.includes(day)) count += block.groups.length
    }
  }
  return count
}

/**
 * Every group meeting in the program period, skipping holidays, in order of
 * date, then start time.
 *
 * @param program A validated program.
 * @returns Slots.
 */
export function layOutSlots(program: Program): Slot[] {
  const start = plainDate(program.start, 'start date')
  const holidays = new Set(program.holidays.map((h) => plainDate(h, 'holiday').toString()))
  const slots: Slot[] = []
  for (let offset = 0; offset < program.days; offset++) {
    const date = start.add({days: offset})
    const key = date.toString()
    if (holidays.has(key)) continue
    const week = Math.floor(offset / 7) + 1
    const day: Weekday = weekdays[date.dayOfWeek - 1]
    for (const block of program.blocks) {
      if (week < block.weeks[0] || week > block.weeks[1] || !block.meets.includes(day)) continue
      let time = block.at
      for (const slot of block.groups) {
        const room = slot.room ?? block.room
        const facilitator = slot.facilitator ?? block.facilitator
        slots.push({date: key, week, start: time, group: slot.group, minutes: slot.minutes, ...(room && {room}), ...(facilitator && {facilitator})})
        time = addMinutes(time, slot.minutes)
      }
    }
  }
  return slots.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
}
