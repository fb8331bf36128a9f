/**
 * iop.config.yaml: rule severities and options, extra group types and the
 * crisis text; bad config is a clear error at its line.
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import type {Io} from '../src/util/io.js'
import {libraryGroups} from './helpers/library-groups.js'

const root = path.resolve(import.meta.dirname, '..')
const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')

function project(config: string, module = base, group = 'support') {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-config-'))
  mkdirSync(path.join(dir, 'curriculum', group), {recursive: true})
  writeFileSync(path.join(dir, 'curriculum', 'iop.config.yaml'), config)
  writeFileSync(path.join(dir, 'curriculum', group, 'base.md'), module.replace('group: support', `group: ${group}`))
  return dir
}

async function run(args: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = {stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd}
  const code = await main(args, io)
  return {code, out: out.join(''), err: err.join('')}
}

/**
 * Arguments that lint or build the project's own modules only. A project's
 * default curriculum adds the whole bundled library as context, which costs
 * seconds a run; these tests are about the config, so one run (the first)
 * keeps the default, as a control.
 */
const own = (args: string[]) => [...args, '--curriculum', 'curriculum']

const stigma = base.replace('Who can you ask this week?', 'Who can an addict ask?')

describe('iop.config.yaml', () => {
  it('`warn` caps a rule at warnings, `off` silences it', async () => {
    const warned = await run(['lint', '--format', 'compact'], project('rules:\n  words-matter: warn\n', stigma))
    expect(warned.code).toBe(0)
    expect(warned.out).toContain('warning  Unexpected `addict` in client text')
    const off = await run(own(['lint']), project('rules:\n  words-matter: "off"\n', stigma))
    expect(off.out).toBe('0 errors, 0 warnings in 1 file\n')
  })

  it('rule options change thresholds', async () => {
    const strict = await run(own(['lint', '--format', 'compact']), project('rules:\n  handout-reading-level: [error, {warn: -5, error: 0, minWords: 1}]\n'))
    expect(strict.code).toBe(1)
    expect(strict.out).toMatch(/error {2}Unexpected grade -?\d+\.\d reading level in handout `Second Page`, expected grade -5 or below; shorten: “A short second page with a link\.” \(7 words\); grade 0 is the most a handout may need {2}handout-reading-level/)
  })

  it('declares extra group types and sets the crisis text on every handout', async () => {
    const dir = project('groups:\n  - id: womens-group\n    title: Women’s Group\ncrisis: "Call the Example Crisis Line at 555-0100."\n', base, 'womens-group')
    expect((await run(own(['lint']), dir)).code).toBe(0)
    const handout = await run(own(['handout', 'base']), dir)
    expect(handout.code).toBe(0)
    expect(handout.out.match(/<footer class="crisis" role="note">Call the Example Crisis Line at 555-0100\.<\/footer>/g)).toHaveLength(2)
    expect(handout.out).not.toContain('988')
  })

  it('an invalid config is an error at its line', async () => {
    const result = await run(['lint'], project('rules:\n  words-matter: loud\n'))
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/iop\.config\.yaml:2:17: Unexpected value at `rules\.words-matter`, expected `off`, `warn` or `error`, or \[severity, \{options\}\]/)
  })
})

describe('assemble options', () => {
  it('reads holidays from a file and checks adolescents against 6 h/week', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iop-hol-'))
    writeFileSync(path.join(dir, 'holidays.txt'), '# program holidays\n2027-01-18\n')
    // The skills-development modules alone: the rest of the library plays no part in this binder.
    const curriculum = libraryGroups('skills-development')
    const result = await run(['assemble', '--group', 'skills-development', '--start', '2027-01-04', '--days', '28', '--meets', 'mon,wed', '--minutes', '180', '--population', 'adolescent', '--holidays', 'holidays.txt', '--out', 'b', '--curriculum', curriculum], dir)
    expect(result.out).toContain('7 sessions')
    expect(result.out).toContain('week 3 under the ASAM 2.1 minimum of 6 h/week for adolescents (week 3: 3 h)')
    expect(result.out).toContain('program of 28 days, shorter than the 90-day minimum stay')
    // A full week under the minimum is an error: the verdict is negative and the exit code 1.
    expect(result.code).toBe(1)
    const bad = await run(['assemble', '--group', 'support', '--start', '2027-02-30', '--out', 'c', '--curriculum', curriculum], dir)
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('iop: Unexpected --start date `2027-02-30`, expected a real date as YYYY-MM-DD\n')
  })
})

describe('config validation', () => {
  it('names an unknown rule, an unknown option and a wrong option type at their line', async () => {
    expect((await run(['lint'], project('rules:\n  word-matter: warn\n'))).err).toMatch(/iop\.config\.yaml:2:\d+: Unexpected rule `word-matter`, expected a rule id such as `words-matter`/)
    expect((await run(['lint'], project('rules:\n  handout-reading-level: [warn, {grade: 5}]\n'))).err).toMatch(/iop\.config\.yaml:2:\d+: Unexpected option `grade` for `handout-reading-level`, expected `warn`, `error`, `minWords`/)
    expect((await run(['lint'], project('rules:\n  timing-part: [warn, {checkIn: "a lot"}]\n'))).err).toMatch(/iop\.config\.yaml:2:\d+: Unexpected string for option `checkIn` of `timing-part`, expected a number/)
  })
})
