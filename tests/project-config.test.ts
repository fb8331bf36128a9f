/**
 * The project's iop.config.yaml: found from the working folder upward or
 * given with --config; `curriculum: [bundled, ./curriculum]` adds local
 * modules to the bundled library; a folder with only a config still has the
 * bundled modules; options that do not apply are refused.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {bundledLibrary} from './helpers/bundled-library.js'
import {root, run} from './helpers/run-cli.js'

const bundledCount = bundledLibrary().modules.length
const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, {recursive: true, force: true})))

/** A project folder (never the temp root itself: a config there would reach every test). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-project-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

async function ids(cwd: string, extra: string[] = []) {
  const result = await run(['list', '--json', ...extra], cwd)
  expect(result.err).toBe('')
  return (JSON.parse(result.out) as Array<{id: string}>).map((m) => m.id)
}

describe('project config', () => {
  it('a local module with a bundled id is a unique-id error, unless it says `overrides: true`', async () => {
    const local = base.replace('id: base', 'id: coping-with-cravings')
    const dir = project({'curriculum/support/coping-with-cravings.md': local})
    const clash = await run(['lint', '--format', 'compact'], dir)
    expect(clash.code).toBe(1)
    expect(clash.out + clash.err).toMatch(/unique-id/)
    writeFileSync(path.join(dir, 'curriculum/support/coping-with-cravings.md'), local.replace('tags: [support]', 'tags: [support]\noverrides: true'))
    const list = await run(['list', '--json'], dir)
    const rows = JSON.parse(list.out) as Array<{id: string; group: string}>
    expect(rows.length).toBe(bundledCount)
    // The local module is the one the curriculum holds now.
    expect(rows.find((row) => row.id === 'coping-with-cravings')?.group).toBe('support')
    expect(await run(['lint'], dir)).toMatchObject({code: 0})
  })

  it('--curriculum names an installed npm package that ships modules', async () => {
    const dir = project({
      'node_modules/@clinic/iop-modules/package.json': '{"name": "@clinic/iop-modules", "version": "1.0.0"}\n',
      'node_modules/@clinic/iop-modules/curriculum/support/base.md': base
    })
    expect(await ids(dir, ['--curriculum', '@clinic/iop-modules'])).toEqual(['base'])
    // From a folder below, as Node finds packages; and in the config's list.
    mkdirSync(path.join(dir, 'sub'))
    expect(await ids(path.join(dir, 'sub'), ['--curriculum', '@clinic/iop-modules'])).toEqual(['base'])
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'curriculum: [bundled, "@clinic/iop-modules"]\n')
    expect((await ids(dir)).length).toBe(bundledCount + 1)
  })

  it('a local module adds to the bundled library; `curriculum: [./curriculum]` keeps only the local ones', async () => {
    const dir = project({'curriculum/support/base.md': base})
    const added = await ids(dir)
    expect(added.length).toBe(bundledCount + 1)
    expect(added).toContain('base')
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'curriculum: [./curriculum]\n')
    expect(await ids(dir)).toEqual(['base'])
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'curriculum: [bundled, ./curriculum]\n')
    const both = await ids(dir)
    expect(both.length).toBe(bundledCount + 1)
    expect(both).toContain('base')
    expect(both).toContain('coping-with-cravings')
    // Found from a folder below, and relative to the config file.
    mkdirSync(path.join(dir, 'notes'))
    expect((await ids(path.join(dir, 'notes'))).length).toBe(bundledCount + 1)
    const lint = await run(['lint'], dir)
    // Lint reports the project's own module; the library is its context.
    expect(lint).toMatchObject({code: 0, out: '0 errors, 0 warnings in 1 file\n'})
  })

  it('a folder with only iop.config.yaml uses the bundled library with its crisis line', async () => {
    const dir = project({'iop.config.yaml': 'crisis: "Call the Example Clinic line at 555-0100, day or night."\n'})
    expect((await ids(dir)).length).toBe(bundledCount)
    const handout = await run(['handout', 'coping-with-cravings', '--format', 'md'], dir)
    expect(handout.code).toBe(0)
    expect(handout.out).toContain('Call the Example Clinic line at 555-0100, day or night.')
    expect(handout.out).not.toContain('988')
  })

  it('--config names the file, before or after the command; a missing one is a usage error', async () => {
    const dir = project({'curriculum/support/base.md': base, 'conf/clinic.yaml': 'curriculum: [bundled, ../curriculum]\n'})
    expect((await ids(dir, ['--config', 'conf/clinic.yaml'])).length).toBe(bundledCount + 1)
    const before = await run(['--config', 'conf/clinic.yaml', 'list', '--json'], dir)
    expect(JSON.parse(before.out).length).toBe(bundledCount + 1)
    expect(await run(['list', '--config', 'nope.yaml'], dir)).toMatchObject({code: 2, err: 'iop: nope.yaml: Unexpected missing config file, expected an iop.config.yaml\n'})
  })

  it('a `curriculum` entry that is not a folder is a configuration error at its line', async () => {
    const dir = project({'iop.config.yaml': 'crisis: "Call 555-0100."\ncurriculum: [bundled, ./nothere]\n'})
    const result = await run(['list'], dir)
    expect(result).toMatchObject({code: 2, err: `iop: ${path.join(dir, 'iop.config.yaml')}:2:23: Unexpected missing folder \`./nothere\` in \`curriculum\`, expected a curriculum folder, an installed package or \`bundled\`\n`})
    writeFileSync(path.join(dir, 'iop.config.yaml'), 'curriculum: ./curriculum\n')
    expect((await run(['list'], dir)).err).toBe(`iop: ${path.join(dir, 'iop.config.yaml')}:1:13: Unexpected value at \`curriculum\`, expected a list of folders such as [bundled, ./curriculum]\n`)
  })

  it('--start, --days and the other one-group options with --program are a usage error that says so', async () => {
    const dir = project({})
    const result = await run(['assemble', '--program', path.join(root, 'examples', 'evening-program.yaml'), '--start', '2027-01-04', '--out', 'out'], dir)
    expect(result).toMatchObject({code: 2, err: 'iop: Unexpected --start with --program, expected it in the program file (`start:`; see docs/programs.md) or --group instead of --program\n'})
    const two = await run(['assemble', '--program', path.join(root, 'examples', 'evening-program.yaml'), '--days', '30', '--meets', 'mon', '--out', 'out'], dir)
    expect(two.err).toBe('iop: Unexpected --days, --meets with --program, expected them in the program file (`days:`, `meets:`; see docs/programs.md) or --group instead of --program\n')
  })
})
