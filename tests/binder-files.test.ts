/**
 * Nothing that iop did not write is ever removed or overwritten, with or
 * without --force: project folders, the working directory and its
 * ancestors, the home folder and `/` are refused; files someone added to a
 * binder stay where they are; `-o` and `iop new` never replace a folder or a
 * module. One run at a time writes a folder (a lock with the process id),
 * and an error keeps its exit code when stdout is closed early.
 */
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, symlinkSync, writeFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkBinderPlace} from '../src/schedule/binder-target.js'
import {recoverBinder} from '../src/schedule/write-binder.js'
import {lockFileOf, withFolderLock} from '../src/util/folder-lock.js'
import {libraryGroups} from './helpers/library-groups.js'
import {run} from './helpers/run-cli.js'

const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'bin', 'iop.js')
const exemplar = path.join(root, 'curriculum', 'support', 'joining-the-group.md')
/** A compliant 90-day binder, so exit 0 means "written", whatever the verdict rules become. */
const assemble = (out: string, start = '2027-01-04') => ['assemble', '--group', 'support', '--start', start, '--out', out]
/**
 * The same binder from the support modules alone, for runs that build one:
 * every run loads its whole curriculum, and these tests are about the files
 * around the binder. Refusals, and the real processes racing for the lock
 * (which need a run long enough to overlap), keep the default curriculum.
 */
const support = libraryGroups('support')
const built = (out: string, start?: string) => [...assemble(out, start), '--curriculum', support]

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'iop-files-'))
}

/** Every entry under `dir`: file bytes (base64), folder, or link target; plus each mode. */
function tree(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const name of readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()) {
    const full = path.join(dir, name)
    const stat = lstatSync(full)
    const mode = (stat.mode & 0o777).toString(8)
    result[name] = stat.isSymbolicLink() ? `link ${readlinkSync(full)}` : stat.isDirectory() ? `dir ${mode}` : `file ${mode} ${readFileSync(full).toString('base64')}`
  }
  return result
}

/** A folder that looks like someone's project: a git repository, notes and a sub-folder. */
function project(dir: string, withGit = true): void {
  if (withGit) {
    mkdirSync(path.join(dir, '.git', 'refs'), {recursive: true})
    writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
  }
  writeFileSync(path.join(dir, 'notes.txt'), 'session ideas, not for sharing\n')
  mkdirSync(path.join(dir, 'sub', 'deeper'), {recursive: true})
  writeFileSync(path.join(dir, 'sub', 'file'), Buffer.from([0, 1, 2, 255]))
  writeFileSync(path.join(dir, 'sub', 'deeper', 'script.sh'), '#!/bin/sh\n')
  chmodSync(path.join(dir, 'sub', 'deeper', 'script.sh'), 0o755)
}

/** Staging, set-aside and lock files left beside `dir`. */
function siblings(dir: string): string[] {
  return readdirSync(path.dirname(dir)).filter((name) => name.startsWith(`.${path.basename(dir)}.`))
}

function manifestFiles(dir: string): string[] {
  return JSON.parse(readFileSync(path.join(dir, 'curriculum.json'), 'utf8')).files
}

/** Files (not folders) under `dir`, `/`-separated. */
function files(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => !lstatSync(path.join(dir, name)).isDirectory())
    .map((name) => name.split(path.sep).join('/'))
    .sort()
}

