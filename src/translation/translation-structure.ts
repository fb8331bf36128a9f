/**
 * Everything that makes a translation unusable as its module's handouts:
 * bad frontmatter, a missing module, sections other than `## Handouts`,
 * missing or extra handouts, and handouts whose fill-in lines, scales,
 * checkboxes or tables differ from the English. Pure; reported by the
 * `translation-structure` rule.
 */
import {toString} from 'mdast-util-to-string'
import type {Point, Position} from 'unist'
import type {ModuleMeta} from '../module/frontmatter-schema.js'
import type {SessionModule} from '../module/parse-module.js'
import type {Part} from '../module/sections.js'
import {expectation} from '../util/zod-expectation.js'
import {handoutShape, type HandoutShape} from './handout-shape.js'
import type {Translation} from './parse-translation.js'

/** One structural problem. */
export interface TranslationProblem {
  reason: string
  place: Position | Point | undefined
}

/**
 * Structural problems of a translation against its English module.
 *
 * @param translation The translation.
 * @param module Its English module (`undefined` when none has its id).
 * @returns Problems in file order of discovery.
 */
export function translationStructureProblems(translation: Translation, module: SessionModule | undefined): TranslationProblem[] {
  const problems: TranslationProblem[] = []
  const report = (reason: string, place: Position | Point | undefined) => problems.push({reason, place})
  const {parse, name, meta} = translation
  const frontmatter = parse.frontmatter

  if (!frontmatter) report('Missing frontmatter, expected YAML between `---` lines with `translation_of`, `lang`, `title`, `objectives` and `translators` (docs/translations.md)', {line: 1, column: 1})
  else {
    for (const error of frontmatter.errors) report(error.reason, error.place)
    for (const issue of translation.schemaIssues) {
      if (issue.code === 'unrecognized_keys') {
        for (const [, key] of issue.message.matchAll(/"([^"]*)"/g)) {
          report(`Unexpected key \`${key}\` in ${issue.path.length > 0 ? '`' + issue.path.join('.') + '`' : 'frontmatter'}, expected only the keys documented in docs/translations.md`, frontmatter.place([...issue.path, key]).start)
        }
        continue
      }
      const key = issue.path.map(String).join('.')
      const raw = issue.path.reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined), frontmatter.data)
      report(`${raw === undefined ? 'Missing' : 'Unexpected value for'} \`${key}\` in frontmatter, expected ${expectation(issue.message)}`, frontmatter.place(issue.path).start)
    }
  }
  if (meta && meta.translation_of !== name.id) report(`Unexpected \`translation_of: ${meta.translation_of}\`, expected \`${name.id}\` as in the file name \`${name.id}.${name.lang}.md\``, frontmatter?.place(['translation_of']).start)
  if (meta && meta.lang !== name.lang) report(`Unexpected \`lang: ${meta.lang}\`, expected \`${name.lang}\` as in the file name \`${name.id}.${name.lang}.md\``, frontmatter?.place(['lang']).start)

  // Sections: `## Handouts` alone.
  let handouts = 0
  let first = true
  for (const node of parse.tree.children) {
    if (node.type === 'yaml') continue
    const isHandouts = node.type === 'heading' && node.depth === 2 && toString(node).trim().toLowerCase() === 'handouts'
    if (isHandouts) {
      handouts++
      if (handouts > 1) report('Unexpected second `Handouts` section, expected it once', node.position)
    } else if (node.type === 'heading' && node.depth <= 2) {
      report(`Unexpected ${node.depth === 1 ? 'H1' : 'section'} \`${toString(node).trim()}\`, expected only \`## Handouts\` in a translation (facilitator sections stay in the English module)`, node.position)
    } else if (handouts === 0 && first) {
      report('Unexpected content before `## Handouts`, expected the section first (the title and objectives go in the frontmatter)', node.position)
      first = false
    }
  }
  if (handouts === 0) report('Missing `Handouts` section, expected `## Handouts` with one `### <title>` per English handout', {line: 1, column: 1})

  if (!module?.meta) {
    report(`Unexpected translation of \`${name.id}\`, expected a module with that id in the curriculum (the file sits beside \`${name.id}.md\`)`, {line: 1, column: 1})
    return problems
  }

  const english = module.meta as ModuleMeta
  if (meta && meta.objectives.length !== english.objectives.length) {
    report(`Unexpected ${count(meta.objectives.length, 'objective')}, expected ${english.objectives.length} as in the English module, one for each, in order`, frontmatter?.place(['objectives']).start)
  }

  const source = module.sections.byKind.handouts?.parts ?? []
  const translated = translation.handouts
  for (let index = 0; index < Math.max(source.length, translated.length); index++) {
    const from = source[index]
    const to = translated[index]
    if (!to) {
      report(`Missing handout for \`${from.title}\` (English handout ${index + 1} of ${source.length}), expected one \`### <title>\` per English handout, in order`, parse.sections.byKind.handouts?.heading.position ?? {line: 1, column: 1})
      continue
    }
    if (!from) {
      report(`Unexpected handout \`${to.title}\` (handout ${index + 1}), expected ${source.length} as in the English module`, to.heading.position)
      continue
    }
    compareShapes(from, to, report)
  }
  return problems
}

