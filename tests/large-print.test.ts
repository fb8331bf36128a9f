/**
 * `--large-print` on `iop handout` and `iop assemble`, and `largePrint` in
 * the API: handout pages carry the `large-print` class that handout.css sizes
 * at 16 pt (measured in tests/worksheet-print.test.ts); guides and Markdown
 * are unchanged; the binder's manifest records it.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {libraryGroups} from './helpers/library-groups.js'
import {run} from './helpers/run-cli.js'
import {twoWeekProgram} from './helpers/program-text.js'

const dir = mkdtempSync(path.join(tmpdir(), 'iop-large-print-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))
// The relapse-prevention modules alone: each command loads its whole curriculum, and these are about one flag.
const curriculum = libraryGroups('relapse-prevention')

describe('--large-print', () => {
  it('iop handout --large-print marks every handout page; without it none is marked', async () => {
    const large = await run(['handout', 'coping-with-cravings', '--large-print', '--curriculum', curriculum])
    expect(large.code).toBe(0)
    expect(large.out.match(/<section class="handout large-print">/g)).toHaveLength(2)
    const normal = await run(['handout', 'coping-with-cravings', '--curriculum', curriculum])
    expect(normal.out).not.toContain('<section class="handout large-print">')
    expect(large.out.replaceAll(' large-print', '')).toBe(normal.out)
  })

  it('iop guide has no --large-print (it is for client handouts)', async () => {
    const result = await run(['guide', 'coping-with-cravings', '--large-print'])
    expect(result.code).toBe(2)
    expect(result.err).toContain("unknown option '--large-print'")
  })

  it('iop assemble --large-print writes large-print handouts and records it in curriculum.json', async () => {
    const program = path.join(dir, 'program.yaml')
    writeFileSync(program, twoWeekProgram('Large Print Test'))
    const out = path.join(dir, 'binder')
    const result = await run(['assemble', '--program', program, '--out', out, '--large-print', '--curriculum', curriculum])
    expect(result.code).toBeLessThanOrEqual(1)
    const sessions = readdirSync(path.join(out, 'sessions'))
    expect(sessions.length).toBeGreaterThan(0)
    for (const session of sessions) {
      expect(readFileSync(path.join(out, 'sessions', session, 'handout.html'), 'utf8')).toContain('<section class="handout large-print">')
      expect(readFileSync(path.join(out, 'sessions', session, 'guide.html'), 'utf8')).not.toContain('large-print">')
    }
    expect(JSON.parse(readFileSync(path.join(out, 'curriculum.json'), 'utf8')).inputs).toMatchObject({largePrint: true})
  })
})