describe('folders refused even with --force', () => {
  it('a project folder survives `--out . --force` byte for byte, and the run says why', async () => {
    const dir = scratch()
    project(dir)
    const before = tree(dir)
    const result = await run([...assemble('.'), '--force'], dir)
    expect(result.code).not.toBe(0)
    expect(result.err).toContain('Unexpected output folder that is the working directory')
    expect(result.err).toContain('refused even with --force')
    expect(tree(dir)).toEqual(before)
    expect(siblings(dir)).toEqual([])
  })

  it('a project folder survives `--out <that folder> --force` byte for byte, refused for its `.git`', async () => {
    const dir = scratch()
    project(dir)
    const before = tree(dir)
    const result = await run([...assemble(dir), '--force'])
    expect(result.code).not.toBe(0)
    expect(result.err).toContain(`${dir}: Unexpected output folder that holds \`.git\``)
    expect(tree(dir)).toEqual(before)
  })

  it.each([
    ['package.json', '{"name": "x"}\n'],
    ['iop.config.yaml', 'groups: []\n']
  ])('a folder holding `%s` is refused with --force', async (name, text) => {
    const dir = scratch()
    writeFileSync(path.join(dir, name), text)
    const before = tree(dir)
    const result = await run([...assemble(dir), '--force'])
    expect(result.err).toContain(`Unexpected output folder that holds \`${name}\``)
    expect(result.code).not.toBe(0)
    expect(tree(dir)).toEqual(before)
  })

  it('a curriculum folder (`--out curriculum --force`) keeps its modules; so does a folder inside it', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
    writeFileSync(path.join(dir, 'curriculum', 'support', 'joining-the-group.md'), readFileSync(exemplar))
    const before = tree(dir)
    const into = await run([...assemble('curriculum'), '--force'], dir)
    expect(into.code).not.toBe(0)
    expect(into.err).toContain('Unexpected output folder that is the curriculum folder')
    const inside = await run([...assemble('curriculum/support/binder'), '--force'], dir)
    expect(inside.err).toContain('Unexpected output folder that is inside the curriculum folder')
    // Named with another curriculum, the folder is refused for the module it holds.
    const held = await run([...assemble(path.join(dir, 'curriculum')), '--force'])
    expect(held.err).toContain('Unexpected output folder that holds the module `support/joining-the-group.md`')
    expect(tree(dir)).toEqual(before)
  })

  it('the working directory’s ancestors and the home folder are refused with --force', async () => {
    const dir = scratch()
    const cwd = path.join(dir, 'a', 'b')
    mkdirSync(cwd, {recursive: true})
    writeFileSync(path.join(dir, 'mine.txt'), 'mine')
    const before = tree(dir)
    for (const out of ['..', '../..']) {
      const result = await run([...assemble(out), '--force'], cwd)
      expect(result.err, out).toContain('Unexpected output folder that holds the working directory')
      expect(result.code, out).not.toBe(0)
    }
    // os.homedir() follows $HOME, so a scratch home stands in for the real one.
    const home = process.env.HOME
    process.env.HOME = dir
    try {
      const result = await run([...assemble(dir), '--force'])
      expect(result.err).toContain('Unexpected output folder that is the home folder')
      const above = await run([...assemble(path.dirname(dir)), '--force'])
      // When the checkout itself is under the scratch folder's parent (a clone in /tmp),
      // that folder also holds the working directory: either reason refuses it.
      expect(above.err).toMatch(/Unexpected output folder that holds the (home folder|working directory)/)
      expect(above.code).not.toBe(0)
    } finally {
      process.env.HOME = home
    }
    expect(tree(dir)).toEqual(before)
  })

  it('`/` is refused (checked without --force, so a broken guard cannot touch it)', async () => {
    expect(() => checkBinderPlace('/', {cwd: scratch()})).toThrow('/: Unexpected output folder that is the file system root')
    const result = await run(assemble('/'), scratch())
    expect(result.code).not.toBe(0)
    expect(result.err).toContain('Unexpected output folder that is the file system root')
  })

  it('a symbolic link where the binder goes is refused, and its target is untouched', async () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'real'))
    writeFileSync(path.join(dir, 'real', 'notes.txt'), 'mine')
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'))
    const before = tree(dir)
    const result = await run([...assemble(path.join(dir, 'link')), '--force'])
    expect(result.err).toContain('Unexpected symbolic link where the binder folder goes')
    expect(tree(dir)).toEqual(before)
  })
})

