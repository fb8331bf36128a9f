/**
 * `credits`: the `credits` frontmatter is well-formed beyond the schema (no
 * work twice, no year in the future, no URL or placeholder for an author or a
 * work, a note that says something), and, as a warning, a module whose
 * `approaches` name a published, manualized model (DBT, CRAFT, Seeking
 * Safety...) credits what it follows. Credits reach only the facilitator
 * guide; a clinician reviewing a module needs to see its sources.
 */
import type {ModuleRule} from '../rule.js'

/**
 * Approach ids that name one published, manualized model, so a module that
 * lists one follows a work it should credit. Broad families (cbt, mi,
 * mindfulness, psychoeducation) are not here: they name no single source.
 */
export const creditedModels = ['dbt', 'craft', 'seeking-safety', 'act', 'acceptance-commitment', 'mbrp', 'matrix', 'matrix-model']

const url = /^(?:[a-z][a-z\d+.-]*:\/\/|www\.)|\.(?:com|org|net|gov|edu)(?:\/|$)/i
const placeholder = /^(?:todo|tbd|tba|fixme|xxx|unknown|anonymous|n\/?a|none|author|authors|work|title|note|\?+|-+|\.{3}|…)$|\b(?:TODO|TBD|FIXME|XXX)\b|\.{3}|…/i

export const credits: ModuleRule = {
  id: 'credits',
  scope: 'module',
  severity: 'error',
  description: '`credits` names each work once, with a real author, a past year and a note that says something; a module following a published model credits it',
  defaults: {models: creditedModels},
  check({module, options, report}) {
    const meta = module.meta
    const fm = module.frontmatter
    if (!meta || !fm) return
    const list = meta.credits ?? []
    const thisYear = new Date().getUTCFullYear()
    const seen = new Map<string, number>()
    list.forEach((credit, index) => {
      const at = (key: string) => fm.place(['credits', index, key]).start
      for (const key of ['work', 'author'] as const) {
        const value = credit[key].trim()
        if (url.test(value)) report(`Unexpected URL \`${value}\` as \`credits[${index}].${key}\`, expected the ${key === 'work' ? 'title of the work' : 'author as published'}`, at(key))
        else if (placeholder.test(value)) report(`Unexpected placeholder \`${value}\` as \`credits[${index}].${key}\`, expected the ${key === 'work' ? 'title of the work' : 'author as published'}`, at(key))
      }
      const key = credit.work.trim().toLowerCase().replace(/\s+/g, ' ')
      const first = seen.get(key)
      if (first === undefined) seen.set(key, index)
      else report(`Unexpected second credit for \`${credit.work.trim()}\` in \`credits[${index}]\`, expected each work once (first in \`credits[${first}]\`)`, at('work'))
      if (credit.year !== undefined && credit.year > thisYear) {
        report(`Unexpected year ${credit.year} in \`credits[${index}].year\`, expected a year of publication that has passed (leave it out if unsure)`, at('year'))
      }
      if (credit.note !== undefined && (placeholder.test(credit.note.trim()) || !/[a-z]{2}/i.test(credit.note))) {
        report(`Unexpected empty note \`${credit.note.trim()}\` in \`credits[${index}].note\`, expected what the module takes from the work, or no note`, at('note'))
      }
    })
    if (list.length === 0) {
      const models = new Set(Array.isArray(options.models) ? (options.models as unknown[]).map(String) : creditedModels)
      const named = meta.approaches.filter((approach) => models.has(approach))
      if (named.length > 0) {
        report(
          `Missing \`credits\` for ${named.map((a) => '`' + a + '`').join(', ')} in \`approaches\`, expected a credit for the published model the module follows (or a broader approach id)`,
          fm.place(['approaches']).start,
          'warn'
        )
      }
    }
  }
}
