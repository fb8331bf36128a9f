// Benchmark: parse, lint and build guide + handouts for every bundled module,
// then a 90-day assembly. Prints figures; not a test. Run: npm run bench
import {performance} from 'node:perf_hooks'
import {bundledCurriculumDir, loadCurriculum, lintModules, buildGuide, buildHandout, readProgram, runAssembly} from '../dist/index.js'

const t0 = performance.now()
const curriculum = loadCurriculum([bundledCurriculumDir])
const t1 = performance.now()
lintModules(curriculum.modules, curriculum.config)
const t2 = performance.now()
let bytes = 0
for (const m of curriculum.modules) {
  bytes += buildGuide([m]).length + buildGuide([m], {format: 'md'}).length
  bytes += buildHandout([m]).length + buildHandout([m], {format: 'md'}).length
}
const t3 = performance.now()
const assembly = runAssembly(readProgram(new URL('../examples/evening-program.yaml', import.meta.url).pathname), loadCurriculum([bundledCurriculumDir]), {})
const t4 = performance.now()
const n = curriculum.modules.length
console.log(`modules: ${n}`)
console.log(`load+parse: ${(t1 - t0).toFixed(0)} ms (${((t1 - t0) / n).toFixed(2)} ms/module)`)
console.log(`lint (16 rules): ${(t2 - t1).toFixed(0)} ms`)
console.log(`build 4 outputs each (${(bytes / 1e6).toFixed(1)} MB): ${(t3 - t2).toFixed(0)} ms (${((t3 - t2) / n).toFixed(2)} ms/module)`)
console.log(`assemble evening program (${assembly.schedule.sessions.length} sessions, ${assembly.files.size} files, load+lint included): ${(t4 - t3).toFixed(0)} ms`)
