/**
 * The program file (docs/programs.md): a whole IOP as YAML. One zod schema
 * gives validation, types and the JSON Schema `iop schema program` prints.
 */
import {z} from 'zod'

/** Weekday ids, Monday first (ISO 8601 day numbers 1-7). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD')
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour)')
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case group id')
// One line of plain text: it goes into calendar fields, CSV cells and HTML.
const line = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]*$/u, 'one line of text')
/** Where a group meets; a staff role or name (never client data). */
const room = line(80)
const facilitator = line(80)

/** One group slot in a day's timetable. */
const slotSchema = z
  .object({
    group: kebab.describe('Group type that meets in this slot, e.g. `relapse-prevention`'),
    minutes: z.number().int().min(10).max(480).describe('Length of this group in minutes (10-480)'),
    room: room.optional().describe('Room for this group (a place or staff role, never client data); overrides the block’s'),
    facilitator: facilitator.optional().describe('Facilitator for this group (a name or staff role); overrides the block’s')
  })
  .strict()
  .describe('One group in the day’s timetable, in the order they meet')

/** A block of weeks that meets on some days with a timetable. */
const blockSchema = z
  .object({
    weeks: z.tuple([z.number().int().min(1), z.number().int().min(1)]).describe('First and last program week of this block, e.g. [1, 6]'),
    meets: z.array(z.enum(weekdays)).min(1).describe('Days the program meets in these weeks, e.g. [mon, wed, thu]'),
    at: time.describe('Start time of the first group, HH:MM (24-hour)'),
    groups: z.array(slotSchema).min(1).max(48).describe('The day’s groups, back to back from `at`'),
    room: room.optional().describe('Room for every group in this block (a place, never client data)'),
    facilitator: facilitator.optional().describe('Facilitator for every group in this block (a name or staff role)')
  })
  .strict()
  .describe('A run of weeks with the same days and timetable')

/** Schema of a program file. */
export const programSchema = z
  .object({
    name: z.string().trim().min(1).max(120).describe('Program name, shown on the binder and calendar'),
    start: date.describe('First day of the program, YYYY-MM-DD'),
    days: z.number().int().min(1).max(731).describe('Length of the program in days (90 for a standard IOP stay)'),
    population: z.enum(['adult', 'adolescent']).default('adult').describe('Who the program serves; sets the ASAM weekly hours checked'),
    level: z.enum(['1', '2.1', '2.5']).default('2.1').describe('ASAM level of care the schedule is checked against: 1 outpatient, 2.1 intensive outpatient, 2.5 partial hospitalization'),
    holidays: z.array(date).max(1000).default([]).describe('Dates the program does not meet, YYYY-MM-DD'),
    location: line(200).optional().describe('Where the program meets (calendar location)'),
    timezone: z.string().regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, 'an IANA time zone such as America/Chicago').optional().describe('IANA time zone of the calendar, e.g. America/Chicago (default: floating local times)'),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as es')).min(1).max(10).optional().describe('Languages of the client handouts, e.g. [en, es]: each session also gets handout.<lang>.html where its modules are translated (docs/translations.md)'),
    blocks: z.array(blockSchema).min(1).max(100).describe('The timetable, as blocks of weeks')
  })
  .strict()

/** A validated program. */
export type Program = z.output<typeof programSchema>

/**
 * The program file JSON Schema.
 *
 * @returns A JSON Schema object.
 */
export function programJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://iop-curriculum.dev/schema/program.schema.json',
    title: 'iop-curriculum program file',
    ...(z.toJSONSchema(programSchema, {io: 'input'}) as Record<string, unknown>)
  }
}
