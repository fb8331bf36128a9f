/**
 * The CLI in-process (commander with exitOverride) and once as the real
 * binary; the public API surface is pinned.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {libraryGroups} from './helpers/library-groups.js'
import {run} from './helpers/run-cli.js'

const root = path.resolve(import.meta.dirname, '..')
const exemplar = path.join(root, 'curriculum', 'relapse-prevention', 'triggers-and-high-risk-situations.md')

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'iop-cli-'))
}

/**
 * `--curriculum` of the relapse-prevention modules alone, for runs about a
 * flag, a path or a message rather than the library: every run loads its
 * whole curriculum first. Tests about the library keep the default.
 */
const relapsePrevention = libraryGroups('relapse-prevention')
const small = ['--curriculum', relapsePrevention]

describe('public API', () => {
  it('exports exactly the documented surface', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toMatchSnapshot()
  })
})

describe('iop lint', () => {
  it('passes the bundled curriculum with zero errors and zero warnings', async () => {
    const result = await run(['lint', '--max-warnings', '0'])
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^0 errors, 0 warnings in \d+ files\n$/)
  })

  it('gives stable JSON and exit 1 on errors; warnings alone exit 0 unless --max-warnings', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
    const file = path.join(dir, 'curriculum', 'support', 'base.md')
    const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
    writeFileSync(file, base.replace('## Check-in (10 min)', '## Check-in (20 min)').replace('## Topic (20 min)', '## Topic (10 min)'))
    // The bundled library is linted too (local modules add to it); name the file to see only its messages.
    const warn = await run(['lint', file, '--format', 'json'], dir)
    expect(warn.code).toBe(0)
    const json = JSON.parse(warn.out)
    expect(json).toMatchObject({version: 1, files: 1, errors: 0, warnings: 1})
    expect(json.messages[0]).toMatchObject({file, line: 18, column: 1, severity: 'warning', ruleId: 'timing-part'})
    expect((await run(['lint', file, '--max-warnings', '0', '--curriculum', 'curriculum'], dir)).code).toBe(1)
    writeFileSync(file, base.replace('Who can you ask this week?', 'Who can an addict ask?'))
    const error = await run(['lint', file, '--format', 'compact', '--curriculum', 'curriculum'], dir)
    expect(error.code).toBe(1)
    expect(error.out).toContain(`${file}:52:12  error  Unexpected \`addict\` in client text`)
  })

  it('--fix replaces only certain Words Matter terms and nothing else', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
    const file = path.join(dir, 'curriculum', 'support', 'base.md')
    const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
    writeFileSync(file, base.replace('Say: "Help is a skill."', 'Say: Detox is hard, and substance abuse is common. An addict is a person.'))
    const result = await run(['lint', '--fix'], dir)
    expect(readFileSync(file, 'utf8')).toBe(base.replace('Say: "Help is a skill."', 'Say: Withdrawal management is hard, and substance use is common. An addict is a person.'))
    expect(result.out).toContain('Unexpected `addict` in facilitator text')
    expect(result.code).toBe(0)
  })
})

