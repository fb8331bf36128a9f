#!/usr/bin/env node
// Starts the CLI; everything else lives in src/ (built to dist/).

// Output piped into `head` closes early. That is not an error, but it must
// not end the run either: the command finishes and its exit code (1 for lint
// errors, say) stands, so `iop lint | head` under pipefail still fails.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error
})

let cli
try {
  cli = await import('../dist/cli.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error
  process.stderr.write('iop: not built yet, expected dist/ (run `npm install` or `npm run build` first)\n')
  process.exit(1)
}

process.exitCode = await cli.main(process.argv.slice(2))
