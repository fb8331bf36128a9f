// Benchmark for issue 11, not a test: from one run, the full build and
// `iop lint` against the bare unified pass (remark-parse, remark-frontmatter,
// remark-rehype, rehype-stringify) on synthetic curricula of 100, 1,000 and
// 10,000 modules, the scaling exponent, peak memory, everyday commands cold
// and warm on the bundled library, `iop lint` after one module changes, and
// a closing table of the issue's targets. Measures what exists when it runs:
// a missing feature (cache, --jobs, buildLibrary) prints n/a with the reason.
// It exits 0 whatever it finds. docs/performance.md explains each figure.
//
// Run: npm run bench
//   BENCH_SIZES=100,1000  sizes of the synthetic curricula (default 100,1000,10000)
//   BENCH_RUNS=3          paired runs per size, medians reported (default 3)
//   BENCH_RUNS_LARGE=1    paired runs at 10,000 modules or more (default 1)
//   BENCH_TIMEOUT=3600    seconds one child may run before it counts as failed
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {changedModule} from './bench/changed-module.js'
import {cliTimings} from './bench/cli-timings.js'
import {detectFeatures, freshDir, root} from './bench/context.js'
import {pairedRuns} from './bench/paired.js'
import {count, heading, machine, megabytes, seconds, table, times} from './bench/report.js'
import {bundledSources, writeSynthetic} from './bench/synthetic.js'
import {targetRows} from './bench/targets.js'

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 1)
const runsLarge = Math.max(1, Number(process.env.BENCH_RUNS_LARGE ?? 1) || 1)
const runsAt = (size) => (size >= 10000 ? Math.min(runs, runsLarge) : runs)
/** The size the ratios, the changed-module figure and the lint check are read at. */
const reference = 1000

/** The default cache folder, watched in case a build ignores IOP_CACHE_DIR (then "cold" runs would be warm). */
const defaultCacheDir = path.join(root, 'node_modules', '.cache', 'iop')
const cacheStamp = () => {
  try {
    return readdirSync(defaultCacheDir, {recursive: true}).map((name) => `${name}:${statSync(path.join(defaultCacheDir, name)).mtimeMs}`).join('|')
  } catch {
    return 'none'
  }
}
const defaultCache = cacheStamp()