describe('--force keeps files iop did not write', () => {
  it('a folder of notes and a sub-folder (no .git): refused by name without --force, kept byte for byte with it', async () => {
    const dir = scratch()
    project(dir, false)
    const before = tree(dir)
    const refused = await run(built(dir))
    expect(refused.code).not.toBe(0)
    expect(refused.err).toContain('Unexpected folder with files that iop did not write (no curriculum.json): `notes.txt`, `sub/`')
    expect(tree(dir)).toEqual(before)

    const forced = await run([...built(dir), '--force'])
    expect(forced.code).toBe(0)
    expect(forced.err).toContain('kept 2 entries iop did not write')
    const after = tree(dir)
    for (const [name, value] of Object.entries(before)) expect(after[name], name).toBe(value)
    expect(files(dir)).toEqual([...manifestFiles(dir), 'notes.txt', 'sub/deeper/script.sh', 'sub/file'].sort())
    expect(siblings(dir)).toEqual([])
  })

  it('a user file put into an old binder survives a forced re-assembly, and only iop’s old files go', async () => {
    const parent = scratch()
    const dir = path.join(parent, 'binder')
    expect((await run(built(dir))).code).toBe(0)
    const first = manifestFiles(dir)
    expect(files(dir), 'curriculum.json lists every file of the binder').toEqual(first)
    const firstSession = first.find((name) => name.startsWith('sessions/'))!.split('/').slice(0, 2).join('/')
    writeFileSync(path.join(dir, firstSession, 'attendance-notes.txt'), 'kept')
    mkdirSync(path.join(dir, 'printed'))
    writeFileSync(path.join(dir, 'printed', 'binder.pdf'), Buffer.from([37, 80, 68, 70, 0, 200]))
    const mine = Object.fromEntries(Object.entries(tree(dir)).filter(([name]) => name.includes('attendance') || name.startsWith('printed')))

    // Without --force: refused by name, nothing changes.
    const blocked = await run(built(dir, '2027-03-01'))
    expect(blocked.code).not.toBe(0)
    expect(blocked.err).toContain(`Unexpected file \`printed/\`, \`${firstSession}/attendance-notes.txt\` that iop did not write`)
    expect(manifestFiles(dir)).toEqual(first)

    // With --force, and a new start date, so every session folder changes name.
    expect((await run([...built(dir, '2027-03-01'), '--force'])).code).toBe(0)
    const second = manifestFiles(dir)
    expect(second.some((name) => name.startsWith(firstSession + '/'))).toBe(false)
    const after = tree(dir)
    for (const [name, value] of Object.entries(mine)) expect(after[name], name).toBe(value)
    // The folder holds the new binder and the user's files: no old iop file is left.
    expect(files(dir)).toEqual([...second, `${firstSession}/attendance-notes.txt`, 'printed/binder.pdf'].sort())
    expect(readdirSync(parent)).toEqual(['binder'])
  })

  it('a file iop did not write where the new binder writes one is never replaced: the run is refused', async () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'index.html'), 'my own page')
    writeFileSync(path.join(dir, 'curriculum.json'), '{"mine": true}\n')
    const before = tree(dir)
    const result = await run([...built(dir), '--force'])
    expect(result.code).not.toBe(0)
    expect(result.err).toContain('Unexpected `curriculum.json` that iop did not write where the binder writes a file')
    expect(tree(dir)).toEqual(before)
    expect(siblings(dir)).toEqual([])
  })

  it('a run killed after the swap, before the user’s files were moved back, is finished by the next run', async () => {
    const parent = scratch()
    const dir = path.join(parent, 'binder')
    expect((await run(built(dir))).code).toBe(0)
    writeFileSync(path.join(dir, 'notes.txt'), 'mine')
    const old = tree(dir)
    // The state such a kill leaves: the old folder aside (user file inside), the new binder in place.
    renameSync(dir, path.join(parent, '.binder.iop-old-4242'))
    const other = path.join(scratch(), 'binder')
    expect((await run(built(other, '2027-03-01'))).code).toBe(0)
    renameSync(other, dir)
    const fresh = tree(dir)
    expect(recoverBinder(dir)).toBe(false)
    expect(tree(dir)).toEqual({...fresh, 'notes.txt': old['notes.txt']})
    expect(readdirSync(parent)).toEqual(['binder'])
  })
})

