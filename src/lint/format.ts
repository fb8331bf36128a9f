/**
 * Lint output: vfile-reporter's report grouped by file (the form remark and
 * ESLint users know), the compact `path:line:col  severity  reason  rule-id`
 * form for grep and editors' problem matchers, and a stable JSON form for CI
 * (documented in docs/rules.md).
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

/** Options of {@link formatReport}. */
export interface ReportOptions {
  /** ANSI colour. */
  color: boolean
  /** Show each message's documentation URL. */
  verbose?: boolean
}

/**
 * Format messages grouped by file, with vfile-reporter.
 *
 * @param files Linted files.
 * @param options Colour and verbosity.
 * @returns The report; `0 errors, 0 warnings in N files` when there is nothing to say.
 */
export function formatReport(files: readonly VFile[], options: ReportOptions): string {
  const withMessages = files.filter((file) => file.messages.length > 0)
  if (withMessages.length === 0) return `0 errors, 0 warnings in ${files.length} file${files.length === 1 ? '' : 's'}\n`
  return reporter([...withMessages], {color: options.color, verbose: options.verbose ?? false, quiet: true}) + '\n'
}

/**
 * Whether to colour output: `--color`/`--no-color` first, then `NO_COLOR`
 * and `FORCE_COLOR` (no-color.org), then whether stdout is a terminal.
 *
 * @param flag The `--color` option, if given.
 * @param env The environment.
 * @param isTTY Whether stdout is a terminal.
 * @returns True to colour.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined> = {}, isTTY = false): boolean {
  if (flag !== undefined) return flag
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  return isTTY
}

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