async function main(work) {
  console.log('iop benchmark (npm run bench), issue 11. A report, not a test: it exits 0 whatever it finds.')
  console.log(`Machine: ${machine()}`)
  console.log(`Sizes: ${sizes.map(count).join(', ')} modules; ${runs} paired run(s) per size${sizes.some((s) => s >= 10000) ? `, ${Math.min(runs, runsLarge)} at 10,000 or more` : ''}`)
  const features = await detectFeatures(work)
  const yesNo = (value) => (value ? 'yes' : 'no')
  console.log(`In this build: buildLibrary ${yesNo(features.buildLibrary)}${features.buildLibrary ? '' : ' (full build uses the fallback)'}; cache (--no-cache, IOP_CACHE_DIR) ${yesNo(features.cache)}; iop lint --jobs ${yesNo(features.lintJobs)}; iop site --jobs ${yesNo(features.siteJobs)}`)

  const sources = bundledSources()
  const bySize = new Map()
  let change = {reason: `${count(reference)} is not in BENCH_SIZES`}
  for (const size of sizes) {
    heading(`${count(size)} modules: bare unified pass, full build, iop lint (${runsAt(size)} paired run(s), medians)`)
    const dir = freshDir(work, `curriculum-${size}`)
    const start = performance.now()
    const files = writeSynthetic(sources, size, dir)
    console.log(`Synthetic curriculum: ${count(files.length)} modules, copies of the ${sources.length} bundled modules under new ids, written in ${seconds((performance.now() - start) / 1000)}`)
    const {measures, ratios} = pairedRuns({dir, runs: runsAt(size), features, work})
    bySize.set(size, {measures, ratios})
    const row = (label, m, cpuRatio, wallRatio, note) =>
      m.reason ? [label, 'n/a', '', '', '', '', m.reason] : [label, seconds(m.cpu), seconds(m.wall), megabytes(m.rss), times(cpuRatio), times(wallRatio), note]
    const lint = measures.lint.result
    table(['measure (each its own process)', 'CPU', 'wall', 'peak RSS', 'CPU x bare', 'wall x bare', 'what it did'], [
      row('bare unified pass', measures.bare, 1, 1, measures.bare.result && `${count(measures.bare.result.bytes)} chars of HTML`),
      row('full build, 1 job, cold cache', measures.full1, ratios.fullCpu, ratios.fullWall, measures.full1.result && `${measures.full1.result.path}: ${count(measures.full1.result.bytes)} chars, ${count(measures.full1.result.errors)} errors`),
      row('full build, 2 jobs, cold cache', measures.full2, ratios.full2Cpu, ratios.full2Wall, measures.full2.result && `${count(measures.full2.result.bytes)} chars`),
      row('iop lint --format compact, cold cache', measures.lint, ratios.lintCpu, ratios.lintWall, lint && `${lint.errors} errors, ${lint.warnings} warnings in ${count(lint.files)} files`)
    ])
    if (measures.full1.result?.path === 'fallback') console.log('  fallback: loadCurriculum + lintModules, then buildGuide([m]) and buildHandout([m]) per module, HTML (buildLibrary does not exist yet)')
    if (features.cache && !measures.full1.cacheWritten && !measures.lint.cacheWritten) console.log('  Note: --no-cache exists but no run wrote into its IOP_CACHE_DIR.')
    if (size === reference) {
      console.log(lint ? `Check: iop lint on the ${count(size)}-module copy gives ${lint.errors} errors (${lint.errors === 0 ? 'clean, as it must be' : 'NOT clean: the synthetic copies are wrong or a rule changed; figures are suspect'})` : 'Check: iop lint on the copy: n/a (no lint result)')
      change = changedModule({dir, files, runs, work})
    }
    rmSync(dir, {recursive: true, force: true})
  }

  heading('Scaling (whole-process CPU; exponent 1 is linear)')
  const measured = sizes.filter((s) => bySize.has(s)).sort((a, b) => a - b)
  const perModule = (m, size) => (m.cpu === undefined ? 'n/a' : `${((m.cpu * 1000) / size).toFixed(1)} ms`)
  table(['modules', 'bare CPU', 'full CPU', 'full per module', 'full x bare', 'lint CPU', 'peak RSS bare / full / lint'],
    measured.map((size) => {
      const {measures: m, ratios} = bySize.get(size)
      return [count(size), seconds(m.bare.cpu), seconds(m.full1.cpu), perModule(m.full1, size), times(ratios.fullCpu), seconds(m.lint.cpu), [m.bare.rss, m.full1.rss, m.lint.rss].map(megabytes).join(' / ')]
    }))
  const scaling = {}
  if (measured.length >= 2) {
    const [low, high] = [measured[0], measured.at(-1)]
    scaling.range = `${count(low)} to ${count(high)}`
    scaling.full = high / low
    const exponent = (name) => {
      const a = bySize.get(low).measures[name].cpu
      const b = bySize.get(high).measures[name].cpu
      return a && b ? Math.log(b / a) / Math.log(high / low) : undefined
    }
    Object.assign(scaling, {bare: exponent('bare'), fullBuild: exponent('full1'), lint: exponent('lint'), low, high})
    const show = (value) => (value === undefined ? 'n/a' : value.toFixed(3))
    console.log(`Exponent from ${scaling.range} modules, log(t${high}/t${low})/log(${high / low}): full build ${show(scaling.fullBuild)}, bare pass ${show(scaling.bare)}, iop lint ${show(scaling.lint)}`)
    // Whole-process CPU includes node's start and the imports, a fixed cost that
    // weighs most at the smallest size and pulls the exponent under 1; the
    // exponent between neighbouring sizes shows where the growth is.
    for (let i = 1; measured.length > 2 && i < measured.length; i++) {
      const [a, b] = [measured[i - 1], measured[i]]
      const step = (name) => {
        const [ta, tb] = [bySize.get(a).measures[name].cpu, bySize.get(b).measures[name].cpu]
        return ta && tb ? Math.log(tb / ta) / Math.log(b / a) : undefined
      }
      console.log(`  between ${count(a)} and ${count(b)}: full build ${show(step('full1'))}, bare pass ${show(step('bare'))}, iop lint ${show(step('lint'))}`)
      scaling.top = {range: `${count(a)} to ${count(b)}`, fullBuild: step('full1')}
    }
  } else {
    console.log('Exponent: n/a (needs two sizes in BENCH_SIZES)')
  }

  heading('Bundled library: wall time, median of 5 (start-up: of 11 pairs; cold: fresh IOP_CACHE_DIR each run; warm: the same dir after one run)')
  const cli = cliTimings(work)
  const help = cli.help.wall
  const vsHelp = (t) => (t.wall === undefined ? '' : times(t.wall / help))
  table(['command', 'cold', 'cold x --help', 'warm', 'warm x --help', 'CPU cold / warm', 'note'], [
    ['node -e 0', seconds(cli.node.wall), vsHelp(cli.node), '', '', '', cli.node.reason ?? ''],
    ['iop --help', seconds(cli.help.wall), vsHelp(cli.help), '', '', '', cli.help.reason ?? `${times(cli.help.vsNode)} node -e 0 (median of per-pair ratios)`],
    ...cli.rows.map((r) => [r.name, seconds(r.cold.wall), vsHelp(r.cold), seconds(r.warm.wall), vsHelp(r.warm), `${seconds(r.cold.cpu)} / ${seconds(r.warm.cpu)}`, r.cold.reason ?? r.warm.reason ?? (r.cacheWritten ? '' : 'no cache written: warm is a second cold run')])
  ])

  heading(`${count(reference)} modules: iop lint after one module changes (warm cache)`)
  if (change.reason) {
    console.log(`n/a: ${change.reason}`)
  } else {
    console.log(`Unchanged, warm: ${seconds(change.unchanged.wall)} wall, ${seconds(change.unchanged.cpu)} CPU${change.cacheWritten ? '' : ' (no cache written: every run is cold)'}`)
    console.log(`After one module changes: ${seconds(change.changed.wall)} wall, ${seconds(change.changed.cpu)} CPU (median of ${runs}, a different module each run)`)
    console.log(`Each change seen: ${change.seen ? 'yes' : 'NO, a change was missed'} (findings after each run: ${change.findings.join(', ')}; each appended sentence adds one)`)
  }

  if (cacheStamp() !== defaultCache) console.log(`\nNote: ${defaultCacheDir} changed during the run: if IOP_CACHE_DIR was not honoured, "cold" figures may be warm.`)

  heading('Targets (issue 11)')
  table(['target', 'figure', 'limit', 'result'], targetRows({bySize, reference, scaling, cli, change}))
}

const work = mkdtempSync(path.join(tmpdir(), 'iop-bench-'))
const cleanup = () => rmSync(work, {recursive: true, force: true})
process.on('SIGINT', () => {
  cleanup()
  process.exit(130)
})
try {
  await main(work)
} catch (error) {
  console.log(`\nThe benchmark stopped early: ${error instanceof Error ? error.stack : error}`)
} finally {
  cleanup()
}
