/**
 * The settings every form takes, and nothing else: a note format, how many
 * blank member blocks a note has, how many blank rows a sign-in sheet has.
 * The option object is checked strictly, so no caller can hand a form a
 * client's name or record: the toolkit holds curriculum, never client data.
 */
import {z} from 'zod'
import {UserError} from '../util/user-error.js'

/** Group-note formats: DAP, BIRP, SOAP, GIRP. */
export const noteFormats = ['dap', 'birp', 'soap', 'girp'] as const

/** A group-note format id. */
export type NoteFormat = (typeof noteFormats)[number]

/** Most blank member blocks on one note template. */
export const maxNoteMembers = 20

/** Most blank rows on one sign-in sheet. */
export const maxSignInRows = 40

/** Resolved form settings (from `iop.config.yaml`, then flags). */
export interface FormSettings {
  /** Group-note format (default `birp`). */
  noteFormat: NoteFormat
  /** Blank member blocks per note template (default 3). */
  noteMembers: number
  /** Blank rows per sign-in sheet (default 12). */
  signInRows: number
}

/** Defaults: BIRP notes with 3 member blocks, sign-in sheets with 12 rows. */
export const defaultFormSettings: Readonly<FormSettings> = Object.freeze({noteFormat: 'birp', noteMembers: 3, signInRows: 12})

/** Options a form function accepts: form settings and crisis text, nothing about a person. */
export interface FormOptions extends Partial<FormSettings> {
  /** Crisis resources text for client pages (default: the US default). */
  crisis?: string
  /** Output format of a single form: `html` (default), `md` (fidelity) or `text` (note). */
  format?: 'html' | 'md' | 'text'
  /** Display name of the module's group, for a form outside a schedule (default: from the group id). */
  groupTitle?: string
}

const optionsSchema = z
  .object({
    noteFormat: z.enum(noteFormats).optional(),
    noteMembers: z.number().int().min(1).max(maxNoteMembers).optional(),
    signInRows: z.number().int().min(1).max(maxSignInRows).optional(),
    crisis: z.string().min(1).optional(),
    format: z.enum(['html', 'md', 'text']).optional(),
    groupTitle: z.string().trim().min(1).max(120).optional()
  })
  .strict()

/**
 * Check form options and fill in defaults.
 *
 * @param options What a caller passed (optional).
 * @returns Settings with defaults, and the crisis text if given.
 * @throws {UserError} For an unknown option (such as a client's name) or a value out of range.
 */
export function formSettings(options: unknown = {}): FormSettings & Pick<FormOptions, 'crisis' | 'format' | 'groupTitle'> {
  const result = optionsSchema.safeParse(options ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    if (issue.code === 'unrecognized_keys') {
      throw new UserError(`Unexpected form option ${issue.keys.map((k) => '`' + k + '`').join(', ')}, expected only noteFormat, noteMembers, signInRows, crisis, format or groupTitle (forms are blank: iop takes no client information)`)
    }
    throw new UserError(`Unexpected value for form option \`${issue.path.join('.')}\`, expected ${issue.path[0] === 'noteFormat' ? noteFormats.join(', ') : issue.path[0] === 'noteMembers' ? `a whole number from 1 to ${maxNoteMembers}` : issue.path[0] === 'signInRows' ? `a whole number from 1 to ${maxSignInRows}` : 'non-empty text'}`)
  }
  return {...defaultFormSettings, ...Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined))}
}

/**
 * Parse a `--note-format` value.
 *
 * @param value The flag's value.
 * @returns The format id.
 * @throws {UserError} When it is not a known format.
 */
export function noteFormatOption(value: string): NoteFormat {
  const id = value.toLowerCase()
  if (!(noteFormats as readonly string[]).includes(id)) throw new UserError(`Unexpected --note-format ${value}, expected one of ${noteFormats.join(', ')}`)
  return id as NoteFormat
}

/**
 * Parse a whole-number flag such as `--members` or `--rows`.
 *
 * @param value The flag's value.
 * @param flag The flag, for the message.
 * @param max The largest value allowed.
 * @returns The number.
 * @throws {UserError} When it is not a whole number from 1 to max.
 */
export function countOption(value: string, flag: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UserError(`Unexpected ${flag} ${value}, expected a whole number from 1 to ${max}`)
  return Number(value)
}
