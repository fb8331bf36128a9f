// Section 5: the targets of issue 11, each with the figure this run measured,
// the limit and PASS or FAIL (n/a, with the reason, when it could not be
// measured). A figure measured on another range than the target's says so.
import {count, megabytes, seconds, times} from './report.js'

const verdict = (ok, note) => (ok === undefined ? `n/a${note ? ` (${note})` : ''}` : `${ok ? 'PASS' : 'FAIL'}${note ? ` (${note})` : ''}`)

/**
 * @returns {Array<string[]>} Rows: target, figure, limit, result.
 */
export function targetRows({bySize, reference, scaling, cli, change}) {
  const at = bySize.get(reference)
  const rows = []
  const ratioRow = (label, value, limit, why) => rows.push([label, times(value), `<= ${limit.toFixed(2)}x`, verdict(value === undefined ? undefined : value <= limit, value === undefined ? why : '')])
  const missing = at ? undefined : `${count(reference)} not in BENCH_SIZES`
  ratioRow(`Full build, ${count(reference)} modules, cold, 1 job: CPU x bare pass`, at?.ratios.fullCpu, 1.5, missing ?? at?.measures.full1.reason)
  ratioRow(`Full build, ${count(reference)} modules, 2 jobs: wall x bare pass`, at?.ratios.full2Wall, 1, missing ?? at?.measures.full2.reason)

  const onRange = scaling.low === 100 && scaling.high === 10000
  // The start-up cost flatters the whole range; the top step shows growth.
  const topNote = scaling.top?.fullBuild === undefined ? '' : `${scaling.top.range} alone: ${scaling.top.fullBuild.toFixed(3)}`
  rows.push([
    `Scaling exponent, full build CPU, ${scaling.range ?? '100 to 10,000'} modules`,
    scaling.fullBuild === undefined ? 'n/a' : scaling.fullBuild.toFixed(3),
    '<= 1.05',
    verdict(scaling.fullBuild === undefined ? undefined : scaling.fullBuild <= 1.05, scaling.fullBuild === undefined ? 'needs two sizes with a full build' : [onRange ? '' : 'not the target range of 100 to 10,000', topNote].filter(Boolean).join('; '))
  ])
  const large = bySize.get(10000)
  rows.push(['Peak RSS, full build, 10,000 modules', megabytes(large?.measures.full1.rss), '< 400 MB', verdict(large?.measures.full1.rss === undefined ? undefined : large.measures.full1.rss < 400, large ? large.measures.full1.reason : '10,000 not in BENCH_SIZES')])

  const help = cli.help.wall
  for (const row of cli.rows.filter((r) => !r.name.startsWith('iop assemble'))) {
    const wall = row.warm.wall
    const ok = wall === undefined || help === undefined ? undefined : wall < 0.5 && wall <= 3 * help
    rows.push([`Warm cache, bundled library: ${row.name}`, wall === undefined ? 'n/a' : `${seconds(wall)}, ${times(wall / help)} --help`, '< 0.5 s and <= 3x --help', verdict(ok, wall === undefined ? row.warm.reason : row.cacheWritten ? '' : 'no cache written')])
  }
  const changed = change.changed?.wall
  rows.push([`iop lint after one module changes, ${count(reference)} modules`, seconds(changed), '< 1 s wall', verdict(changed === undefined ? undefined : changed < 1 && change.seen, changed === undefined ? change.reason : change.seen ? '' : 'a change was missed')])
  const start = cli.help.vsNode
  rows.push(['Cold start: iop --help x node -e 0', times(start), '<= 2.00x', verdict(start === undefined ? undefined : start <= 2, cli.help.reason ?? cli.node.reason)])
  rows.push(['No output changes', 'not measured here', 'golden fixtures pass', 'see npm test'])
  return rows
}
