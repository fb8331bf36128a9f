// Section 3: wall time of everyday commands on the bundled library, median
// of 5 runs each: `node -e 0`, `iop --help`, and each command cold (a fresh
// IOP_CACHE_DIR every run) and warm (one run to fill a cache dir, then 5
// runs reusing it).
import path from 'node:path'
import {bin, freshDir, holdsFiles, root} from './context.js'
import {median, runNode} from './measure.js'

const repeats = 5

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
  return {label, wall: failed ? undefined : median(samples.map((s) => s.wall)), reason: failed?.reason}
}

/**
 * Time the commands.
 *
 * @param work The run's temp folder.
 * @returns {{node: object, help: object, rows: Array<{name: string, cold: object, warm: object, cacheWritten: boolean}>}}
 */
export function cliTimings(work) {
  const node = timed('node -e 0', () => runNode(['-e', '0'], {cwd: root, work, usage: false}))
  const help = timed('iop --help', () => runNode([bin, '--help'], {cwd: root, work, usage: false}))
  const rows = commands.map(({name, args}) => {
    const out = () => path.join(freshDir(work, 'out'), 'binder')
    const cold = timed(`${name}, cold`, () => runNode([bin, ...args(out())], {cwd: root, work, usage: false, finding: true, env: {IOP_CACHE_DIR: freshDir(work, 'cache')}}))
    const cache = freshDir(work, 'cache')
    const fill = runNode([bin, ...args(out())], {cwd: root, work, usage: false, finding: true, env: {IOP_CACHE_DIR: cache}})
    const warm = fill.ok ? timed(`${name}, warm`, () => runNode([bin, ...args(out())], {cwd: root, work, usage: false, finding: true, env: {IOP_CACHE_DIR: cache}})) : {wall: undefined, reason: fill.reason}
    return {name, cold, warm, cacheWritten: holdsFiles(cache)}
  })
  return {node, help, rows}
}
