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
    id: kebabId.max(80, 'an id of at most 80 characters'),
    title: text.max(120, 'a title of at most 120 characters'),
    group: kebabId,
    phase: z.enum(phases),
    minutes: z.number().int('a whole number of minutes').min(10).max(480),
    audience: z.array(z.enum(audiences)).min(1),
    objectives: z.array(text).min(1),
    requires: z.array(kebabId).default([]),
    tags: z.array(kebabId).default([]),
    approaches: z.array(kebabId).min(1),
    materials: z.array(text).default([]),
    version: z.string().regex(semver, 'a semver version such as `1.0.0`'),
    authors: z.array(text).min(1),
    review: z
      .object({
        by: text,
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      })
      .strict()
      .optional(),
    license: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX license id').optional(),
    draft: z.boolean().optional()
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
