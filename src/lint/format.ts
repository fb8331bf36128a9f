/**
 * Lint output: the compact `path:line:col  severity  reason  rule-id` form
 * for people, and a stable JSON form for CI (documented in docs/rules.md).
 */
import type {VFile} from 'vfile'

/**
 * Format messages one per line.
 *
 * @param files Linted files.
 * @returns Text, one line per message, plus a summary line.
 */
export function formatCompact(files: readonly VFile[]): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      const severity = message.fatal ? 'error' : 'warning'
      if (message.fatal) errors++
      else warnings++
      lines.push(`${file.path}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd())
    }
  }
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`)
  return lines.join('\n') + '\n'
}

/** One message in the JSON output. */
export interface JsonMessage {
  file: string
  line: number
  column: number
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning'
  ruleId: string | null
  message: string
}

/**
 * Format messages as stable JSON: a sorted array of messages and totals.
 *
 * @param files Linted files.
 * @returns A JSON document ending in a newline.
 */
export function formatJson(files: readonly VFile[]): string {
  const messages: JsonMessage[] = []
  for (const file of files) {
    for (const message of file.messages) {
      messages.push({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.place && 'end' in message.place ? message.place.end.line : null,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
        severity: message.fatal ? 'error' : 'warning',
        ruleId: message.ruleId ?? null,
        message: message.reason
      })
    }
  }
  const errors = messages.filter((m) => m.severity === 'error').length
  return JSON.stringify({version: 1, files: files.length, errors, warnings: messages.length - errors, messages}, null, 2) + '\n'
}
