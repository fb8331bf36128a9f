// Benchmark, not a test: parse, lint and build every bundled module, assemble
// the example program, and show that cost grows linearly with the number of
// modules (the curriculum copied 1x, 5x and 10x under new ids).
// Run: npm run bench
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {buildGuide, buildHandout, bundledCurriculumDir, lintModules, loadCurriculum, readProgram, runAssembly} from '../dist/index.js'

const ms = (start) => `${(performance.now() - start).toFixed(0)} ms`

let t = performance.now()
const curriculum = loadCurriculum([bundledCurriculumDir])
const n = curriculum.modules.length
console.log(`modules: ${n}`)
console.log(`load + parse (cold): ${ms(t)}`)
t = performance.now()
lintModules(curriculum.modules, curriculum.config)
console.log(`lint, all rules: ${ms(t)}`)
t = performance.now()
let bytes = 0
for (const m of curriculum.modules) {
  bytes += buildGuide([m]).length + buildGuide([m], {format: 'md'}).length
  bytes += buildHandout([m]).length + buildHandout([m], {format: 'md'}).length
}
console.log(`build guide + handouts, html + md (${(bytes / 1e6).toFixed(1)} MB): ${ms(t)}`)
t = performance.now()
const program = readProgram(fileURLToPath(new URL('../examples/evening-program.yaml', import.meta.url)))
const assembly = runAssembly(program, loadCurriculum([bundledCurriculumDir]), {})
console.log(`assemble evening program (${assembly.schedule.sessions.length} sessions, ${assembly.files.size} files, load + lint included): ${ms(t)}`)

// Scaling: copies of the curriculum under new ids; time load + parse + lint.
const sources = curriculum.modules.map((m) => ({group: m.meta.group, id: m.meta.id, text: readFileSync(m.file.path, 'utf8')}))
for (const copies of [1, 5, 10]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'iop-bench-'))
  for (let c = 0; c < copies; c++) {
    for (const s of sources) {
      const id = `${s.id}-${c}`
      mkdirSync(path.join(dir, s.group), {recursive: true})
      const text = s.text.replace(`id: ${s.id}`, `id: ${id}`).replace(/requires: \[([^\]]*)\]/, (_, list) => `requires: [${list.split(',').map((r) => `${r.trim()}-${c}`).join(', ')}]`)
      writeFileSync(path.join(dir, s.group, `${id}.md`), text)
    }
  }
  t = performance.now()
  const big = loadCurriculum([dir])
  const summary = lintModules(big.modules, big.config)
  const elapsed = performance.now() - t
  console.log(`scale ${big.modules.length} modules: load + parse + lint ${elapsed.toFixed(0)} ms (${(elapsed / big.modules.length).toFixed(1)} ms/module, ${summary.errors} errors)`)
  rmSync(dir, {recursive: true, force: true})
}
