// Printing for the benchmark: the machine, numbers, ratios and plain tables.
import os from 'node:os'

/** One line describing the machine the figures come from. */
export function machine() {
  const cpus = os.cpus()
  const model = cpus[0]?.model?.trim() ?? 'unknown CPU'
  const memory = (os.totalmem() / 2 ** 30).toFixed(1)
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ')
  return `${model} x ${cpus.length} (availableParallelism ${os.availableParallelism()}), ${memory} GiB RAM, ${os.type()} ${os.release()}, node ${process.version}; load average ${load} at start`
}

/** Seconds, as `1.23 s` (`n/a` when missing). */
export const seconds = (value) => (value === undefined ? 'n/a' : `${value.toFixed(value < 10 ? 2 : 1)} s`)

/** A ratio, as `1.23x` (`n/a` when missing). */
export const times = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}x`)

/** Megabytes, as `123 MB` (`n/a` when missing). */
export const megabytes = (value) => (value === undefined ? 'n/a' : `${Math.round(value)} MB`)

/** A whole number with thousands separators. */
export const count = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : 'n/a')

/** Print a section heading. */
export function heading(text) {
  console.log(`\n== ${text} ==`)
}

/**
 * Print rows as a table, columns padded to their widest cell; a row that is
 * a string is printed as it is (a note under the table).
 */
export function table(header, rows) {
  const cells = [header, ...rows.filter((row) => Array.isArray(row))]
  const widths = header.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)))
  const line = (row) => row.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  ').trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(Array.isArray(row) ? line(row) : `  ${row}`)
}
