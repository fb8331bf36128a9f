// Section 2: paired runs on one synthetic curriculum. Each pair is, in turn,
// the bare unified pass, the full build with 1 job, the full build with 2
// jobs, and `iop lint`, each a separate node process with a cold cache;
// ratios are taken per pair, then the median over pairs.
import {fileURLToPath} from 'node:url'
import {bin, freshDir, holdsFiles, root} from './context.js'
import {lastJson, median, runNode} from './measure.js'

const script = (name) => fileURLToPath(new URL(name, import.meta.url))

/** Errors, warnings and files from `iop lint`'s closing line. */
export function lintCounts(stdout) {
  const match = /(\d+) errors?, (\d+) warnings? in (\d+) files?/.exec(stdout)
  return match ? {errors: Number(match[1]), warnings: Number(match[2]), files: Number(match[3])} : undefined
}

function buildSample(dir, jobs, work) {
  const cache = freshDir(work, 'cache')
  const sample = runNode([script('full-build.js'), dir, String(jobs)], {cwd: root, work, env: {IOP_CACHE_DIR: cache}})
  sample.result = lastJson(sample.stdout)
  sample.cacheWritten = holdsFiles(cache)
  if (sample.ok && !sample.result) Object.assign(sample, {ok: false, reason: 'no result line on stdout'})
  return sample
}

function lintSample(dir, features, work) {
  const cache = freshDir(work, 'cache')
  const sample = runNode([bin, 'lint', '--curriculum', dir, '--format', 'compact', ...(features.lintJobs ? ['--jobs', '1'] : [])], {cwd: root, work, finding: true, env: {IOP_CACHE_DIR: cache}})
  sample.result = lintCounts(sample.stdout)
  sample.cacheWritten = holdsFiles(cache)
  return sample
}

/**
 * Run the pairs on one curriculum.
 *
 * @returns {{measures: Record<string, object>, ratios: object}} Per measure:
 *   median cpu and wall, max rss, the last result, why it is n/a.
 */
export function pairedRuns({dir, runs, features, work}) {
  const samples = {bare: [], full1: [], full2: [], lint: []}
  for (let r = 0; r < runs; r++) {
    const bare = runNode([script('bare-pass.js'), dir], {cwd: root, work})
    bare.result = lastJson(bare.stdout)
    samples.bare.push(bare)
    samples.full1.push(buildSample(dir, 1, work))
    if (features.buildLibrary) samples.full2.push(buildSample(dir, 2, work))
    samples.lint.push(lintSample(dir, features, work))
  }
  const measures = {}
  for (const [name, list] of Object.entries(samples)) {
    const failed = list.find((s) => !s.ok)
    measures[name] = {
      cpu: failed ? undefined : median(list.map((s) => s.cpu)),
      wall: failed ? undefined : median(list.map((s) => s.wall)),
      rss: failed ? undefined : Math.max(...list.map((s) => s.rss ?? 0)) || undefined,
      result: list.at(-1)?.result,
      cacheWritten: list.some((s) => s.cacheWritten),
      reason: failed ? failed.reason : list.length === 0 ? 'buildLibrary is not exported by dist/index.js yet; the fallback has no workers' : undefined
    }
  }
  const pairRatio = (name, field) => median(samples.bare.map((bare, i) => (samples[name][i]?.ok && bare.ok ? samples[name][i][field] / bare[field] : undefined)))
  const ratios = {
    fullCpu: measures.full1.reason ? undefined : pairRatio('full1', 'cpu'),
    fullWall: measures.full1.reason ? undefined : pairRatio('full1', 'wall'),
    full2Wall: measures.full2.reason ? undefined : pairRatio('full2', 'wall'),
    full2Cpu: measures.full2.reason ? undefined : pairRatio('full2', 'cpu'),
    lintCpu: measures.lint.reason ? undefined : pairRatio('lint', 'cpu'),
    lintWall: measures.lint.reason ? undefined : pairRatio('lint', 'wall')
  }
  return {measures, ratios}
}
