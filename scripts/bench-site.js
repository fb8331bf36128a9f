// Benchmark, not a test: time `iop site --out` (the real CLI, wall clock) on
// the bundled library and on synthetic curricula of 250, 500 and 1,000
// modules (bundled modules copied under new ids), to show it scales linearly.
// Run: npm run bench:site   (or: node scripts/bench-site.js 1000)
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {bundledCurriculumDir, loadCurriculum} from '../dist/index.js'

const hasTime = existsSync('/usr/bin/time')
const bin = fileURLToPath(new URL('../bin/iop.js', import.meta.url))
const sizes = process.argv.slice(2).map(Number).filter(Boolean)
const bundled = loadCurriculum([bundledCurriculumDir]).modules.filter((m) => m.meta && !m.meta.draft)
const sources = bundled.map((m) => ({group: m.meta.group, id: m.meta.id, text: readFileSync(m.file.path, 'utf8')}))

/** A curriculum of `count` modules: copies of the bundled ones, each copy's `requires` pointing inside it. */
function synthetic(count) {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-bench-site-'))
  for (let i = 0; i < count; i++) {
    const s = sources[i % sources.length]
    const c = Math.floor(i / sources.length)
    const id = `${s.id}-${c}`
    mkdirSync(path.join(dir, s.group), {recursive: true})
    const text = s.text.replace(`id: ${s.id}`, `id: ${id}`).replace(/requires: \[([^\]]*)\]/, (_, list) => `requires: [${list.split(',').filter((r) => r.trim()).map((r) => `${r.trim()}-${c}`).join(', ')}]`)
    writeFileSync(path.join(dir, s.group, `${id}.md`), text)
  }
  return dir
}

function time(label, curriculum) {
  const work = mkdtempSync(path.join(tmpdir(), 'iop-bench-out-'))
  const out = path.join(work, 's')
  const args = [bin, 'site', '--out', out, ...(curriculum ? ['--curriculum', curriculum] : [])]
  const start = performance.now()
  // With GNU time, also the CPU seconds: on a shared machine the wall clock mostly measures the others.
  const timeFile = path.join(work, 'time.txt')
  const stdout = hasTime
    ? execFileSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, ...args], {cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
    : execFileSync(process.execPath, args, {cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
  const seconds = (performance.now() - start) / 1000
  const cpu = hasTime ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number).reduce((a, b) => a + b, 0) : undefined
  const modules = Number(/\((\d+) modules/.exec(stdout)?.[1])
  console.log(`${label}: ${modules} modules, ${seconds.toFixed(1)} s wall${cpu === undefined ? '' : `, ${cpu.toFixed(1)} s CPU (${((cpu * 1000) / modules).toFixed(1)} ms CPU/module)`}; ${stdout.trim()}`)
  rmSync(work, {recursive: true, force: true})
}

time('bundled library', undefined)
for (const count of sizes.length > 0 ? sizes : [250, 500, 1000]) {
  const dir = synthetic(count)
  time(`synthetic ${count}`, dir)
  rmSync(dir, {recursive: true, force: true})
}
