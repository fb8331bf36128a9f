// Section 3: wall time of everyday commands on the bundled library, median
// of 5 runs each (11 pairs of `node -e 0` and `iop --help`), each command cold (a fresh
// IOP_CACHE_DIR every run) and warm (one run to fill a cache dir, then 5
// runs reusing it). Commands also report their CPU time: on a shared machine
// the wall clock partly measures the neighbours.
import path from 'node:path'
import {bin, freshDir, holdsFiles, root} from './context.js'
import {median, runNode} from './measure.js'

const repeats = 5
/** Pairs of `node -e 0` and `iop --help`. */
const startPairs = 11

/** The commands timed, as functions of a fresh output folder (assembly writes one). */
export const commands = [
  {name: 'iop list', args: () => ['list']},
  {name: 'iop guide coping-with-cravings', args: () => ['guide', 'coping-with-cravings']},
  {name: 'iop lint', args: () => ['lint']},
  {name: 'iop assemble --program examples/evening-program.yaml', args: (out) => ['assemble', '--program', 'examples/evening-program.yaml', '--out', out]}
]

function timed(label, run) {
  const samples = Array.from({length: repeats}, (_, i) => run(i))
  const failed = samples.find((s) => !s.ok)
  return {label, wall: failed ? undefined : median(samples.map((s) => s.wall)), cpu: failed ? undefined : median(samples.map((s) => s.cpu)), reason: failed?.reason}
}

/**
 * Time the commands.
 *
 * @param work The run's temp folder.
 * @returns {{node: object, help: object, rows: Array<{name: string, cold: object, warm: object, cacheWritten: boolean}>}}
 */
export function cliTimings(work) {
  // Start-up is short and easily disturbed: node and --help run in turn, more
  // often, and their ratio is the median of the per-pair ratios.
  const pairs = Array.from({length: startPairs}, () => [runNode(['-e', '0'], {cwd: root, work, usage: false}), runNode([bin, '--help'], {cwd: root, work, usage: false})])
  const summary = (label, i) => {
    const failed = pairs.find((pair) => !pair[i].ok)?.[i]
    return {label, wall: failed ? undefined : median(pairs.map((pair) => pair[i].wall)), reason: failed?.reason}
  }
  const node = summary('node -e 0', 0)
  const help = summary('iop --help', 1)
  help.vsNode = node.reason || help.reason ? undefined : median(pairs.map(([n, h]) => h.wall / n.wall))
  const rows = commands.map(({name, args}) => {
    const out = () => path.join(freshDir(work, 'out'), 'binder')
    const cold = timed(`${name}, cold`, () => runNode([bin, ...args(out())], {cwd: root, work, finding: true, env: {IOP_CACHE_DIR: freshDir(work, 'cache')}}))
    const cache = freshDir(work, 'cache')
    const fill = runNode([bin, ...args(out())], {cwd: root, work, finding: true, env: {IOP_CACHE_DIR: cache}})
    const warm = fill.ok ? timed(`${name}, warm`, () => runNode([bin, ...args(out())], {cwd: root, work, finding: true, env: {IOP_CACHE_DIR: cache}})) : {wall: undefined, reason: fill.reason}
    return {name, cold, warm, cacheWritten: holdsFiles(cache)}
  })
  return {node, help, rows}
}
