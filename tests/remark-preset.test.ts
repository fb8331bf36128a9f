/**
 * The rules as remark plugins: the preset named in a `.remarkrc` runs
 * through unified-engine (as remark-cli and the editor extensions do) and
 * reports every rule with its id, line and docs URL, the same messages
 * `iop lint` gives. Client-safety rules stay errors whatever the setting.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {rulePlugins} from '../src/lint/plugins.js'
import preset from '../src/remark-preset.js'
import {root, run} from './helpers/run-cli.js'

const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
const longSentence = 'Who can you ask this week when things get hard and you feel like you want to use again, even though you have been doing well and going to every group and calling your sponsor or a friend each day?'

/** The base fixture with four problems: a stigmatizing word, a long sentence, a timing mismatch, a misspelled block. */
const broken = base
  .replace('Who can you ask this week?', longSentence)
  .replace('I will ask one person.', 'I will ask one addict.')
  .replace('### Practice (20 min)', '### Practice (25 min)')
  .replace('  :::facilitator\n  NESTED-LIST-SECRET', '  :::facilitater\n  NESTED-LIST-SECRET')

const expected = [
  '6:10 error timing-total Unexpected 65 timed minutes (Check-in 10 + Topic 20 + Practice 25 + Check-out 10), expected 60 as in `minutes`',
  '23:3 error facilitator-directive Unexpected directive `:::facilitater`, expected `:::facilitator`',
  '52:1 warning sentence-length Unexpected 40-word sentence in handout `Asking for Help`, expected at most 20 words (split it): “Who can you ask this week when things get hard and you feel…”',
  '56:22 error words-matter Unexpected `addict` in client text, expected person-first wording such as `person with a substance use disorder`'
]

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'iop-preset-'))
  mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
  writeFileSync(path.join(dir, 'curriculum', 'support', 'base.md'), broken)
  // As if installed: `iop-curriculum` resolves from the project's node_modules.
  mkdirSync(path.join(dir, 'node_modules'))
  symlinkSync(root, path.join(dir, 'node_modules', 'iop-curriculum'), 'dir')
  writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify({plugins: ['iop-curriculum/remark-preset']}) + '\n')
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function lines(file: VFile) {
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`)
}

function runEngine(files: string[]): Promise<{code: number; files: VFile[]}> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified().use(remarkParse).use(remarkStringify),
        files,
        cwd: dir,
        extensions: ['md'],
        rcName: '.remarkrc',
        packageField: 'remarkConfig',
        ignoreName: '.remarkignore',
        pluginPrefix: 'remark',
        output: false,
        out: false,
        frail: true,
        color: false,
        reporter: () => ''
      },
      (error, code, context) => (error ? reject(error) : resolve({code: code ?? 0, files: context?.files ?? []}))
    )
  })
}

describe('remark preset', () => {
  it('unified-engine with a .remarkrc naming iop-curriculum/remark-preset reports every rule at its line', async () => {
    const result = await runEngine(['curriculum/support/base.md'])
    expect(result.code).toBe(1)
    const [file] = result.files
    expect(lines(file)).toEqual(expected)
    for (const message of file.messages) {
      expect(message.source).toBe('iop')
      expect(message.url).toBe(`https://github.com/iop-curriculum/iop-curriculum/blob/main/docs/rules.md#${message.ruleId}`)
    }
  })

  it('like iop lint, the preset leaves a README beside the modules alone', async () => {
    writeFileSync(path.join(dir, 'curriculum', 'README.md'), '# Our modules\n\nTODO: list them.\n')
    try {
      const result = await runEngine(['curriculum'])
      expect(result.files.map((f) => `${f.path} ${f.messages.length}`)).toEqual(['curriculum/README.md 0', `curriculum/support/base.md ${expected.length}`])
    } finally {
      rmSync(path.join(dir, 'curriculum', 'README.md'))
    }
  })

  it('iop lint gives the same messages', async () => {
    const result = await run(['lint', '--format', 'json', 'curriculum/support/base.md'], dir)
    expect(result.code).toBe(1)
    const json = JSON.parse(result.out) as {messages: Array<{line: number; column: number; severity: string; ruleId: string; message: string}>}
    expect(json.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`)).toEqual(expected)
  })

  it('remark-cli itself reports them', () => {
    let output = ''
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'remark-cli', 'cli.js'), '--no-stdout', '--no-color', '--frail', 'curriculum/support/base.md'], {cwd: dir, encoding: 'utf8', stdio: 'pipe', env: {...process.env, NO_COLOR: '1'}})
    } catch (error) {
      output = String((error as {stderr: string}).stderr)
    }
    expect(output).toMatch(/6:10-6:12\s+error\s+Unexpected 65 timed minutes.*timing-total\s+iop/)
    expect(output).toMatch(/23:3\s+error\s+Unexpected directive `:::facilitater`, expected `:::facilitator`\s+facilitator-directive\s+iop/)
    expect(output).toMatch(/56:22\s+error\s+Unexpected `addict` in client text.*words-matter\s+iop/)
    expect(output).toMatch(/52:1\s+warning\s+Unexpected 40-word sentence.*sentence-length\s+iop/)
  })

  it('a rule set off in the curriculum folder is off in the preset too', async () => {
    writeFileSync(path.join(dir, 'curriculum', 'iop.config.yaml'), 'rules:\n  sentence-length: off\n')
    try {
      const result = await runEngine(['curriculum/support/base.md'])
      expect(lines(result.files[0]).map((l) => l.split(' ')[2])).toEqual(['timing-total', 'facilitator-directive', 'words-matter'])
    } finally {
      rmSync(path.join(dir, 'curriculum', 'iop.config.yaml'))
    }
  })

  it('client-safety rules stay errors whatever a .remarkrc says', async () => {
    const processor = unified()
      .use(remarkParse)
      .use(preset.plugins!.slice(0, 3))
      .use(rulePlugins.get('facilitator-directive')!, 'off')
      .use(rulePlugins.get('words-matter')!, 'off')
      .use(rulePlugins.get('timing-total')!, 'warn')
    const file = new VFile({path: path.join(dir, 'curriculum', 'support', 'base.md'), value: broken})
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((m) => `${m.ruleId} ${m.fatal ? 'error' : 'warning'}`)).toEqual(['facilitator-directive error', 'timing-total warning'])
  })
})
