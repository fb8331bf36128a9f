// Running and timing child processes: wall time from outside, CPU time and
// peak RSS from the child itself (report-usage.js), medians of repeated runs.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'

const preload = pathToFileURL(fileURLToPath(new URL('report-usage.js', import.meta.url))).href

/** Wall clock limit of one child (BENCH_TIMEOUT seconds, default 1 hour). */
const timeout = Number(process.env.BENCH_TIMEOUT ?? 3600) * 1000

/**
 * Run `node <args>` once.
 *
 * @param args Arguments after `node`.
 * @param options `cwd`, `env` (added to process.env), `work` (a temp folder
 *   for the usage file), `usage` (false: no preload, wall time only),
 *   `finding` (true for the CLI: exit 1 reports lint errors or a program
 *   below its level, a result rather than a failure).
 * @returns {{ok: boolean, code: number|null, wall: number, cpu?: number, rss?: number, stdout: string, reason?: string}}
 *   wall and cpu in seconds, rss in MB; ok is false when the child failed (another exit code, a signal, a timeout).
 */
export function runNode(args, {cwd, env = {}, work, usage = true, finding = false} = {}) {
  const usageDir = usage ? mkdtempSync(path.join(work, 'usage-')) : undefined
  const usageFile = usageDir && path.join(usageDir, 'usage.json')
  const start = performance.now()
  const child = spawnSync(process.execPath, usage ? ['--import', preload, ...args] : args, {
    cwd,
    env: {...process.env, ...env, ...(usageFile ? {BENCH_USAGE_FILE: usageFile} : {})},
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    timeout
  })
  const wall = (performance.now() - start) / 1000
  const result = {ok: true, code: child.status, wall, stdout: child.stdout ?? ''}
  if (usageFile && existsSync(usageFile)) {
    const used = JSON.parse(readFileSync(usageFile, 'utf8'))
    result.cpu = (used.user + used.system) / 1e6
    result.rss = used.maxRSS / 1024
  }
  if (usageDir) rmSync(usageDir, {recursive: true, force: true})
  if (child.error || !(child.status === 0 || (finding && child.status === 1))) {
    result.ok = false
    // The line that says why: an out-of-memory abort ends with stack frames, not its cause.
    const lines = (child.stderr ?? '').trim().split('\n').filter(Boolean)
    const last = lines.find((line) => /FATAL ERROR|out of memory|^\w*Error\b/.test(line)) ?? lines.at(-1)
    const how = child.error ? child.error.message : child.status === null ? `killed by ${child.signal}` : `exit ${child.status}`
    result.reason = `${how}${last && !child.error ? `: ${last.trim().slice(0, 160)}` : ''}`
  }
  return result
}

/** The last line of a child's stdout, parsed as JSON (undefined when it is not JSON). */
export function lastJson(stdout) {
  const line = stdout.trim().split('\n').slice(-1)[0]
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

/** Median of numbers (undefined for none). */
export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
