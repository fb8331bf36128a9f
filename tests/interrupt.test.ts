/**
 * An assembly killed mid-run leaves a complete binder in place: the old one,
 * or, if the swap already happened, the new one; never a half-written mix.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'

const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'bin', 'iop.js')

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'})) {
    const full = path.join(dir, name)
    if (name.endsWith('.html') || name.endsWith('.json') || name.endsWith('.ics') || name.endsWith('.csv')) files.set(name, readFileSync(full, 'utf8'))
  }
  return files
}

/** Resolves to true when the run was killed before it finished. */
function killAfter(args: string[], ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd: root, stdio: 'ignore'})
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      resolve(signal === 'SIGKILL')
    })
  })
}

describe('interrupted assembly', () => {
  it('always leaves the previous binder or the complete new one', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'iop-kill-')), 'binder')
    const io = {stdout: () => {}, stderr: () => {}, cwd: root}
    expect(await main(['assemble', '--group', 'support', '--start', '2027-01-04', '--out', dir], io)).toBe(0)
    const old = snapshot(dir)
    let newer: Map<string, string> | undefined
    let killed = 0

    for (const ms of [150, 500, 900, 1300, 1700, 2100, 2600, 3200]) {
      if (await killAfter(['assemble', '--group', 'support', '--start', '2027-03-01', '--out', dir], ms)) killed++
      expect(existsSync(path.join(dir, 'curriculum.json')), `killed after ${ms} ms`).toBe(true)
      const now = snapshot(dir)
      const start = JSON.parse(now.get('curriculum.json')!).program.start
      if (start === '2027-01-04') expect(now, `killed after ${ms} ms`).toEqual(old)
      else {
        expect(start).toBe('2027-03-01')
        newer ??= now
        expect(now).toEqual(newer)
        expect(now.size).toBe(old.size)
      }
    }
    // The runs were really cut short, or the test proved nothing.
    expect(killed).toBeGreaterThan(0)
  })
})