function compareShapes(from: Part, to: Part, report: (reason: string, place: Position | Point | undefined) => void): void {
  const english = handoutShape(from.children)
  const mine = handoutShape(to.children)
  const where = `in handout \`${to.title}\` (English \`${from.title}\`)`
  const at = (list: Array<{place: Point | undefined}>, index: number) => list[index]?.place ?? to.heading.position?.start
  if (english.lines.length !== mine.lines.length) {
    report(`Unexpected ${count(mine.lines.length, 'fill-in line', '`::lines`')} ${where}, expected ${english.lines.length} as in the English (${english.lines.map((l) => `n=${l.n}`).join(', ') || 'none'})`, at(mine.lines, english.lines.length))
  } else {
    english.lines.forEach((line, index) => {
      if (line.n !== mine.lines[index].n) report(`Unexpected \`::lines{n=${mine.lines[index].n}}\` ${where}, expected \`::lines{n=${line.n}}\` as in the English (fill-in ${index + 1})`, mine.lines[index].place)
    })
  }
  if (english.scales.length !== mine.scales.length) {
    report(`Unexpected ${count(mine.scales.length, 'scale', '`::scale`')} ${where}, expected ${english.scales.length} as in the English`, at(mine.scales, english.scales.length))
  } else {
    english.scales.forEach((scale, index) => {
      if (scale.attributes !== mine.scales[index].attributes) report(`Unexpected \`::scale{${mine.scales[index].attributes}}\` ${where}, expected \`{${scale.attributes}}\` as in the English (scale ${index + 1}; translate only the labels)`, mine.scales[index].place)
    })
  }
  if (english.checkboxes.length !== mine.checkboxes.length) {
    report(`Unexpected ${count(mine.checkboxes.length, 'checkbox', '`- [ ]`')} ${where}, expected ${english.checkboxes.length} as in the English`, at(mine.checkboxes, english.checkboxes.length))
  }
  if (english.tables.length !== mine.tables.length) {
    report(`Unexpected ${count(mine.tables.length, 'table')} ${where}, expected ${english.tables.length} as in the English`, at(mine.tables, english.tables.length))
  } else {
    english.tables.forEach((table, index) => {
      const other = mine.tables[index]
      if (table.rows !== other.rows || table.columns !== other.columns) {
        report(`Unexpected table of ${shape(other)} ${where}, expected ${shape(table)} as in the English (table ${index + 1})`, other.place)
      }
    })
  }
}

function count(n: number, noun: string, code?: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('x') ? 'es' : 's'}${code ? ` (${code})` : ''}`
}

function shape(table: HandoutShape['tables'][number]): string {
  return `${table.rows} rows and ${table.columns} columns`
}