describe('-o and iop new never replace a folder or a module', () => {
  it.each(['guide', 'handout'])('`%s -o <existing folder> --force` is refused and the folder is unchanged', async (kind) => {
    const dir = scratch()
    project(dir)
    const before = tree(dir)
    const result = await run([kind, 'joining-the-group', '-o', dir, '--force', '--curriculum', support])
    expect(result.code).not.toBe(0)
    expect(result.err).toBe(`iop: ${dir}: Unexpected folder, expected a file path to write to\n`)
    expect(tree(dir)).toEqual(before)
  })

  it('`-o <a module file> --force` is refused; an earlier output file is replaced', async () => {
    const dir = scratch()
    const module = path.join(dir, 'joining-the-group.md')
    writeFileSync(module, readFileSync(exemplar))
    const result = await run(['guide', 'joining-the-group', '--format', 'md', '-o', module, '--force', '--curriculum', support])
    expect(result.code).not.toBe(0)
    expect(result.err).toContain('Unexpected module file as -o')
    expect(readFileSync(module)).toEqual(readFileSync(exemplar))
    const output = path.join(dir, 'guide.md')
    writeFileSync(output, '# an earlier guide\n')
    expect((await run(['guide', 'joining-the-group', '--format', 'md', '-o', output, '--force', '--curriculum', support])).code).toBe(0)
    expect(readFileSync(output, 'utf8')).toContain('Joining the Group')
  })

  it('`iop new` never replaces an existing module, and has no --force', async () => {
    const dir = scratch()
    expect((await run(['new', 'support/my-module'], dir)).code).toBe(0)
    const file = path.join(dir, 'curriculum', 'support', 'my-module.md')
    writeFileSync(file, readFileSync(file, 'utf8') + '\nAn author’s edits.\n')
    const edited = readFileSync(file, 'utf8')
    const again = await run(['new', 'support/my-module'], dir)
    expect(again.code).not.toBe(0)
    expect(again.err).toContain('Unexpected existing module, expected a new id (iop new never replaces a module')
    const forced = await run(['new', 'support/my-module', '--force'], dir)
    expect(forced.code).not.toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(edited)
  })
})

