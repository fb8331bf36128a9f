/**
 * Authoring rules that need a whole project: the untouched `iop new`
 * template fails lint with `placeholder-text`, and `draft: true` keeps a
 * module out of assembly with a note.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root, run} from './helpers/run-cli.js'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})))
function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-authoring-'))
  dirs.push(dir)
  return dir
}

describe('authoring', () => {
  it('the untouched `iop new` template fails lint, every message from placeholder-text', async () => {
    const dir = scratch()
    expect((await run(['new', 'support/my-topic', '--title', 'My topic'], dir)).code).toBe(0)
    // The new module alone (`--curriculum curriculum`), not the bundled library beside it.
    const result = await run(['lint', '--format', 'json', '--curriculum', 'curriculum'], dir)
    expect(result.code).toBe(1)
    const messages = JSON.parse(result.out).messages as Array<{line: number; ruleId: string; message: string}>
    expect([...new Set(messages.map((m) => m.ruleId))]).toEqual(['placeholder-text'])
    expect(messages.map((m) => `${m.line} ${m.message}`)).toEqual([
      '9 Unexpected template text “Name two ...” in `objectives`, expected your own text',
      '10 Unexpected template text “Practice one ...” in `objectives`, expected your own text',
      '15 Unexpected template text “your name” in `authors`, expected your own text',
      '26 Unexpected `...` gap in a paragraph “Say, in your own words: "..."”, expected the text to fill it',
      '29 Unexpected template text “Cautions and tips for the facilitator. Clients never see this block.” in a paragraph, expected your own text',
      '34 Unexpected template text “First exercise” in a heading, expected your own text',
      '36 Unexpected `...` gap in a paragraph “...”, expected the text to fill it',
      '38 Unexpected template text “Second exercise” in a heading, expected your own text',
      '40 Unexpected `...` gap in a paragraph “...”, expected the text to fill it',
      '48 Unexpected template text “Handout title” in a heading, expected your own text',
      '50 Unexpected template text “Short sentences, everyday words.” in a paragraph, expected your own text',
      '58 Unexpected `...` gap in a paragraph “...”, expected the text to fill it',
      '80 Unexpected `...` gap in a paragraph “Adolescents: ...”, expected the text to fill it',
      '81 Unexpected `...` gap in a paragraph “Co-occurring disorders: ...”, expected the text to fill it',
      '82 Unexpected `...` gap in a paragraph “Telehealth: ...”, expected the text to fill it'
    ])
  })

  it('`draft: true` lints like any module but is left out of assembly, with a note', async () => {
    const dir = scratch()
    const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
    mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
    writeFileSync(path.join(dir, 'curriculum', 'support', 'alpha.md'), base.replace('id: base', 'id: alpha'))
    writeFileSync(path.join(dir, 'curriculum', 'support', 'beta.md'), base.replace('id: base', 'id: beta').replace('version: 1.2.3', 'version: 1.2.3\ndraft: true'))
    expect((await run(['lint', '--curriculum', 'curriculum'], dir)).out).toBe('0 errors, 0 warnings in 2 files\n')
    const result = await run(['assemble', '--curriculum', 'curriculum', '--group', 'support', '--start', '2026-01-05', '--days', '7', '--out', 'out'], dir)
    expect(result.code).toBe(0)
    expect(result.out).toContain(`left out (draft: true): ${path.join(dir, 'curriculum', 'support', 'beta.md')}\n`)
    const csv = readFileSync(path.join(dir, 'out', 'schedule.csv'), 'utf8')
    expect(csv.split('\n').slice(1, 4).map((line) => line.split(',')[5])).toEqual(['alpha', 'alpha', 'alpha'])
    for (const file of ['schedule.csv', 'curriculum.json', 'index.html']) expect(readFileSync(path.join(dir, 'out', file), 'utf8')).not.toContain('beta')
  })
})
