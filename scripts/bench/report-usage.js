// Preloaded into each measured child (node --import): when the process exits,
// write its own whole-process CPU time (user + system, all threads) and peak
// RSS to the file BENCH_USAGE_FILE names, so the parent reads what the child
// itself used rather than guessing from outside.
import {writeFileSync} from 'node:fs'
import {isMainThread} from 'node:worker_threads'

const file = process.env.BENCH_USAGE_FILE
// Workers inherit --import; only the main thread's figures cover the whole run.
if (file && isMainThread) {
  process.on('exit', () => {
    const cpu = process.cpuUsage()
    writeFileSync(file, JSON.stringify({user: cpu.user, system: cpu.system, maxRSS: process.resourceUsage().maxRSS}))
  })
}
