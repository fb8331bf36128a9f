/**
 * The translation rules: exact messages at exact places for every not-ok
 * case, none for the ok fixture. `UPDATE=1` rewrites
 * fixtures/translation/expected/*.txt; review before committing.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/curriculum-config.js'
import {lintTranslations} from '../src/lint/lint-translations.js'
import {rules} from '../src/lint/rules/index.js'
import {parseModule} from '../src/module/parse-module.js'
import {translationFromParse} from '../src/translation/parse-translation.js'
import {translationCases} from './translation-cases.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const english = readFileSync(path.join(fixtures, 'lint', 'base.md'), 'utf8')
const spanish = readFileSync(path.join(fixtures, 'translation', 'base.es.md'), 'utf8')

function apply(text: string, edits: Array<[string | RegExp, string]>): string {
  for (const [from, to] of edits) {
    const next = text.replace(from, to)
    if (next === text) throw new Error(`edit did not apply: ${String(from)}`)
    text = next
  }
  return text
}

function lintCase(edits: Array<[string | RegExp, string]>, englishEdits: Array<[string | RegExp, string]> = [], file = 'base.es.md'): string[] {
  const dir = path.join(fixtures, 'translation', 'support')
  const module = parseModule({path: path.join(dir, 'base.md'), value: apply(english, englishEdits)})
  const translation = translationFromParse(parseModule({path: path.join(dir, file), value: apply(spanish, edits)}))
  lintTranslations([translation], [module], defaultConfig())
  return translation.parse.file.messages.map((m) => `${m.line}:${m.column}  ${m.fatal ? 'error' : 'warning'}  ${m.reason}  ${m.ruleId}`)
}

describe('translation rules', () => {
  it('the ok fixture (a marked, complete translation) has no messages at all', () => {
    expect(lintCase([])).toEqual([])
  })

  it('every translation rule has at least one not-ok case', () => {
    const covered = new Set(translationCases.map((c) => c.rule))
    expect(rules.filter((r) => r.scope === 'translation').map((r) => r.id).filter((id) => !covered.has(id))).toEqual([])
  })

  for (const testCase of translationCases) {
    it(`${testCase.rule}: ${testCase.name}`, () => {
      const actual = lintCase(testCase.edits, testCase.english, testCase.file)
      expect(actual.some((line) => line.endsWith('  ' + testCase.rule)), actual.join('\n')).toBe(true)
      const file = path.join(fixtures, 'translation', 'expected', `${testCase.name}.txt`)
      if (process.env.UPDATE || !existsSync(file)) {
        mkdirSync(path.dirname(file), {recursive: true})
        writeFileSync(file, actual.join('\n') + '\n')
      }
      expect(actual.join('\n') + '\n').toBe(readFileSync(file, 'utf8'))
    })
  }
})
