/**
 * The frontmatter contract (docs/authoring.md) as a zod schema. It is the one
 * source for validation, for TypeScript types and for the JSON Schema that
 * `iop schema` prints for editors.
 */
import {z} from 'zod'
import {audiences, phases} from '../config/defaults.js'

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

const text = z.string().trim().min(1, 'a non-empty string')
const kebabId = z.string().regex(kebab, 'a kebab-case id such as `coping-with-cravings`')

/** Schema of a module's YAML frontmatter. */
export const frontmatterSchema = z
  .object({
    id: kebabId.max(80, 'an id of at most 80 characters').describe('Module id, kebab-case, equal to the file name and unique across the curriculum'),
    title: text.max(120, 'a title of at most 120 characters').describe('Session title, shown to facilitators and at the top of every handout'),
    group: kebabId.describe('Group type: a canonical one (e.g. relapse-prevention) or one declared in iop.config.yaml'),
    phase: z.enum(phases).describe('Phase of treatment the session fits; `any` for every phase'),
    minutes: z.number().int('a whole number of minutes').min(10).max(480).describe('Whole session length in minutes; the timed sections add up to it'),
    audience: z.array(z.enum(audiences)).min(1).describe('Who the session is for: adult, adolescent, family'),
    objectives: z.array(text).min(1).describe('2-5 measurable objectives, each starting with an observable verb (name, list, practice...); clients see them on every handout'),
    requires: z.array(kebabId).default([]).describe('Ids of modules that should come before this one'),
    tags: z.array(kebabId).default([]).describe('Topics, kebab-case, used to spread sessions and to search'),
    approaches: z.array(kebabId).min(1).describe('Therapeutic approaches, e.g. cbt, mi, dbt, mindfulness, twelve-step'),
    asam_dimensions: z
      .array(z.number().int('a whole number from 1 to 6').min(1).max(6))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'each dimension once')
      .optional()
      .describe('ASAM Criteria dimensions (3rd ed.) the session addresses, 1-6: 1 acute intoxication and withdrawal potential; 2 biomedical conditions; 3 emotional, behavioral or cognitive conditions; 4 readiness to change; 5 relapse or continued-use potential; 6 recovery or living environment. Printed on group-note templates.'),
    materials: z.array(text).default([]).describe('What the facilitator brings (may be empty)'),
    version: z.string().regex(semver, 'a semver version such as `1.0.0`').describe('Semver version; bump it when the content changes'),
    authors: z.array(text).min(1).describe('Who wrote the module'),
    review: z
      .object({
        by: text.describe('The licensed clinician who reviewed the module'),
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').describe('Date of the review, YYYY-MM-DD')
      })
      .strict()
      .optional()
      .describe('Clinical review: who reviewed the module and when'),
    credits: z
      .array(
        z
          .object({
            work: text.describe('The published work, model or manual the module follows'),
            author: text.describe('Its author or authors, as published'),
            year: z.number().int('a year such as 2015').min(1800).max(2100).optional().describe('Year of publication'),
            note: text.optional().describe('What the module takes from it, e.g. "structure of the chain exercise; words are original"')
          })
          .strict()
      )
      .optional()
      .describe('Published models the module follows, credited in the facilitator guide (never on client handouts)'),
    license: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX license id').optional().describe('SPDX license id; defaults to the curriculum’s (CC-BY-4.0)'),
    core: z.boolean().optional().describe('true marks a module every stay should include: when a track has more modules than a stay has room for, core modules run first and the others fill what is left'),
    draft: z.boolean().optional().describe('true keeps the module out of every assembly while it is written'),
    overrides: z.boolean().optional().describe('true lets this local module replace the library module with the same id (otherwise a second module with an id is a unique-id error)')
  })
  .strict()

/** Validated frontmatter of a module. */
export type ModuleMeta = z.output<typeof frontmatterSchema>

/**
 * The frontmatter JSON Schema, for editors (yaml-language-server) and CI.
 *
 * @returns A JSON Schema (draft 2020-12) object.
 */
export function moduleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frontmatterSchema, {io: 'input'}) as Record<string, unknown>
  return {
    $id: 'https://iop-curriculum.dev/schema/module.schema.json',
    title: 'iop-curriculum session module frontmatter',
    ...schema
  }
}
