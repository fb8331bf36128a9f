// Child: the full build of a curriculum folder. Uses the library's
// buildLibrary(dirs, {jobs, cache}) when dist/index.js exports it; until then
// the fallback: load the curriculum, lint it all, then build each module's
// facilitator guide and client handouts as HTML. Prints which path it took.
// Usage: node scripts/bench/full-build.js <dir> [jobs]
import * as iop from '../../dist/index.js'

const dir = process.argv[2]
const jobs = Number(process.argv[3] ?? 1)

if (typeof iop.buildLibrary === 'function') {
  // The cache as the CLI opens it (IOP_CACHE_DIR, a fresh folder per run: cold), written at the end as a real run writes it.
  const cache = iop.openLintCache(iop.lintCacheDir(process.cwd()))
  const result = await iop.buildLibrary([dir], {jobs, cache})
  cache.save()
  console.log(JSON.stringify({path: 'buildLibrary', ...result}))
} else {
  if (jobs !== 1) {
    console.log(JSON.stringify({unsupported: 'buildLibrary is not exported by dist/index.js yet; the fallback has no workers'}))
    process.exit(0)
  }
  const curriculum = iop.loadCurriculum([dir])
  const summary = iop.lintModules(curriculum.modules, curriculum.config)
  let bytes = 0
  for (const module of curriculum.modules) {
    // A module with lint errors is refused by the builds; the count shows it.
    if (iop.hasErrors(module)) continue
    bytes += iop.buildGuide([module]).length + iop.buildHandout([module]).length
  }
  console.log(JSON.stringify({path: 'fallback', modules: curriculum.modules.length, errors: summary.errors, bytes}))
}
