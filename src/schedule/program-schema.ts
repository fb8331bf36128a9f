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
const slotSchema = z.object({group: kebab, minutes: z.number().int().min(10).max(480), room: room.optional(), facilitator: facilitator.optional()}).strict()

/** A block of weeks that meets on some days with a timetable. */
const blockSchema = z
  .object({
    weeks: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    meets: z.array(z.enum(weekdays)).min(1),
    at: time,
    groups: z.array(slotSchema).min(1).max(48),
    room: room.optional(),
    facilitator: facilitator.optional()
  })
  .strict()

/** Schema of a program file. */
export const programSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    start: date,
    days: z.number().int().min(1).max(731),
    population: z.enum(['adult', 'adolescent']).default('adult'),
    level: z.enum(['1', '2.1', '2.5']).default('2.1'),
    holidays: z.array(date).max(1000).default([]),
    location: line(200).optional(),
    timezone: z.string().regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/, 'an IANA time zone such as America/Chicago').optional(),
    blocks: z.array(blockSchema).min(1).max(100)
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
