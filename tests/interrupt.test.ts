/**
 * An assembly killed mid-run leaves a complete binder: the old one or, if
 * the swap already happened, the new one; never a half-written mix. A kill
 * between the swap's two renames leaves the old binder beside the target,
 * and the next run (here `recoverBinder`) puts it back.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli.js'
import {recoverBinder} from '../src/schedule/write-binder.js'
import {libraryGroups} from './helpers/library-groups.js'

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
      recoverBinder(dir)
      expect(readdirSync(path.dirname(dir)), 'no staging folders are left').toEqual(['binder'])
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

describe('recovery after a kill between the two renames', () => {
  it('puts the set-aside binder back and removes staging folders', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'iop-swap-'))
    const dir = path.join(parent, 'binder')
    const io = {stdout: () => {}, stderr: () => {}, cwd: root}
    // The wellness modules alone: this test builds the state a kill leaves by hand.
    expect(await main(['assemble', '--group', 'wellness', '--start', '2027-01-04', '--out', dir, '--curriculum', libraryGroups('wellness')], io)).toBe(0)
    const before = snapshot(dir)
    // The state a kill leaves mid-swap: old binder aside, new one half-written.
    renameSync(dir, path.join(parent, '.binder.iop-old-4242'))
    mkdirSync(path.join(parent, '.binder.iop-new-4242'))
    writeFileSync(path.join(parent, '.binder.iop-new-4242', 'index.html'), 'half')
    writeFileSync(path.join(parent, 'notes.txt'), 'not ours')
    expect(recoverBinder(dir)).toBe(true)
    expect(snapshot(dir)).toEqual(before)
    expect(readdirSync(parent).sort()).toEqual(['binder', 'notes.txt'])
  })
})
