/**
 * Worker threads (`--jobs`) and the progress line (issue 11): the same bytes
 * whatever the number of threads, and no progress drawn where nobody watches.
 */
import {createHash} from 'node:crypto'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest'
import {bundledCurriculumDir} from '../src/curriculum/load-curriculum.js'
import {buildLibrary} from '../src/render/build-library.js'
import {progressLine} from '../src/print/progress-line.js'
import {run} from './helpers/run-cli.js'

// Two groups, 33 modules: over the 32 below which no worker starts. Their
// requires reach other groups, so some modules have lint errors too.
const dir = mkdtempSync(path.join(tmpdir(), 'iop-parallel-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
for (const group of ['relapse-prevention', 'support']) cpSync(path.join(bundledCurriculumDir, group), path.join(dir, group), {recursive: true})
// One module with an error in client text, which must not be built.
const broken = path.join(dir, 'support', 'joining-the-group.md')
writeFileSync(broken, readFileSync(broken, 'utf8').replace(/\n## Handouts\n/, '\n## Handouts\n\nNo one here is an addict.\n'))

async function digest(jobs: number) {
  const hash = createHash('sha256')
  const ids: string[] = []
  const result = await buildLibrary([dir], {cache: false, jobs, onModule: (module, pages) => {
    ids.push(module.meta!.id)
    hash.update(module.meta!.id).update('\0').update(pages.guide).update('\0').update(pages.handouts)
  }})
  return {result, ids, digest: hash.digest('hex')}
}

describe('worker threads', () => {
  it('a full build on 2 threads gives every page byte for byte as on 1, in the same order', async () => {
    const one = await digest(1)
    const two = await digest(2)
    expect(one.result.modules).toBe(33)
    expect(one.result.errors).toBe(1)
    expect(one.ids).not.toContain('joining-the-group')
    expect(one.ids.length).toBeGreaterThan(10)
    expect(two.ids).toEqual(one.ids)
    expect(two.digest).toBe(one.digest)
    expect(two.result).toEqual(one.result)
  })

  it('iop lint --jobs 2 reports exactly what --jobs 1 reports, errors included', async () => {
    const one = await run(['--no-cache', 'lint', '--curriculum', dir, '--jobs', '1', '--format', 'json'])
    const two = await run(['--no-cache', 'lint', '--curriculum', dir, '--jobs', '2', '--format', 'json'])
    expect(two.code).toBe(one.code)
    expect(two.out).toBe(one.out)
    expect(JSON.parse(one.out).files).toBe(41)
    expect(JSON.parse(one.out).errors).toBeGreaterThan(0)
  })

  it('--jobs takes a whole number from 1', async () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const result = await run(['lint', '--jobs', bad])
      expect(result.code, bad).toBe(2)
      expect(result.err).toContain(`Unexpected --jobs ${bad}, expected a whole number from 1 to 256`)
    }
  })
})

describe('progress line', () => {
  afterEach(() => vi.useRealTimers())

  function terminal() {
    const written: string[] = []
    const stream = new Writable({write(chunk, _encoding, next) {
      written.push(String(chunk))
      next()
    }}) as unknown as NodeJS.WriteStream
    Object.assign(stream, {isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true})
    return {stream, written}
  }

  it('draws on a terminal once a run has taken a second, and never in a pipe, with --quiet or when stdout is not a terminal', () => {
    vi.useFakeTimers()
    const shown = terminal()
    const line = progressLine(shown.stream, 'modules linted', {stdoutIsTTY: true})
    line.update(1, 100)
    expect(shown.written.join('')).toBe('')
    vi.advanceTimersByTime(1500)
    line.update(50, 100)
    line.stop()
    expect(shown.written.join('')).toContain('modules linted')

    for (const [label, stream, options] of [
      ['pipe', Object.assign(terminal().stream, {isTTY: false}), {stdoutIsTTY: true}],
      ['quiet', terminal().stream, {stdoutIsTTY: true, quiet: true}],
      ['stdout piped', terminal().stream, {stdoutIsTTY: false}]
    ] as const) {
      const writes: string[] = []
      const original = stream.write.bind(stream)
      stream.write = ((chunk: string) => writes.push(chunk) > 0 && original(chunk)) as typeof stream.write
      const quiet = progressLine(stream, 'modules linted', options)
      vi.advanceTimersByTime(1500)
      quiet.update(50, 100)
      quiet.stop()
      expect(writes, label).toEqual([])
    }
  })
})
