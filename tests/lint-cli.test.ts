/**
 * `iop lint` conventions: the report grouped by file, colour (TTY, NO_COLOR,
 * --color/--no-color), --quiet, --verbose links, --stdin, skipped non-Markdown
 * paths and the exit codes (0 clean or warnings, 1 errors, 2 usage).
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import type {Io} from '../src/util/io.js'
import {root} from './helpers/run-cli.js'

const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
const warning = base.replace('## Check-in (10 min)', '## Check-in (20 min)').replace('## Topic (20 min)', '## Topic (10 min)')
const error = base.replace('Who can you ask this week?', 'Who can an addict ask?')
const both = error.replace('## Check-in (10 min)', '## Check-in (20 min)').replace('## Topic (20 min)', '## Topic (10 min)')

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})))

function project(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-lint-cli-'))
  dirs.push(dir)
  mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
  writeFileSync(path.join(dir, 'curriculum', 'support', 'base.md'), text)
  return dir
}

/**
 * `iop lint` in a project, on its own modules (`--curriculum curriculum`).
 * These tests are about the report and the exit codes; the default
 * curriculum adds the whole bundled library as context, which costs seconds
 * a run, so it is used once, as a control (`withLibrary`).
 */
async function lint(args: string[], cwd: string, extra: Partial<Io> = {}, withLibrary = false) {
  let out = ''
  let err = ''
  const code = await main(['lint', ...args, ...(withLibrary ? [] : ['--curriculum', 'curriculum'])], {stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd, ...extra})
  return {code, out, err}
}

const ansi = /\u001B\[\d+m/

describe('iop lint conventions', () => {
  it('exit codes: 0 clean, 0 warnings only, 1 errors, 2 usage and configuration', async () => {
    // Control: the default curriculum (the bundled library plus ./curriculum) gives the same.
    expect(await lint([], project(base), {}, true)).toMatchObject({code: 0, out: '0 errors, 0 warnings in 1 file\n'})
    expect((await lint([], project(base))).code).toBe(0)
    expect((await lint([], project(warning))).code).toBe(0)
    expect((await lint([], project(error))).code).toBe(1)
    const usage = await lint(['--format', 'xml'], project(base))
    expect(usage).toMatchObject({code: 2, err: 'iop: Unexpected --format xml, expected `text`, `compact` or `json`\n'})
    expect((await lint(['--stdin-filename', 'a.md'], project(base))).code).toBe(2)
    expect((await lint(['--no-such-flag'], project(base))).code).toBe(2)
    const config = project(base)
    writeFileSync(path.join(config, 'curriculum', 'iop.config.yaml'), 'rules:\n  words-matter: loud\n')
    expect((await lint([], config)).code).toBe(2)
  })

  it('groups messages under their file, with a summary', async () => {
    const dir = project(both)
    const result = await lint([], dir)
    const file = path.join(dir, 'curriculum', 'support', 'base.md')
    expect(result.out.split('\n').slice(0, 3)).toEqual([
      file,
      '18:1-18:21 warning Unexpected check-in of 20 min, expected at most 15 min (25% of 60) timing-part iop',
      '52:12 error Unexpected `addict` in client text, expected person-first wording such as `person with a substance use disorder` words-matter iop'
    ].map((line) => expect.stringMatching(new RegExp('^' + line.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+') + '$'))))
    expect(result.out).toContain('2 messages (✖ 1 error, ⚠ 1 warning)')
  })

  it('--quiet reports errors only; the exit code still counts warnings with --max-warnings', async () => {
    const dir = project(both)
    const quiet = await lint(['--quiet', '--format', 'compact'], dir)
    expect(quiet.out.split('\n').filter((l) => l.includes('  warning  '))).toEqual([])
    expect(quiet.out).toContain('  error  Unexpected `addict`')
    const warnOnly = await lint(['--quiet', '--max-warnings', '0'], project(warning))
    expect(warnOnly.out).toBe('0 errors, 0 warnings in 1 file\n')
    expect(warnOnly.code).toBe(1)
  })

  it('colours on a terminal, not with NO_COLOR or --no-color; --color and FORCE_COLOR force it', async () => {
    const dir = project(error)
    expect((await lint([], dir)).out).not.toMatch(ansi)
    expect((await lint([], dir, {isTTY: true})).out).toMatch(ansi)
    expect((await lint([], dir, {isTTY: true, env: {NO_COLOR: '1'}})).out).not.toMatch(ansi)
    expect((await lint(['--no-color'], dir, {isTTY: true})).out).not.toMatch(ansi)
    expect((await lint(['--color'], dir, {env: {NO_COLOR: '1'}})).out).toMatch(ansi)
    expect((await lint([], dir, {env: {FORCE_COLOR: '1'}})).out).toMatch(ansi)
  })

  it('--verbose shows the documentation link of each message', async () => {
    const result = await lint(['--verbose'], project(error))
    expect(result.out).toContain('[url]:\n    https://github.com/iop-curriculum/iop-curriculum/blob/main/docs/rules.md#words-matter')
  })

  it('--stdin lints the text on stdin as the file --stdin-filename names, in place of the saved one', async () => {
    const dir = project(base)
    const result = await lint(['--stdin', '--stdin-filename', 'curriculum/support/base.md', '--format', 'json'], dir, {readStdin: () => error})
    expect(result.code).toBe(1)
    const json = JSON.parse(result.out)
    expect(json.files).toBe(1)
    // The saved copy does not count as a second module with the same id.
    expect(json.messages.map((m: {file: string; line: number; ruleId: string}) => `${m.file}:${m.line} ${m.ruleId}`)).toEqual([`${path.join(dir, 'curriculum', 'support', 'base.md')}:52 words-matter`])
    const unnamed = await lint(['--stdin', '--format', 'compact'], dir, {readStdin: () => base})
    expect(unnamed.out).toBe(`<stdin>:2:5  error  Unexpected id \`base\` in \`<stdin>\`, expected \`<stdin>\` (or rename the file to \`base.md\`)  id-matches-file\n<stdin>:2:5  error  Unexpected duplicate id \`base\`, expected a unique id (also used in \`${path.join(dir, 'curriculum', 'support', 'base.md')}\`)  unique-id\n2 errors, 0 warnings in 1 file\n`)
    expect((await lint(['--stdin', 'curriculum'], dir, {readStdin: () => base})).code).toBe(2)
  })

  it('skips paths that are not Markdown, with a note', async () => {
    const dir = project(base)
    writeFileSync(path.join(dir, 'program.yaml'), 'name: x\n')
    const result = await lint(['program.yaml', 'curriculum/support/base.md'], dir)
    expect(result).toMatchObject({code: 0, out: '0 errors, 0 warnings in 1 file\n', err: 'iop: program.yaml: skipped, not a Markdown module (program files are checked by `iop assemble --program`)\n'})
  })
})