describe('iop guide / handout / new', () => {
  it('builds a guide from a file it has never seen, and never overwrites without --force', async () => {
    const dir = scratch()
    const copy = path.join(dir, 'triggers-and-high-risk-situations.md')
    copyFileSync(exemplar, copy)
    const out = path.join(dir, 'guide.html')
    expect((await run(['guide', copy, '-o', out, ...small], dir)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<td>0:15</td><td>Topic</td><td>30 min</td>')
    writeFileSync(out, 'mine')
    const again = await run(['guide', copy, '-o', out, ...small], dir)
    expect(again.code).toBe(2)
    expect(again.err).toContain('Unexpected existing file, expected a new path (use --force to overwrite)')
    expect(readFileSync(out, 'utf8')).toBe('mine')
    expect((await run(['guide', copy, '-o', out, '--force', ...small], dir)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<!doctype html>')
  })

  it('an output path that is a folder, or cannot be written, is a clear error', async () => {
    const dir = scratch()
    const folder = await run(['guide', 'coping-with-cravings', '-o', dir, '--force', ...small], dir)
    expect(folder.code).toBe(2)
    expect(folder.err).toBe(`iop: ${dir}: Unexpected folder, expected a file path to write to\n`)
    const blocked = path.join(dir, 'a-file')
    writeFileSync(blocked, 'x')
    const under = await run(['guide', 'coping-with-cravings', '-o', path.join(blocked, 'guide.html'), ...small], dir)
    expect(under.code).toBe(2)
    expect(under.err).toMatch(/^iop: .*a-file\/guide\.html: Unexpected E[A-Z]+ while writing \(.*\), expected a writable path\n$/)
  })

  it('suggests the closest ids for an unknown module', async () => {
    const result = await run(['handout', 'coping-with-craving'])
    expect(result.code).toBe(2)
    expect(result.err).toContain('Unexpected unknown module `coping-with-craving`, expected a module id; did you mean `coping-with-cravings`')
  })

  it('refuses to build a module with errors, printing where', async () => {
    const dir = scratch()
    const file = path.join(dir, 'broken.md')
    writeFileSync(file, readFileSync(exemplar, 'utf8').replace('id: triggers-and-high-risk-situations', 'id: broken').replace(':::facilitator\nKeep', ':::facilitater\nKeep'))
    const result = await run(['handout', file, ...small], dir)
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toMatch(/broken\.md:\d+:1 {2}error {2}Unexpected directive `:::facilitater`, expected `:::facilitator` {2}facilitator-directive/)
  })

  it('an unreadable file is a clear error', async () => {
    const result = await run(['guide', '/nonexistent/x.md', ...small])
    expect(result.code).toBe(2)
    expect(result.err).toBe('iop: /nonexistent/x.md: Unexpected missing file, expected a path to a module (.md) or a module id\n')
  })

  it('new writes a skeleton whose only errors are its placeholders, with no schema comment that cannot resolve, and never overwrites', async () => {
    const dir = scratch()
    expect((await run(['new', 'support/my-session'], dir)).code).toBe(0)
    const file = path.join(dir, 'curriculum', 'support', 'my-session.md')
    const text = readFileSync(file, 'utf8')
    // No schema/ here: a comment pointing at ../../schema would not resolve.
    expect(text).not.toContain('yaml-language-server')
    expect(text).toContain('id: my-session')
    const lint = await run(['lint', '--format', 'json', '--curriculum', 'curriculum'], dir)
    expect(new Set(JSON.parse(lint.out).messages.map((m: {ruleId: string}) => m.ruleId))).toEqual(new Set(['placeholder-text']))
    mkdirSync(path.join(dir, 'schema'))
    writeFileSync(path.join(dir, 'schema', 'module.schema.json'), '{}')
    expect((await run(['new', 'support/with-schema'], dir)).code).toBe(0)
    expect(readFileSync(path.join(dir, 'curriculum', 'support', 'with-schema.md'), 'utf8')).toContain('# yaml-language-server: $schema=../../schema/module.schema.json\n')
    writeFileSync(file, 'mine')
    expect((await run(['new', 'support/my-session'], dir)).code).toBe(2)
    expect(readFileSync(file, 'utf8')).toBe('mine')
    expect((await run(['new', 'nope/x'], dir)).err).toContain('Unexpected group `nope`')
  })

  it('prints the version', async () => {
    const result = await run(['--version'])
    expect(result.code).toBe(0)
    expect(result.out).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version + '\n')
  })

  it('every command has --help with examples', async () => {
    for (const command of ['', 'lint', 'list', 'guide', 'handout', 'new', 'assemble', 'schema']) {
      const result = await run(command ? [command, '--help'] : ['--help'])
      expect(result.code, command).toBe(0)
      expect(result.out, command).toContain('Examples:')
    }
  })

  it('list --json reports at least 132 modules meeting every per-type minimum (issue 13), with a teen set', async () => {
    const rows = JSON.parse((await run(['list', '--json'])).out) as Array<{id: string; group: string; audience: string[]}>
    const minimum: Record<string, number> = {'relapse-prevention': 20, psychoeducation: 16, 'early-recovery-skills': 12, 'skills-development': 12, family: 10, support: 10, 'co-occurring': 10, 'twelve-step-facilitation': 8, aftercare: 8, wellness: 8, 'individual-counseling': 8, 'stress-management': 7}
    expect(rows.length).toBeGreaterThanOrEqual(132)
    for (const [group, count] of Object.entries(minimum)) expect(rows.filter((r) => r.group === group).length, group).toBeGreaterThanOrEqual(count)
    // Written for teens: audience adolescent only, at least 10 across at least 5 group types, one of them family.
    const teen = rows.filter((r) => r.audience.length === 1 && r.audience[0] === 'adolescent')
    expect(teen.length).toBeGreaterThanOrEqual(10)
    expect(new Set(teen.map((r) => r.group)).size).toBeGreaterThanOrEqual(5)
    expect(teen.some((r) => r.group === 'family')).toBe(true)
  })

  it('docs/curriculum.md is what `iop list --format md` generates', async () => {
    expect((await run(['list', '--format', 'md'])).out).toBe(readFileSync(path.join(root, 'docs', 'curriculum.md'), 'utf8'))
  })
})

describe('the real binary', () => {
  it('runs, prints a handout to stdout and exits 0; an unknown module or option exits 2 without a stack trace', () => {
    const bin = path.join(root, 'bin', 'iop.js')
    const ok = execFileSync(process.execPath, [bin, 'handout', 'coping-with-cravings', '--format', 'md'], {cwd: root, encoding: 'utf8'})
    expect(ok).toContain('988')
    const bad = spawnSync(process.execPath, [bin, 'guide', 'no-such-module-at-all'], {cwd: root, encoding: 'utf8'})
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^iop: Unexpected unknown module/)
    expect(bad.stderr).not.toMatch(/\n\s+at /)
    const flag = spawnSync(process.execPath, [bin, 'lint', '--no-such-flag'], {cwd: root, encoding: 'utf8'})
    expect(flag.status).toBe(2)
    expect(flag.stderr).toContain("unknown option '--no-such-flag'")
    expect(existsSync(bin)).toBe(true)
  })
})
