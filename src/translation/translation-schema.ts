/**
 * The frontmatter schema of a translation file (docs/translations.md): what
 * clients read (title, objectives), who translated and reviewed it, and the
 * source hashes written by `iop translate --mark`.
 */
import {z} from 'zod'

const text = z.string().trim().min(1)
const hash = z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hex hash written by `iop translate --mark`')

/** The `source` block: hashes of the English text the translation follows. */
export const translationSourceSchema = z
  .object({
    objectives: hash,
    handouts: z.record(z.string(), hash)
  })
  .strict()

/** Frontmatter of a translation. */
export const translationSchema = z
  .object({
    translation_of: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a module id (kebab-case)'),
    lang: z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as `es`'),
    title: text,
    objectives: z.array(text).min(1),
    translators: z.array(text).min(1),
    review: z
      .object({
        by: text,
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      })
      .strict()
      .optional(),
    source: translationSourceSchema.optional()
  })
  .strict()

/** Validated translation frontmatter. */
export type TranslationMeta = z.infer<typeof translationSchema>

/** The recorded source hashes. */
export type TranslationSource = z.infer<typeof translationSourceSchema>
