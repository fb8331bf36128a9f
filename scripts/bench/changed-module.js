// Section 4: `iop lint` on a synthetic curriculum after one module changes.
// A warm cache first (one run to fill it, one to time the unchanged case);
// then, per run, one more module gets a sentence with a Words Matter term
// appended to its body, so each change must show as one more finding (an error in
// client text, a warning in facilitator text): a cache that hid a change
// would show here.
import {appendFileSync} from 'node:fs'
import {bin, freshDir, holdsFiles, root} from './context.js'
import {median, runNode} from './measure.js'
import {lintCounts} from './paired.js'

/** The sentence appended: plain, but with a term the words-matter rule flags. */
export const sentence = '\n\nSome people still call a person in recovery an addict.\n'

/**
 * @param files The curriculum's module files (from writeSynthetic).
 * @returns {{unchanged: object, changed: object, seen: boolean, findings: number[], cacheWritten: boolean}}
 */
export function changedModule({dir, files, runs, work}) {
  const cache = freshDir(work, 'cache')
  const lint = () => runNode([bin, 'lint', '--curriculum', dir, '--format', 'compact'], {cwd: root, work, finding: true, env: {IOP_CACHE_DIR: cache}})
  const fill = lint()
  if (!fill.ok) return {reason: fill.reason}
  const findings = (stdout) => {
    const counts = lintCounts(stdout)
    return counts && counts.errors + counts.warnings
  }
  const before = findings(fill.stdout)
  const unchanged = lint()
  const changed = []
  for (let r = 0; r < runs; r++) {
    // Modules spread through the curriculum, a different one each run.
    appendFileSync(files[Math.floor(((r + 0.5) * files.length) / runs)], sentence)
    changed.push(lint())
  }
  const failed = [unchanged, ...changed].find((s) => !s.ok)
  if (failed) return {reason: failed.reason}
  const found = changed.map((s) => findings(s.stdout))
  return {
    unchanged: {wall: unchanged.wall, cpu: unchanged.cpu},
    changed: {wall: median(changed.map((s) => s.wall)), cpu: median(changed.map((s) => s.cpu))},
    findings: [before, ...found],
    seen: before !== undefined && found.every((n, i) => n === before + i + 1),
    cacheWritten: holdsFiles(cache)
  }
}
