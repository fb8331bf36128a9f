/**
 * Writes the `source` block into a translation's frontmatter text and changes
 * nothing else: the old block (if any) is cut out and the new one goes last
 * in the frontmatter, so marking twice with the same English gives the same
 * bytes. Pure: text in, text out.
 */
import {stringify} from 'yaml'
import {UserError} from '../util/user-error.js'
import type {TranslationSource} from './translation-schema.js'

/**
 * The translation text with `source` set.
 *
 * @param text The translation file's text.
 * @param source The English hashes.
 * @param file Path for messages.
 * @returns The new text.
 * @throws {UserError} When the file has no frontmatter to write into.
 */
export function markedText(text: string, source: TranslationSource, file: string): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  const bom = lines[0].startsWith('\uFEFF') ? '\uFEFF' : ''
  if (lines[0].replace(/^\uFEFF/, '').trimEnd() !== '---') {
    throw new UserError(`${file}:1:1: Unexpected \`${lines[0].slice(0, 20)}\`, expected \`---\` opening the frontmatter`)
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---')
  if (close < 0) throw new UserError(`${file}:1:1: Unexpected unclosed frontmatter, expected a closing \`---\` line`)

  const kept: string[] = []
  let inSource = false
  for (const line of lines.slice(1, close)) {
    // The old block: the `source:` key and every indented or blank line after it.
    if (/^source[ \t]*:/.test(line)) inSource = true
    else if (inSource && !/^(?:[ \t]|$)/.test(line)) inSource = false
    if (!inSource) kept.push(line)
  }
  while (kept.length > 0 && kept.at(-1)!.trim() === '') kept.pop()
  const block = stringify({source: {objectives: source.objectives, handouts: source.handouts}}, {lineWidth: 0}).trimEnd().split('\n')
  const frontmatter = [bom + '---', ...kept, ...block, lines[close]]
  return [...frontmatter, ...lines.slice(close + 1)].join(newline)
}