describe('one run at a time per folder', () => {
  it('a live lock holder makes a run fail cleanly and change nothing; a dead one is taken over', async () => {
    const parent = scratch()
    const dir = path.join(parent, 'binder')
    expect((await run(built(dir))).code).toBe(0)
    const before = tree(dir)
    const lock = lockFileOf(dir)
    // Our parent process is alive and is not us.
    writeFileSync(lock, JSON.stringify({pid: process.ppid, host: hostname()}) + '\n')
    const busy = await run(built(dir, '2027-03-01'))
    expect(busy.code).not.toBe(0)
    expect(busy.err).toContain(`${dir}: Unexpected assembly already writing this folder (process ${process.ppid} on ${hostname()} holds ${lock})`)
    expect(tree(dir)).toEqual(before)
    expect(readFileSync(lock, 'utf8')).toContain(String(process.ppid))

    // A process that has exited, our own id (left by an earlier process), a torn or empty file: stale.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
    for (const stale of [JSON.stringify({pid: Number(gone.stdout), host: hostname()}), JSON.stringify({pid: process.pid, host: hostname()}), '{"pid": 1', '']) {
      writeFileSync(lock, stale)
      expect(withFolderLock(dir, () => readFileSync(lock, 'utf8')), stale).toContain(`"pid":${process.pid}`)
      expect(readdirSync(parent), stale).toEqual(['binder'])
    }
    // Another machine's run cannot be checked, so it is respected.
    writeFileSync(lock, JSON.stringify({pid: Number(gone.stdout), host: 'elsewhere.example'}))
    expect(() => withFolderLock(dir, () => 0)).toThrow('(process ' + gone.stdout + ' on elsewhere.example holds')
    writeFileSync(lock, JSON.stringify({pid: Number(gone.stdout), host: hostname()}))
    expect((await run(built(dir, '2027-03-01'))).code).toBe(0)
    expect(readdirSync(parent)).toEqual(['binder'])
  })

  it('the lock is shared by nested holders in one process and released after an error', () => {
    const dir = path.join(scratch(), 'binder')
    expect(() =>
      withFolderLock(dir, () =>
        withFolderLock(dir, () => {
          expect(existsSync(lockFileOf(dir))).toBe(true)
          throw new Error('inner')
        })
      )
    ).toThrow('inner')
    expect(existsSync(lockFileOf(dir))).toBe(false)
  })

  it('two real processes assembling into one folder at once leave one complete binder, and the next run is not refused', async () => {
    const parent = scratch()
    const dir = path.join(parent, 'binder')
    const lock = lockFileOf(dir)
    const spawnRun = (start: string) => {
      const child = spawn(process.execPath, [bin, ...assemble(dir, start)], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
      let err = ''
      child.stderr.on('data', (chunk) => (err += chunk))
      const done = new Promise<{code: number | null; err: string}>((resolve) => child.on('close', (code) => resolve({code, err})))
      return {child, done}
    }
    const complete = (when: string) => {
      expect(files(dir), when).toEqual(manifestFiles(dir))
      expect(siblings(dir), when).toEqual([])
    }

    // The second run starts while the first holds the lock (seen on disk): it is turned away.
    const first = spawnRun('2027-01-04')
    const exited = first.done.then(() => false)
    const locked = await Promise.race([
      exited,
      new Promise<boolean>((resolve) => {
        const poll = setInterval(() => {
          if (existsSync(lock)) {
            clearInterval(poll)
            resolve(true)
          }
        }, 10)
        void exited.then(() => clearInterval(poll))
      })
    ])
    expect(locked, 'the first run held a lock file while it ran').toBe(true)
    const second = await spawnRun('2027-03-01').done
    const firstResult = await first.done
    expect(firstResult.code).toBe(0)
    expect(second.code).not.toBe(0)
    expect(second.err).toContain(`Unexpected assembly already writing this folder (process ${first.child.pid} on ${hostname()}`)
    complete('after a run turned away')
    expect(JSON.parse(readFileSync(path.join(dir, 'curriculum.json'), 'utf8')).program.start).toBe('2027-01-04')

    // Started together: whichever order they take the lock in, each writes or is turned away.
    const results = await Promise.all([spawnRun('2027-01-04').done, spawnRun('2027-03-01').done])
    for (const result of results) if (result.code !== 0) expect(result.err).toContain('Unexpected assembly already writing this folder')
    expect(results.some((result) => result.code === 0)).toBe(true)
    complete('after two runs started together')

    const next = await run(built(dir, '2027-05-03'))
    expect(next.code).toBe(0)
    complete('after the next run')
  }, 120_000)
})

describe('exit codes survive a closed stdout', () => {
  const badCurriculum = () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'curriculum', 'support'), {recursive: true})
    const base = readFileSync(path.join(root, 'tests', 'fixtures', 'lint', 'base.md'), 'utf8')
    // 800 errors, about 140 KB of report: more than a pipe holds, so writing it hits EPIPE.
    // The runs lint this curriculum alone (`--curriculum curriculum`), not the bundled library beside it.
    const lines = Array.from({length: 800}, (_, i) => `Line ${i}: an addict.`).join('\n')
    writeFileSync(path.join(dir, 'curriculum', 'support', 'base.md'), base.replace('Who can you ask this week?', `Who can you ask this week?\n\n${lines}`))
    return dir
  }

  it('`iop lint <bad> | head -1` exits 1 under pipefail', () => {
    const dir = badCurriculum()
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" lint --curriculum curriculum --format compact | head -1`], {cwd: dir, encoding: 'utf8'})
    expect(result.stdout).toMatch(/base\.md:\d+:\d+ +error +Unexpected `addict`/)
    expect(result.status).toBe(1)
  })

  it('a lint run whose stdout is closed before it writes still exits 1', async () => {
    const dir = badCurriculum()
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, 'lint', '--curriculum', 'curriculum'], {cwd: dir, stdio: ['ignore', 'pipe', 'ignore']})
      child.stdout.destroy()
      child.on('close', (status) => resolve(status))
    })
    expect(code).toBe(1)
  })
})
