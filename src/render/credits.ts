/**
 * One line per credit for the facilitator guide's header. Credits name the
 * published models a module follows; they are for staff and clinical
 * reviewers, so only guide outputs call this, never a client output.
 */
import type {ModuleMeta} from '../module/frontmatter-schema.js'

/** One entry of a module's `credits` frontmatter. */
export type Credit = NonNullable<ModuleMeta['credits']>[number]

/**
 * A credit as one plain line: `Work, Author (Year). Note`.
 *
 * @param credit A credit from a module's frontmatter.
 * @returns e.g. `DBT Skills Training Manual, Marsha M. Linehan (2015). Structure of the skill; words are original.`
 */
export function creditLine(credit: Credit): string {
  const year = credit.year === undefined ? '' : ` (${credit.year})`
  const note = credit.note ? ` ${capitalize(credit.note.trim().replace(/[.\s]*$/, ''))}.` : ''
  return `${credit.work}, ${credit.author}${year}.${note}`
}

/**
 * Every credit line of a module, in frontmatter order.
 *
 * @param meta A module's frontmatter.
 * @returns Lines; empty when the module credits nothing.
 */
export function creditLines(meta: ModuleMeta): string[] {
  return (meta.credits ?? []).map(creditLine)
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
