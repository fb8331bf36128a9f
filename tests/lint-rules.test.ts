/**
 * Every rule and every bad-input case: exact messages at exact places.
 * `UPDATE=1` rewrites fixtures/lint/expected/*.txt; review before committing.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/curriculum-config.js'
import {lintModules} from '../src/lint/lint.js'
import {rules} from '../src/lint/rules/index.js'
import {parseModule} from '../src/module/parse-module.js'
import {cases} from './lint-cases.js'
import {translationCases} from './translation-cases.js'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lint')
const base = readFileSync(path.join(fixtures, 'base.md'), 'utf8')

function apply(text: string, edits: Array<[string | RegExp, string]>): string {
  for (const [from, to] of edits) {
    const next = text.replace(from, to)
    if (next === text) throw new Error(`edit did not apply: ${String(from)}`)
    text = next
  }
  return text
}

function lintCase(edits: Array<[string | RegExp, string]>, others: Array<{id: string; edits: Array<[string | RegExp, string]>}> = []) {
  // Virtual paths under the fixture folder, so relative links resolve there.
  const main = parseModule({path: path.join(fixtures, 'support', 'base.md'), value: apply(base, edits)})
  const rest = others.map((other, index) =>
    parseModule({path: path.join(fixtures, 'support', `${other.id}${other.id === 'base' ? '-copy' + index : ''}.md`), value: apply(base.replace('id: base', `id: ${other.id}`), other.edits)})
  )
  lintModules([main, ...rest], defaultConfig(), new Set([main]))
  // Paths in messages are made relative, so fixtures hold wherever the repo is cloned.
  return main.file.messages.map((m) => `${m.line}:${m.column}  ${m.fatal ? 'error' : 'warning'}  ${m.reason.replaceAll(fixtures, '<fixtures>')}  ${m.ruleId}`)
}

describe('lint rules', () => {
  it('the base module (the ok fixture) has no messages at all', () => {
    expect(lintCase([])).toEqual([])
  })

  it('every rule has at least one not-ok case', () => {
    // Translation rules have their cases in translation-cases.ts (translation-rules.test.ts).
    const covered = new Set([...cases, ...translationCases].map((c) => c.rule))
    expect(rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([])
  })

  for (const testCase of cases) {
    it(`${testCase.rule}: ${testCase.name}`, () => {
      const actual = lintCase(testCase.edits, testCase.others)
      expect(actual.some((line) => line.endsWith('  ' + testCase.rule)), actual.join('\n')).toBe(true)
      const file = path.join(fixtures, 'expected', `${testCase.name}.txt`)
      if (process.env.UPDATE || !existsSync(file)) {
        mkdirSync(path.dirname(file), {recursive: true})
        writeFileSync(file, actual.join('\n') + '\n')
      }
      expect(actual.join('\n') + '\n').toBe(readFileSync(file, 'utf8'))
    })
  }
})
